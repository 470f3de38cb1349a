/**
 * What happens when a batch arrives: validated against capture's field rules, stored in one transaction,
 * acknowledged; then the watches, the tab's badge, capture health, the browsed communities, the comment
 * settling of a post page, the search index and a re-rank follow. Batches a tab kept in storage.local
 * (its message lost while this worker slept) are stored from here too.
 */
import type { Browser } from 'wxt/browser';
import { CaptureBatchShape, CapturedCommentShape, CapturedPostShape, BodyPatchShape, invalidField, validRecords } from '../capture/schema';
import type { BodyPatch, CaptureBatch } from '../capture/schema';
import type { CapturedComment, CapturedPost } from '../capture/types';
import { getDb } from '../db/schema';
import { ingest, type IngestResult } from '../db/posts';
import type { CaptureAck } from '../messaging';
import { captureStatusItem } from '../storage/items';
import { forgetPending, forgetPendingKey, pendingBatches } from '../storage/light';
import { getSettings } from '../storage/settings';
import type { Settings } from '../settings/shape';
import type { WatchHit } from '../search/watch';
import { communityKey } from '../reddit/names';
import { lowOnSpace, lowSpaceMessage } from './space';
import { indexStored } from './search';
import { checkWatches } from './watches';
import { setBadge } from './badge';
import { recordBrowsed, recordHealth, settleComments } from './health';
import { dropFirstPaint } from './first-paint';
import { scheduleRerank } from './schedule';

export async function handleCapture(data: unknown, sender: Pick<Browser.runtime.MessageSender, 'tab'>): Promise<CaptureAck> {
  const bad = invalidField(CaptureBatchShape, data);
  // A malformed batch will not improve by being sent again: acknowledge it as refused, store nothing.
  if (bad) return { ok: true, stored: 0, comments: 0, rejected: 1, error: `malformed batch (field ${bad})` };
  const batch = data as CaptureBatch;
  const settings = await getSettings();
  if (!settings.captureEnabled || (sender.tab?.incognito && !settings.captureInPrivate))
    return { ok: true, stored: 0, comments: 0, rejected: 0, paused: true };
  const excluded = new Set(settings.excluded.map(communityKey));
  const posts = validRecords<CapturedPost>(CapturedPostShape, batch.posts);
  posts.ok = posts.ok.filter((p) => !excluded.has(communityKey(p.subreddit)));
  const comments = validRecords<CapturedComment>(CapturedCommentShape, batch.comments);
  const bodies = validRecords(BodyPatchShape, batch.bodies ?? []);
  const done = await storeRecords(posts.ok, comments.ok, bodies.ok, settings);
  if (!done.ok) return { ok: false, stored: 0, comments: 0, rejected: 0, error: done.error };
  const tabId = sender.tab?.id;
  if (tabId != null && tabId >= 0) await setBadge(tabId, batch.tabTotal);
  if (batch.page) await recordHealth(batch.page);
  // A page's first batch: one more page of its community browsed (Options suggests tracking those).
  if (batch.page && sender.tab?.url) await recordBrowsed(sender.tab.url);
  settleComments(tabId, batch.page, posts.ok, comments.ok);
  // Stored: the copy the content script kept for a tab that might close (see drainPending) can go.
  void forgetPending(batch.batchId).catch(() => undefined);
  return {
    ok: true,
    stored: posts.ok.length,
    comments: done.result.comments,
    rejected: posts.rejected + comments.rejected + bodies.rejected,
  };
}

/**
 * Stores checked records through the one ingest, then what follows every stored batch, whichever way it
 * came (a page's batch, or keeping communities fresh): the watches and followed posts, the search index,
 * and a re-rank. Writes nothing while the disk is low (the caller keeps the records and tries later).
 */
export async function storeRecords(
  posts: CapturedPost[],
  comments: CapturedComment[],
  bodies: BodyPatch[],
  settings: Settings,
  options: { source?: 'refresh'; held?: WatchHit[] } = {},
): Promise<{ ok: true; result: IngestResult } | { ok: false; error: string }> {
  // Little disk left: write nothing (a full disk can cost the whole database); the sender keeps the
  // batch and tries again later, so capture resumes by itself once there is room.
  const low = await lowOnSpace();
  if (low) {
    const message = lowSpaceMessage(low.free);
    await captureStatusItem.setValue({ state: 'storage-low', since: Date.now(), message });
    statusClear = false;
    return { ok: false, error: message };
  }
  let result;
  try {
    result = await ingestReopening(posts, comments, bodies, Date.now(), options.source);
  } catch (e) {
    // Not written (the transaction rolled back whole): the sender keeps the batch and tries again later.
    const full = isQuotaError(e);
    if (full) {
      await captureStatusItem.setValue({ state: 'storage-full', since: Date.now(), message: STORAGE_FULL });
      statusClear = false;
    }
    return { ok: false, error: full ? STORAGE_FULL : `could not store the batch: ${(e as Error).message}` };
  }
  // After a full disk, the first batch that fits clears the notice (checked once per worker start).
  if (!statusClear) {
    await captureStatusItem.removeValue();
    statusClear = true;
  }
  // Watches and followed posts, against what is now stored (cheap: text matching of this batch only).
  const stored = [...posts.map((p) => p.id), ...bodies.map((b) => b.postId)];
  const commentIds = comments.map((c) => c.id);
  await checkWatches(getDb(), stored, commentIds, settings, Date.now(), options.held).catch((e) => console.warn('[Reddit Trend Radar] watches:', e));
  // The search index follows (after this batch's answer is ready: capture never waits for it).
  setTimeout(() => void indexStored(getDb(), stored, commentIds).catch((e) => console.warn('[Reddit Trend Radar] search index:', e)), 0);
  if (result.added || result.updated) {
    // The popup's first paint would show a table older than this batch: gone until the next re-rank.
    await dropFirstPaint();
    scheduleRerank();
  }
  return { ok: true, result };
}

/**
 * Stores the batches content scripts kept in storage.local and whose message never arrived (the tab
 * closed while this worker slept). Each is handled as if it had come by message (validated, merged: a
 * repeat changes nothing) and removed once stored; one that could not be stored stays for the next try.
 */
export async function drainPending(): Promise<number> {
  let stored = 0;
  for (const [key, batch] of await pendingBatches()) {
    const ack = await handleCapture(batch, {});
    if (!ack.ok) continue;
    await forgetPendingKey(key);
    stored++;
  }
  return stored;
}

/** How long a kept batch waits for its message before the background stores it from storage. */
export const PENDING_GRACE_MS = 3_000;
let drainTimer: ReturnType<typeof setTimeout> | undefined;
export function scheduleDrain(): void {
  clearTimeout(drainTimer);
  drainTimer = setTimeout(() => void drainPending().catch((e) => console.warn('[Reddit Trend Radar] pending batches:', e)), PENDING_GRACE_MS);
}

let statusClear = false;
export const STORAGE_FULL =
  'The disk is full: capture is paused and will resume by itself once there is room. Free some space, or keep less history (Options → Retention).';

export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; inner?: { name?: string }; message?: string } | null;
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError' || /quota/i.test(err?.message ?? '');
}

/** Ingests; if the database was closed underneath (by the browser, or another page), reopens it once. */
async function ingestReopening(...args: Parameters<typeof ingest> extends [unknown, ...infer R] ? R : never) {
  const db = getDb();
  try {
    return await ingest(db, ...args);
  } catch (e) {
    if ((e as { name?: string }).name !== 'DatabaseClosedError') throw e;
    await db.open();
    return ingest(db, ...args);
  }
}

