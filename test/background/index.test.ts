import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { startBackground } from '@/lib/background';
import { handleCapture } from '@/lib/background/intake';
import { PAUSED_BADGE, showCaptureState } from '@/lib/background/badge';
import { getDb } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging';
import { updateSettings } from '@/lib/storage/settings';
import { capturedComment, capturedPost } from '../support/records';
import { BROWSED_KEY, BROWSED_LIMIT, trackSuggestions, withBrowsedPage, type Browsed } from '@/lib/settings/browsed';

beforeEach(async () => {
  fakeBrowser.reset();
  await getDb().delete();
  await getDb().open();
});

const tab = { id: 7 } as never;

test('a batch is validated record by record on receipt, stored, acknowledged, and the badge counts the tab', async () => {
  const good = capturedPost({ id: 't3_good' });
  const forged = { ...capturedPost({ id: 't3_forged' }), title: '' };
  const extra = { ...capturedPost({ id: 't3_extra' }), injected: '<script>' };
  const ack = await handleCapture(
    { batchId: 'batch-0001', tabTotal: 3, posts: [good, forged, extra], comments: [capturedComment({ postId: 't3_good' }), { id: 'nope' }] },
    { tab },
  );
  expect(ack).toEqual({ ok: true, stored: 1, comments: 1, rejected: 3 });
  expect((await getDb().posts.toArray()).map((p) => p.id)).toEqual(['t3_good']);
  expect(await browser.action.getBadgeText({ tabId: 7 })).toBe('3');
  expect(await browser.action.getTitle({ tabId: 7 })).toBe('Reddit Trend Radar: 3 posts captured on this page');
});

test('capture paused: a distinct toolbar badge and a tooltip that says how to resume; cleared when it resumes', async () => {
  await updateSettings({ captureEnabled: false });
  await showCaptureState();
  expect(await browser.action.getBadgeText({})).toBe(PAUSED_BADGE);
  expect(await browser.action.getTitle({})).toBe('Reddit Trend Radar: capture is paused (turn it on in the popup)');
  await updateSettings({ captureEnabled: true });
  await showCaptureState();
  expect(await browser.action.getBadgeText({})).toBe('');
  expect(await browser.action.getTitle({})).toBe('Reddit Trend Radar');
});

test('a malformed batch is refused as a whole, and not retried', async () => {
  expect(await handleCapture({ batchId: 'x', posts: 'all of them' }, { tab })).toMatchObject({ ok: true, stored: 0, rejected: 1, error: 'malformed batch (field batchId)' });
  expect(await getDb().posts.count()).toBe(0);
});

test('capture switched off: the sender is told to stop, nothing is stored', async () => {
  await updateSettings({ captureEnabled: false });
  const ack = await handleCapture({ batchId: 'batch-0002', tabTotal: 1, posts: [capturedPost()], comments: [] }, { tab });
  expect(ack).toMatchObject({ ok: true, paused: true, stored: 0 });
  expect(await getDb().posts.count()).toBe(0);
});

test('the message map end to end: content script → background → answer', async () => {
  // The fake browser has no context menus or commands: the sidebar's listeners are stubbed here.
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  // The fake browser sends with an empty sender; a content script's is its Reddit tab.
  const listen = fakeBrowser.runtime.onMessage.addListener.bind(fakeBrowser.runtime.onMessage);
  const tabOnReddit = { tab: { id: 7, url: 'https://www.reddit.com/r/LocalLLaMA/' }, url: 'https://www.reddit.com/r/LocalLLaMA/' };
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => listen((m, _sender, respond) => l(m, tabOnReddit as never, respond)));
  startBackground();
  const ack = await sendMessage('capture', { batchId: 'batch-0003', tabTotal: 1, posts: [capturedPost({ id: 't3_msg' })], comments: [] });
  expect(ack).toEqual({ ok: true, stored: 1, comments: 0, rejected: 0 });
  expect(await getDb().posts.get('t3_msg')).toMatchObject({ id: 't3_msg' });
});

