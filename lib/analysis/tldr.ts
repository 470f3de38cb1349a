/** A captured post's TL;DR, from its body and top comments: by the model when there is one, else offline. */
import type { ShownPost } from '../rank/types';
import type { ChatEngine, ChatMessage } from '../llm/engine';
import { cacheKey, type GenerationCache } from './cache';
import { groundText } from './grounding';
import { readLine, type PostDetail } from './detail';
import { estimateTokens } from './prompts';
import { OFFLINE_SOURCE } from './offline';
import { inlineText } from '../markdown/escape';
import { keySentences, stance, STANCE_WORDS } from './extract';

const SYSTEM = 'Summarise a Reddit post and its discussion in 3-5 short bullet points of plain Markdown. Use only the text given. No links, no headings.';

export function tldrPrompt(post: ShownPost, detail: PostDetail, contextWindow: number): ChatMessage[] {
  let bodyChars = 2400;
  for (;;) {
    const parts = [`Title: ${post.title}`, `Community: r/${post.subreddit}`, ...(detail.read ? [`Comments: you are given some of the ${detail.read.comments} captured of ${detail.read.of}; do not claim to cover the whole thread.`] : []), `Text: ${(detail.body ?? '(no text: a link or media post)').slice(0, bodyChars)}`];
    if (detail.article) parts.push(`Linked article: ${detail.article.slice(0, bodyChars)}`);
    for (const c of detail.comments.slice(0, 5)) parts.push(`Comment by u/${c.author ?? '?'}: ${c.body.slice(0, Math.round(bodyChars / 6))}`);
    const messages: ChatMessage[] = [{ role: 'system', content: SYSTEM }, { role: 'user', content: parts.join('\n') }];
    if (estimateTokens(parts.join('\n') + SYSTEM) < contextWindow - 400 || bodyChars < 200) return messages;
    bodyChars = Math.round(bodyChars / 2);
  }
}

/** The first n sentences of the first paragraph: a sentence ends at . ! ? before a space and a capital. */
export function sentences(text: string, n: number): string {
  const paragraph = text.trim().split(/\n\s*\n/)[0] ?? '';
  const flat = paragraph.replace(/\s+/g, ' ').trim();
  return flat.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“‘([])/u).slice(0, n).join(' ');
}

/**
 * The offline TL;DR: the post's key sentences (ranked, never the title again; the opening when nothing
 * ranks), then what its top comments do (agree, push back, ask) in their own key sentence.
 */
export function offlineTldr(post: ShownPost, detail: PostDetail): string {
  const out: string[] = [];
  const all = detail.comments.filter((c) => c.body.trim());
  const claims = detail.body ? keySentences(detail.body, 2, { avoid: post.title, context: all.map((c) => c.body) }) : [];
  if (claims.length) out.push(`- ${inlineText(claims.join(' '))}`);
  else if (detail.body?.trim()) out.push(`- ${inlineText(sentences(detail.body, 2))}`);
  else out.push(`- A ${post.flair ? `${inlineText(post.flair.toLowerCase())} ` : ''}post without text in r/${post.subreddit}.`);
  const comments = all.slice(0, 2);
  for (const c of comments) {
    const said = keySentences(c.body, 1, { avoid: post.title })[0] ?? sentences(c.body, 1);
    // What the comment does, read from the sentence shown, so the two agree.
    out.push(`- u/${inlineText(c.author ?? '[unknown]')}${c.score != null ? ` (${c.score} points)` : ''} ${STANCE_WORDS[stance(said)]}: ${inlineText(said)}`);
  }
  if (!comments.length) out.push('- No comments captured yet: open the post with its comments to include them.');
  else if (detail.read && detail.read.comments < detail.read.of) out.push(`- From what the page showed: ${readLine(detail.read)}.`);
  out.push(`- ${post.score == null ? 'Score hidden on Reddit' : `${post.score} points`}, ${post.comments} comments.`);
  return out.join('\n');
}

export async function tldr(
  post: ShownPost,
  detail: PostDetail,
  engine: ChatEngine | null,
  cache: GenerationCache,
  options: { signal?: AbortSignal; onToken?: (t: string) => void; regenerate?: boolean } = {},
): Promise<{ text: string; source: string; fromCache: boolean }> {
  if (!engine) return { text: offlineTldr(post, detail), source: OFFLINE_SOURCE, fromCache: false };
  const messages = tldrPrompt(post, detail, engine.contextWindow);
  const key = await cacheKey(engine.modelId, messages);
  const cached = options.regenerate ? undefined : await cache.get(key);
  if (cached !== undefined) return { text: cached, source: engine.modelId, fromCache: true };
  const { text } = await engine.generate(messages, { maxTokens: 300, signal: options.signal, onToken: options.onToken });
  const grounded = groundText(text, [post]).text;
  await cache.put(key, engine.modelId, `tldr:${post.id}`, grounded);
  return { text: grounded, source: engine.modelId, fromCache: false };
}
