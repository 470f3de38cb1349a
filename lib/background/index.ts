/**
 * The background worker: the only writer of captures. It validates what content scripts send, stores
 * it in one transaction per batch, acknowledges, and keeps the toolbar badge.
 */
import { browser, type Browser } from 'wxt/browser';
import { BodyPatchShape, CaptureBatchShape, CapturedCommentShape, CapturedPostShape, conforms, invalidField, validRecords } from '../capture/schema';
import type { CaptureBatch } from '../capture/schema';
import type { CapturedComment, CapturedPost } from '../capture/types';
import { getDb } from '../db/schema';
import { ingest } from '../db/posts';
import { CAPTURE_STATUS_KEY, HEALTH_KEY, onMessages, PENDING_PREFIX, pendingKey, STORE_CHANGED_KEY, type CaptureAck } from '../messaging';

export { CAPTURE_STATUS_KEY, HEALTH_KEY };
import { getSettings } from '../settings/storage';
import { rankSettingsOf, SETTINGS_KEY } from '../settings/shape';
import { computeReport, storeLatest } from '../db/reports';
import { indexNames } from './names';
import { isTracked } from '../rank/rank';
import { applyRetention } from '../db/retention';
import { BADGES_KEY, badgesOf } from '../rank/badges';
import { REDDIT_MATCHES } from '../reddit/urls';
import { lowOnSpace, lowSpaceMessage } from './space';
import { FIRST_PAINT_KEY, firstPaintOf } from '../db/first-read';
import { dropIndex, indexStored, rebuildSearch, runSearch } from './search';
import { badgeFor, checkWatches, readWatchState, setUpWatchNotifications, showWatchBadge } from './watches';
import { unseenCount, WATCH_STATE_KEY } from '../search/watch';
import type { SearchRequest } from '../search/types';
import { showsPost, type FallbackArticle } from '../capture/fallback';
import { recordPage, type CaptureHealth, type PageReport } from '../capture/health';
import { BROWSED_KEY, withBrowsedPage, type Browsed } from '../settings/browsed';
import { autoBackup, opfsBackupStore } from '../db/auto-backup';