test('re-ranking stores the latest report for the tracked communities', async () => {
  const { rerank } = await import('@/lib/background/schedule');
  const now = Date.UTC(2025, 11, 22, 12);
  await getDb().posts.clear();
  const { ingest } = await import('@/lib/db/posts');
  await ingest(getDb(), [
    capturedPost({ id: 't3_t', subreddit: 'LocalLLaMA', createdAt: now - 3_600_000, comments: 30, score: 9 }),
    capturedPost({ id: 't3_u', subreddit: 'funny', createdAt: now - 3_600_000, comments: 30, score: 99 }),
  ]);
  await updateSettings({ tracked: ['localllama'], trackAll: false });
  await rerank(now);
  const latest = await getDb().reports.get('latest');
  expect(latest).toMatchObject({ settingsKey: 'localllama', computedAt: now });
  expect(latest!.report.today.map((r) => r.id)).toEqual(['t3_t']);
  await updateSettings({ trackAll: true });
  await rerank(now);
  expect((await getDb().reports.get('latest'))!.report.today.map((r) => r.id)).toEqual(['t3_u', 't3_t']);
});

test('excluded communities and private windows are not captured, whatever the content script sent', async () => {
  await updateSettings({ excluded: ['Funny'], captureInPrivate: false, captureEnabled: true });
  const ack = await handleCapture(
    { batchId: 'batch-0009', tabTotal: 2, posts: [capturedPost({ id: 't3_keep' }), capturedPost({ id: 't3_fun', subreddit: 'funny' })], comments: [] },
    { tab },
  );
  expect(ack).toMatchObject({ ok: true, stored: 1 });
  expect((await getDb().posts.toArray()).map((p) => p.id)).toEqual(['t3_keep']);
  const privateAck = await handleCapture({ batchId: 'batch-0010', tabTotal: 1, posts: [capturedPost({ id: 't3_private' })], comments: [] }, { tab: { id: 8, incognito: true } as never });
  expect(privateAck).toMatchObject({ paused: true, stored: 0 });
  expect(await getDb().posts.get('t3_private')).toBeUndefined();
});

test('a batch kept in storage by a tab that closed is stored on the next drain, once, and removed', async () => {
  const { drainPending } = await import('@/lib/background/intake');
  const { pendingKey } = await import('@/lib/messaging');
  const batch = { batchId: 'batch-kept-1', tabTotal: 2, posts: [capturedPost({ id: 't3_kept1' }), capturedPost({ id: 't3_kept2' })], comments: [], bodies: [] };
  await browser.storage.local.set({ [pendingKey(batch.batchId)]: batch, unrelated: 1 });
  expect(await drainPending()).toBe(1);
  expect((await getDb().posts.toArray()).map((p) => p.id).sort()).toEqual(['t3_kept1', 't3_kept2']);
  expect(await browser.storage.local.get(pendingKey(batch.batchId))).toEqual({});
  expect(await browser.storage.local.get('unrelated')).toEqual({ unrelated: 1 });
  // Its message arriving late changes nothing: one sighting per post.
  await handleCapture(batch, { tab });
  expect(await getDb().sightings.count()).toBe(2);
});

test('a batch that arrives by message removes the copy its tab kept', async () => {
  const { pendingKey } = await import('@/lib/messaging');
  const batch = { batchId: 'batch-kept-2', tabTotal: 1, posts: [capturedPost({ id: 't3_msg2' })], comments: [], bodies: [] };
  await browser.storage.local.set({ [pendingKey(batch.batchId)]: batch });
  await handleCapture(batch, { tab });
  await vi.waitFor(async () => expect(await browser.storage.local.get(pendingKey(batch.batchId))).toEqual({}));
});

