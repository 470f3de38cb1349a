/**
 * What the pages the user reads tell us, kept in storage.local: capture health per page type
 * (lib/capture/health.ts), the comment settling of post pages, and the communities browsed (Options
 * suggests tracking those, lib/settings/browsed.ts).
 */
import type { CapturedComment, CapturedPost } from '../capture/types';
import { recordPage, type PageReport } from '../capture/health';
import { withBrowsedPage } from '../settings/browsed';
import { browsedItem, healthItem } from '../storage/items';

/** Read-modify-writes of storage.local keys the background keeps (health, browsed communities), one at a time. */
let storageWrites: Promise<void> = Promise.resolve();
/** Adds a page's read to the record (writes one after another: two tabs never lose a count). */
export function recordHealth(page: PageReport, now = Date.now()): Promise<void> {
  storageWrites = storageWrites.then(async () => {
    await healthItem.setValue(recordPage((await healthItem.getValue()) ?? {}, page, now));
  }).catch((e) => console.warn('[Reddit Trend Radar] capture health:', e));
  return storageWrites;
}

/** Counts a page of the community `url` belongs to, if any (lib/settings/browsed.ts). */
export function recordBrowsed(url: string, now = Date.now()): Promise<void> {
  storageWrites = storageWrites.then(async () => {
    const stored = (await browsedItem.getValue()) ?? {};
    const next = withBrowsedPage(stored, url, now);
    if (next !== stored) await browsedItem.setValue(next);
  }).catch((e) => console.warn('[Reddit Trend Radar] browsed communities:', e));
  return storageWrites;
}

/**
 * A post page with a comment count should show comment elements once it settled: the background follows
 * each tab's post page for COMMENTS_SETTLE_MS (its later batches bring the comments as they appear) and
 * records "<layout>-comments" health: found or not. (Done here, not in the content script, whose budget
 * is spent.)
 */
export const COMMENTS_SETTLE_MS = 10_000;
const postPages = new Map<number, { postId: string; layout: string; expected: number; seen: number; timer: ReturnType<typeof setTimeout> }>();

export function settleComments(tabId: number | undefined, page: PageReport | undefined, posts: CapturedPost[], comments: CapturedComment[]): void {
  if (tabId == null) return;
  const open = postPages.get(tabId);
  if (open) open.seen += comments.filter((c) => c.postId === open.postId && !c.deleted).length;
  if (!page?.type.endsWith('-post')) return;
  const post = posts[0];
  if (open) clearTimeout(open.timer);
  postPages.delete(tabId);
  if (!post || post.comments === 0) return;
  const watch = {
    postId: post.id,
    layout: page.type.split('-')[0]!,
    expected: post.comments,
    seen: comments.filter((c) => c.postId === post.id && !c.deleted).length,
    timer: setTimeout(() => {
      postPages.delete(tabId);
      void recordHealth({ type: `${watch.layout}-comments`, posts: watch.seen > 0 ? 1 : 0, comments: watch.seen, skipped: 0 });
    }, COMMENTS_SETTLE_MS),
  };
  postPages.set(tabId, watch);
}