export async function handleCapture(data: unknown, sender: Pick<Browser.runtime.MessageSender, 'tab'>): Promise<CaptureAck> {
  const bad = invalidField(CaptureBatchShape, data);
  // A malformed batch will not improve by being sent again: acknowledge it as refused, store nothing.
  if (bad) return { ok: true, stored: 0, comments: 0, rejected: 1, error: `malformed batch (field ${bad})` };
  const batch = data as CaptureBatch;
  const settings = await getSettings();
  if (!settings.captureEnabled || (sender.tab?.incognito && !settings.captureInPrivate))
    return { ok: true, stored: 0, comments: 0, rejected: 0, paused: true };
  // Little disk left: write nothing (a full disk can cost the whole database); the sender keeps the
  // batch and tries again later, so capture resumes by itself once there is room.
  const low = await lowOnSpace();
  if (low) {
    const message = lowSpaceMessage(low.free);
    await browser.storage.local.set({ [CAPTURE_STATUS_KEY]: { state: 'storage-low', since: Date.now(), message } });
    statusClear = false;
    return { ok: false, stored: 0, comments: 0, rejected: 0, error: message };
  }
  const excluded = new Set(settings.excluded.map((s) => s.toLowerCase()));
  const posts = validRecords<CapturedPost>(CapturedPostShape, batch.posts);
  posts.ok = posts.ok.filter((p) => !excluded.has(p.subreddit.toLowerCase()));
  const comments = validRecords<CapturedComment>(CapturedCommentShape, batch.comments);
  const bodies = validRecords(BodyPatchShape, batch.bodies ?? []);
  let result;
  try {
    result = await ingestReopening(posts.ok, comments.ok, bodies.ok);
  } catch (e) {
    // Not written (the transaction rolled back whole): the sender keeps the batch and tries again later.
    const full = isQuotaError(e);
    const error = full ? STORAGE_FULL : `could not store the batch: ${(e as Error).message}`;
    if (full) {
      await browser.storage.local.set({ [CAPTURE_STATUS_KEY]: { state: 'storage-full', since: Date.now(), message: STORAGE_FULL } });
      statusClear = false;
    }
    return { ok: false, stored: 0, comments: 0, rejected: 0, error };
  }
  // After a full disk, the first batch that fits clears the notice (checked once per worker start).
  if (!statusClear) {
    await browser.storage.local.remove(CAPTURE_STATUS_KEY);
    statusClear = true;
  }
  // Watches and followed posts, against what is now stored (cheap: text matching of this batch only).
  const stored = [...posts.ok.map((p) => p.id), ...bodies.ok.map((b) => b.postId)];
  await checkWatches(getDb(), stored, comments.ok.map((c) => c.id), settings).catch((e) => console.warn('[Reddit Trend Radar] watches:', e));
  const tabId = sender.tab?.id;
  if (tabId != null && tabId >= 0) await setBadge(tabId, batch.tabTotal);
  if (batch.page) await recordHealth(batch.page);
  // A page's first batch: one more page of its community browsed (Options suggests tracking those).
  if (batch.page && sender.tab?.url) await recordBrowsed(sender.tab.url);
  watchComments(tabId, batch.page, posts.ok, comments.ok);
  // Stored: the copy the content script kept for a tab that might close (see drainPending) can go.
  void browser.storage.local.remove(pendingKey(batch.batchId)).catch(() => undefined);
  // The search index follows (after this batch's answer is ready: capture never waits for it).
  setTimeout(() => void indexStored(getDb(), stored, comments.ok.map((c) => c.id)).catch((e) => console.warn('[Reddit Trend Radar] search index:', e)), 0);
  if (result.added || result.updated) {
    // The popup's first paint would show a table older than this batch: gone until the next re-rank.
    await dropFirstPaint();
    scheduleRerank();
  }
  return {
    ok: true,
    stored: posts.ok.length,
    comments: result.comments,
    rejected: posts.rejected + comments.rejected + bodies.rejected,
  };
}

/**
 * Stores the batches content scripts kept in storage.local and whose message never arrived (the tab
 * closed while this worker slept). Each is handled as if it had come by message (validated, merged: a
 * repeat changes nothing) and removed once stored; one that could not be stored stays for the next try.
 */
export async function drainPending(): Promise<number> {
  const all = await browser.storage.local.get(null);
  let stored = 0;
  for (const [key, batch] of Object.entries(all)) {
    if (!key.startsWith(PENDING_PREFIX)) continue;
    const ack = await handleCapture(batch, {});
    if (!ack.ok) continue;
    await browser.storage.local.remove(key);
    stored++;
  }
  return stored;
}

/** How long a kept batch waits for its message before the background stores it from storage. */
export const PENDING_GRACE_MS = 3_000;
let drainTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleDrain(): void {
  clearTimeout(drainTimer);
  drainTimer = setTimeout(() => void drainPending().catch((e) => console.warn('[Reddit Trend Radar] pending batches:', e)), PENDING_GRACE_MS);
}

/** Read-modify-writes of storage.local keys the background keeps (health, browsed communities), one at a time. */
let storageWrites: Promise<void> = Promise.resolve();
/** Adds a page's read to the record (writes one after another: two tabs never lose a count). */
export function recordHealth(page: PageReport, now = Date.now()): Promise<void> {
  storageWrites = storageWrites.then(async () => {
    const stored = (await browser.storage.local.get(HEALTH_KEY))[HEALTH_KEY] as CaptureHealth | undefined;
    await browser.storage.local.set({ [HEALTH_KEY]: recordPage(stored ?? {}, page, now) });
  }).catch((e) => console.warn('[Reddit Trend Radar] capture health:', e));
  return storageWrites;
}