test('little disk left: capture pauses with a message, stores nothing, and resumes by itself once there is room', async () => {
  const { space, resetSpaceCheck } = await import('@/lib/background/space');
  const { CAPTURE_STATUS_KEY } = await import('@/lib/messaging');
  const GiB = 1024 ** 3;
  // (A faked estimate: no small filesystem can be mounted for the browser's own quota here.)
  const estimate = vi.spyOn(space, 'estimate').mockResolvedValue({ usage: 99.5 * GiB, quota: 100 * GiB });
  resetSpaceCheck();
  const batch = { batchId: 'batch-low-1', tabTotal: 1, posts: [capturedPost({ id: 't3_low' })], comments: [] };
  const ack = await handleCapture(batch, { tab });
  expect(ack).toMatchObject({ ok: false, stored: 0 });
  expect(ack.error).toContain('Free disk space is low (about 512 MB left): capture is paused');
  expect(await getDb().posts.count()).toBe(0);
  expect((await browser.storage.local.get(CAPTURE_STATUS_KEY))[CAPTURE_STATUS_KEY]).toMatchObject({ state: 'storage-low' });
  // Room again (the user freed 10 GiB): the batch the tab kept goes through, the notice goes.
  estimate.mockResolvedValue({ usage: 90 * GiB, quota: 100 * GiB });
  resetSpaceCheck();
  expect(await handleCapture(batch, { tab })).toMatchObject({ ok: true, stored: 1 });
  expect(await browser.storage.local.get(CAPTURE_STATUS_KEY)).toEqual({});
  // The margin is 1 GiB or 2 % of the quota, whichever is smaller: on a 20 GiB quota, 0.4 GiB.
  estimate.mockResolvedValue({ usage: 19.5 * 1024 ** 3, quota: 20 * GiB });
  resetSpaceCheck();
  expect(await handleCapture({ ...batch, batchId: 'batch-low-2' }, { tab })).toMatchObject({ ok: true });
  estimate.mockRestore();
  resetSpaceCheck();
});

test('a nearly full disk pauses capture before writes fail, though the quota shrank with the free space (issue 22, item 2)', async () => {
  const { space, resetSpaceCheck } = await import('@/lib/background/space');
  const MB = 1024 ** 2;
  // The browser's quota follows the free disk: with 44 kB left, 2 % of the quota is 44 kB too, and the
  // old margin (2 %, at most 1 GiB) never paused. Under 500 MB free, capture now always pauses.
  const estimate = vi.spyOn(space, 'estimate').mockResolvedValue({ usage: 2.156 * MB, quota: 2.2 * MB });
  resetSpaceCheck();
  const batch = { batchId: 'batch-nearly-full', tabTotal: 1, posts: [capturedPost({ id: 't3_full' })], comments: [] };
  expect(await handleCapture(batch, { tab })).toMatchObject({ ok: false, stored: 0, error: expect.stringContaining('Free disk space is low (about 0 MB left)') });
  estimate.mockResolvedValue({ usage: 9_700 * MB, quota: 10_000 * MB });
  resetSpaceCheck();
  expect(await handleCapture(batch, { tab })).toMatchObject({ ok: false, error: expect.stringContaining('about 300 MB left') });
  expect(await getDb().posts.count()).toBe(0);
  // 600 MB free: stored.
  estimate.mockResolvedValue({ usage: 9_400 * MB, quota: 10_000 * MB });
  resetSpaceCheck();
  expect(await handleCapture(batch, { tab })).toMatchObject({ ok: true, stored: 1 });
  estimate.mockRestore();
  resetSpaceCheck();
});

test('a post page whose comments never appear is recorded as such; comments arriving later count', async () => {
  vi.useFakeTimers();
  try {
    const { settleComments, COMMENTS_SETTLE_MS } = await import('@/lib/background/health');
    const { HEALTH_KEY } = await import('@/lib/messaging');
    const page = { type: 'new-post', posts: 1, comments: 0, skipped: 0 };
    const post = capturedPost({ id: 't3_pp1', comments: 22 });
    // Tab 7: the comments arrive in a later batch.
    settleComments(7, page, [post], []);
    settleComments(7, undefined, [], [capturedComment({ id: 't1_late', postId: 't3_pp1' })]);
    // Tab 8: none ever do.
    settleComments(8, page, [capturedPost({ id: 't3_pp2', comments: 5 })], []);
    await vi.advanceTimersByTimeAsync(COMMENTS_SETTLE_MS + 10);
    vi.useRealTimers();
    await vi.waitFor(async () => {
      const h = (await browser.storage.local.get(HEALTH_KEY))[HEALTH_KEY] as Record<string, { pages: number; posts: number; emptyStreak: number }>;
      expect(h['new-comments']).toMatchObject({ pages: 2, posts: 1, emptyStreak: 1 });
    });
  } finally {
    vi.useRealTimers();
  }
});

