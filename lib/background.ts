/**
 * The background worker: the only writer of captures. It validates what content scripts send, stores
 * it in one transaction per batch, acknowledges, and keeps the toolbar badge.
 */
import { browser, type Browser } from 'wxt/browser';
import { BodyPatchShape, CaptureBatchShape, CapturedCommentShape, CapturedPostShape, conforms, invalidField, validRecords } from './capture/schema';
import type { CaptureBatch } from './capture/schema';
import type { CapturedComment, CapturedPost } from './capture/types';
import { getDb } from './db/schema';
import { ingest } from './db/posts';
import { onMessages, type CaptureAck } from './messaging';
import { getSettings } from './settings';

export async function handleCapture(data: unknown, sender: Pick<Browser.runtime.MessageSender, 'tab'>): Promise<CaptureAck> {
  const bad = invalidField(CaptureBatchShape, data);
  // A malformed batch will not improve by being sent again: acknowledge it as refused, store nothing.
  if (bad) return { ok: true, stored: 0, comments: 0, rejected: 1, error: `malformed batch (field ${bad})` };
  const batch = data as CaptureBatch;
  if (!(await getSettings()).captureEnabled) return { ok: true, stored: 0, comments: 0, rejected: 0, paused: true };
  const posts = validRecords<CapturedPost>(CapturedPostShape, batch.posts);
  const comments = validRecords<CapturedComment>(CapturedCommentShape, batch.comments);
  const bodies = validRecords(BodyPatchShape, batch.bodies ?? []);
  const result = await ingest(getDb(), posts.ok, comments.ok, bodies.ok);
  const tabId = sender.tab?.id;
  if (tabId != null && tabId >= 0) void setBadge(tabId, batch.tabTotal);
  return {
    ok: true,
    stored: posts.ok.length,
    comments: result.comments,
    rejected: posts.rejected + comments.rejected + bodies.rejected,
  };
}

async function setBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#d93a00' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? (count > 999 ? '999+' : String(count)) : '' });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

/** Recovers a post body with Readability on a post page of unknown markup (see readability-fallback). */
async function handleReadability(data: unknown, sender: Pick<Browser.runtime.MessageSender, 'tab'>): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  const postId = (data as { postId?: unknown } | null)?.postId;
  if (tabId == null || typeof postId !== 'string') return { ok: false };
  const [res] = await browser.scripting.executeScript({ target: { tabId }, files: ['/readability-fallback.js'] });
  const body = typeof res?.result === 'string' ? res.result : null;
  const patch = { postId, body };
  if (!conforms(BodyPatchShape, patch)) return { ok: false };
  await ingest(getDb(), [], [], [patch]);
  return { ok: true };
}

export function startBackground(): void {
  onMessages({ capture: handleCapture, readabilityFallback: handleReadability });
}