/** Counts a page of the community `url` belongs to, if any (lib/settings/browsed.ts). */
export function recordBrowsed(url: string, now = Date.now()): Promise<void> {
  storageWrites = storageWrites.then(async () => {
    const stored = ((await browser.storage.local.get(BROWSED_KEY))[BROWSED_KEY] as Browsed | undefined) ?? {};
    const next = withBrowsedPage(stored, url, now);
    if (next !== stored) await browser.storage.local.set({ [BROWSED_KEY]: next });
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

export function watchComments(tabId: number | undefined, page: PageReport | undefined, posts: CapturedPost[], comments: CapturedComment[]): void {
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

/** The tab's badge: how many posts this page captured, and the tooltip says so. */
async function setBadge(tabId: number, count: number): Promise<void> {
  try {
    if (!(await getSettings()).captureEnabled) return;
    const b = badgeFor(count, unseenCount(await readWatchState()));
    await browser.action.setBadgeBackgroundColor({ tabId, color: b.color });
    await browser.action.setBadgeText({ tabId, text: b.text });
    await browser.action.setTitle({ tabId, title: b.title });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

export const PAUSED_BADGE = 'OFF';
/**
 * While capture is paused, the toolbar says so on every tab: a grey "OFF" badge and a tooltip that
 * says how to resume. Turned on again, the badge is cleared (tabs show their counts as they capture).
 */
export async function showCaptureState(): Promise<void> {
  const { captureEnabled } = await getSettings();
  // On: the badge shows unseen watch matches, if any (nothing otherwise; tabs show their counts).
  if (captureEnabled) return showWatchBadge();
  await browser.action.setBadgeBackgroundColor({ color: '#5f6368' });
  await browser.action.setBadgeText({ text: PAUSED_BADGE });
  await browser.action.setTitle({ title: 'Reddit Trend Radar: capture is paused (turn it on in the popup)' });
}

/** Recovers a post body with Readability on a post page of unknown markup (see readability-fallback). */
async function handleReadability(data: unknown, sender: Pick<Browser.runtime.MessageSender, 'tab'>): Promise<{ ok: boolean }> {
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

/**
 * Whether the popup's copy of today's table may be in storage (lib/db/first-read.ts). Unknown when this
 * worker starts (true): the first change removes it; later batches write nothing until a re-rank
 * stores a new one. Pages remove it themselves after their bulk changes.
 */
let firstPaintKept = true;
async function dropFirstPaint(): Promise<void> {
  if (!firstPaintKept) return;
  await browser.storage.local.remove(FIRST_PAINT_KEY);
  firstPaintKept = false;
}

// ── Re-ranking: debounced after captures, on an alarm, and when the tracked communities change ──────
export const RERANK_DELAY_MS = 2_000;
export const RERANK_ALARM = 'rerank';
let rerankTimer: ReturnType<typeof setTimeout> | undefined;


/** Computes the report for now and stores it as the latest; pages showing it update by liveQuery. */
export async function rerank(now = Date.now()): Promise<void> {
  const settings = rankSettingsOf(await getSettings());
  const readAt = Date.now();
  const report = await computeReport(getDb(), now, settings);
  // The store changed while ranking (the sample loaded, an import): this report is stale; rank again.
  const stored = await storeLatest(getDb(), report, settings, now, readAt);
  if (!stored) scheduleRerank();
  // Today's table for the popup's first paint (lib/db/first-read.ts), from the report just stored.
  else {
    await browser.storage.local.set({ [FIRST_PAINT_KEY]: firstPaintOf(report, stored.settingsKey, stored.computedAt) });
    firstPaintKept = true;
  }
  await browser.storage.local.set({ [BADGES_KEY]: badgesOf(report) });
  // The names' first mentions, for "new this week" (a bounded batch; the next re-rank goes on).
  await indexNames(getDb(), isTracked(settings)).catch((e) => console.warn('[Reddit Trend Radar] name index failed:', e));
}

// ── Automatic backups (lib/db/auto-backup.ts) ─────────────────────────────────────────────────────────
export const BACKUP_ALARM = 'auto-backup';

/** Makes the weekly backup when one is due (and automatic backups are on). */
export async function backupIfDue(now = Date.now(), store = opfsBackupStore()): Promise<void> {
  if (!(await getSettings()).autoBackup) return;
  const { watches, follows } = await getSettings();
  await autoBackup(getDb(), store, now, false, { watches, follows });
}

export const RETENTION_ALARM = 'retention';
export async function retention(now = Date.now()): Promise<void> {
  const s = await getSettings();
  await applyRetention(getDb(), now, s.keepSightingsDays, s.keepPostsMonths);
  await dropFirstPaint();
  dropIndex();
  scheduleRerank();
}

// ── The sidebar: Chrome's side panel, Firefox's sidebar_action ─────────────────────────────────────────
export const MENU_SIDEBAR = 'open-sidebar';
export const COMMAND_SIDEBAR = 'open-sidebar';

/** Opens the sidebar for a tab; must run in response to the user's action (a menu click, a shortcut). */
export function openSidebar(tab: { id?: number; windowId?: number } | undefined): void {
  if (import.meta.env.FIREFOX) {
    void (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    return;
  }
  const panel = (browser as unknown as { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } }).sidePanel;
  if (tab?.id != null) void panel?.open({ tabId: tab.id });
  else if (tab?.windowId != null) void panel?.open({ windowId: tab.windowId });
}

function setUpSidebar(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_SIDEBAR,
      title: 'Open Reddit Trend Radar sidebar',
      contexts: ['page', 'link'],
      documentUrlPatterns: REDDIT_MATCHES,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SIDEBAR) openSidebar(tab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMAND_SIDEBAR) openSidebar(tab);
  });
}

function scheduleRerank(): void {
  clearTimeout(rerankTimer);
  rerankTimer = setTimeout(() => void rerank().catch((e) => console.warn('[Reddit Trend Radar] re-rank failed:', e)), RERANK_DELAY_MS);
}

/**
 * Creates an alarm only when it does not exist yet. The worker starts again and again (Chrome stops it
 * when idle); creating an alarm of the same name replaces it, so re-creating on every start pushed the
 * first retention run and backup (10 and 5 minutes ahead) further out each time, possibly forever.
 */
export async function ensureAlarm(name: string, info: { periodInMinutes: number; delayInMinutes: number }): Promise<void> {
  if (!(await browser.alarms.get(name))) await browser.alarms.create(name, info);
}

export function startBackground(): void {
  onMessages({
    capture: handleCapture,
    readabilityFallback: handleReadability,
    search: (data) => runSearch(getDb(), data as SearchRequest),
    rebuildSearch: () => rebuildSearch(getDb()),
  });
  // Windows move with time even without new captures: re-rank every 15 minutes.
  void ensureAlarm(RERANK_ALARM, { periodInMinutes: 15, delayInMinutes: 1 });
  void ensureAlarm(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 10 });
  void ensureAlarm(BACKUP_ALARM, { periodInMinutes: 6 * 60, delayInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RERANK_ALARM) void rerank();
    if (alarm.name === RETENTION_ALARM) void retention();
    if (alarm.name === BACKUP_ALARM) void backupIfDue().catch((e) => console.warn('[Reddit Trend Radar] automatic backup failed:', e));
  });
  setUpSidebar();
  setUpWatchNotifications();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changes[SETTINGS_KEY]) {
      scheduleRerank();
      void showCaptureState().catch(() => undefined);
    }
    // Watch matches seen (or cleared) in a page: the badge follows.
    if (changes[WATCH_STATE_KEY]) void showCaptureState().catch(() => undefined);
    // A page changed the store in bulk (sample, import, retention, deletion).
    if (changes[STORE_CHANGED_KEY]) {
      dropIndex();
      scheduleRerank();
    }
    // A content script kept a batch: if its message does not come (the tab closed), store it from here.
    // (A storage change wakes a sleeping worker, as a message would.)
    if (Object.entries(changes).some(([key, c]) => key.startsWith(PENDING_PREFIX) && c.newValue !== undefined)) scheduleDrain();
  });
  void showCaptureState().catch(() => undefined);
  // Batches kept while this worker was stopped.
  void drainPending().catch((e) => console.warn('[Reddit Trend Radar] pending batches:', e));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    scheduleRerank();
    // Once, on a fresh install (not on updates): what it does, that nothing leaves the browser, three steps.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
  });
}