test('a worker start keeps the alarms that exist (re-creating would push them further out on every start)', async () => {
  const { ensureAlarm, BACKUP_ALARM } = await import('@/lib/background/schedule');
  await browser.alarms.create(BACKUP_ALARM, { when: Date.now() + 1_000 });
  const before = await browser.alarms.get(BACKUP_ALARM);
  await ensureAlarm(BACKUP_ALARM, { periodInMinutes: 360, delayInMinutes: 5 });
  expect(await browser.alarms.get(BACKUP_ALARM)).toEqual(before);
  await browser.alarms.clear(BACKUP_ALARM);
  await ensureAlarm(BACKUP_ALARM, { periodInMinutes: 360, delayInMinutes: 5 });
  expect((await browser.alarms.get(BACKUP_ALARM))?.periodInMinutes).toBe(360);
});

test('a page of a community counts it as browsed; search pages, the front page and r/all do not; Options suggests only those', async () => {
  const page = { type: 'new-listing', posts: 1, comments: 0, skipped: 0 };
  const batch = (id: string) => ({ batchId: `batch-${id}`, tabTotal: 1, posts: [capturedPost({ id: `t3_${id}` })], comments: [], page });
  await handleCapture(batch('b1'), { tab: { id: 7, url: 'https://www.reddit.com/r/LocalLLaMA/' } as never });
  await handleCapture(batch('b2'), { tab: { id: 7, url: 'https://old.reddit.com/r/localllama/comments/abc/x/' } as never });
  await handleCapture(batch('b3'), { tab: { id: 7, url: 'https://www.reddit.com/search/?q=llama' } as never });
  await handleCapture(batch('b4'), { tab: { id: 7, url: 'https://www.reddit.com/r/all/' } as never });
  await handleCapture(batch('b5'), { tab: { id: 7, url: 'https://www.reddit.com/' } as never });
  // A later batch of the same page (no page report) is not another page.
  await handleCapture({ ...batch('b6'), page: undefined }, { tab: { id: 7, url: 'https://www.reddit.com/r/LocalLLaMA/' } as never });
  const browsed = (await browser.storage.local.get(BROWSED_KEY))[BROWSED_KEY] as Browsed;
  expect(Object.keys(browsed)).toEqual(['localllama']);
  expect(browsed.localllama).toMatchObject({ name: 'LocalLLaMA', pages: 2 });
  const counts = [{ name: 'funny', posts: 40 }, { name: 'Python', posts: 27 }, { name: 'LocalLLaMA', posts: 9 }, { name: 'u_someone', posts: 3 }];
  expect(trackSuggestions(counts, { ...browsed, python: { name: 'Python', pages: 1, lastAt: 0 }, u_someone: { name: 'u_someone', pages: 1, lastAt: 0 } }, ['localllama'])).toEqual([{ name: 'Python', posts: 27 }]);
});

test('the browsed list keeps the most recently browsed communities when it is full', () => {
  let browsed: Browsed = {};
  for (let i = 0; i < BROWSED_LIMIT + 5; i++) browsed = withBrowsedPage(browsed, `https://www.reddit.com/r/c${i}/`, i);
  expect(Object.keys(browsed)).toHaveLength(BROWSED_LIMIT);
  expect(browsed.c4).toBeUndefined();
  expect(browsed.c5).toMatchObject({ name: 'c5', pages: 1 });
});
