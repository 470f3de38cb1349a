/**
 * Watch notifications are bounded: one page's batch (or one refresh run) shows at most MAX_NOTIFICATIONS,
 * and one more that counts the rest (issue 22, item 3: 1,000 imported alerting watches sent 1,000).
 */
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/schema';
import { ingest } from '@/lib/db/posts';
import { checkWatches, MAX_NOTIFICATIONS, readWatchState } from '@/lib/background/watches';
import type { Watch } from '@/lib/settings/shape';
import { capturedPost } from '../support/records';

const NOW = Date.UTC(2026, 11, 6, 12);
const watch = (i: number, over: Partial<Watch> = {}): Watch => ({ id: `w${i}`, query: 'eggroll', communities: [], flair: '', minScore: null, minComments: null, alerts: true, createdAt: NOW - 1, ...over });

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  await getDb().delete();
  await getDb().open();
  vi.spyOn(browser.permissions, 'contains').mockResolvedValue(true as never);
});

test('ten alerting watches matching one post: three notifications and one that counts the other seven', async () => {
  const created = vi.spyOn(browser.notifications, 'create').mockResolvedValue('x' as never);
  await ingest(getDb(), [capturedPost({ id: 't3_egg', title: 'EGGROLL trains without backprop', seenAt: NOW })]);
  const settings = { watches: Array.from({ length: 10 }, (_, i) => watch(i)), follows: [], quietFrom: '', quietTo: '' };
  const hits = await checkWatches(getDb(), ['t3_egg'], [], settings, NOW);
  expect(hits.length).toBe(10);
  const titles = created.mock.calls.map((c) => (c[1] as unknown as { title: string }).title);
  expect(MAX_NOTIFICATIONS).toBe(3);
  expect(titles).toEqual(['Watch “eggroll”: r/LocalLLaMA', 'Watch “eggroll”: r/LocalLLaMA', 'Watch “eggroll”: r/LocalLLaMA', '7 more watch matches']);
  // Every match is listed, and every watch counts as told (none fires again at once).
  expect((await readWatchState()).hits.length).toBe(10);
  expect(Object.keys((await readWatchState()).notified).length).toBe(10);
});

test('digest watches share the same bound', async () => {
  const created = vi.spyOn(browser.notifications, 'create').mockResolvedValue('x' as never);
  await ingest(getDb(), [capturedPost({ id: 't3_egg2', title: 'EGGROLL again', seenAt: NOW })]);
  const settings = { watches: Array.from({ length: 6 }, (_, i) => watch(i, { digest: true })), follows: [], quietFrom: '', quietTo: '' };
  await checkWatches(getDb(), ['t3_egg2'], [], settings, NOW);
  expect(created.mock.calls.map((c) => (c[1] as unknown as { title: string }).title)).toEqual(['Watch “eggroll”: 1 new match', 'Watch “eggroll”: 1 new match', 'Watch “eggroll”: 1 new match', '3 more watch matches']);
});

test("Mark seen: a tab's badge and its tooltip no longer count the matches (issue 22, item 8)", async () => {
  const { setBadge } = await import('@/lib/background/badge');
  const { showWatchBadge } = await import('@/lib/background/watches');
  const { watchStateItem } = await import('@/lib/storage/items');
  const tab = await browser.tabs.create({ url: 'https://www.reddit.com/r/LocalLLaMA/' });
  const hit = (i: number) => ({ key: `k${i}`, watchId: 'w', kind: 'post' as const, postId: `t3_${i}`, commentId: null, title: 'T', community: 'LocalLLaMA', permalink: `/r/LocalLLaMA/comments/${i}/t/`, detail: '', at: NOW, seen: false });
  await watchStateItem.setValue({ hits: Array.from({ length: 8 }, (_, i) => hit(i)), matched: [], notified: {} });
  await setBadge(tab.id!, 5);
  expect(await browser.action.getTitle({ tabId: tab.id! })).toBe('Reddit Trend Radar: 8 new watch matches (see Watches in the popup); 5 posts captured on this page');
  const seen = { hits: Array.from({ length: 8 }, (_, i) => ({ ...hit(i), seen: true })), matched: [], notified: {} };
  await watchStateItem.setValue(seen);
  await showWatchBadge(seen);
  expect(await browser.action.getBadgeText({ tabId: tab.id! })).toBe('');
  expect(await browser.action.getTitle({ tabId: tab.id! })).toBe('Reddit Trend Radar');
});
