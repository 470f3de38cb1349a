/**
 * A post page of unknown markup: its body recovered with Readability (injected into that tab only), kept
 * only when the page shows the stored post's title.
 */
import { browser, type Browser } from 'wxt/browser';
import { BodyPatchShape, conforms } from '../capture/schema';
import { showsPost, type FallbackArticle } from '../capture/fallback';
import { getDb } from '../db/schema';
import { ingest } from '../db/posts';

/** Recovers a post body with Readability on a post page of unknown markup (see readability-fallback). */
export async function handleReadability(data: unknown, sender: Pick<Browser.runtime.MessageSender, 'tab'>): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  const postId = (data as { postId?: unknown } | null)?.postId;
  if (tabId == null || typeof postId !== 'string') return { ok: false };
  const [res] = await browser.scripting.executeScript({ target: { tabId }, files: ['/readability-fallback.js'] });
  const article = res?.result as Partial<FallbackArticle> | undefined;
  const post = await getDb().posts.get(postId);
  // Only the text of a page that shows this post's title: never an error, login or bot-check page's.
  const titles = Array.isArray(article?.titles) ? article.titles.filter((t): t is string => typeof t === 'string') : [];
  if (!post || !showsPost(post.title, titles)) return { ok: false };
  const patch = { postId, body: typeof article?.body === 'string' ? article.body : null };
  if (!conforms(BodyPatchShape, patch)) return { ok: false };
  await ingest(getDb(), [], [], [patch]);
  return { ok: true };
}

