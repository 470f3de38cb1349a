import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/schema';
import { handleCapture } from '@/lib/background/intake';
import { readWatchState } from '@/lib/background/watches';
import { getSettings, updateSettings } from '@/lib/storage/settings';
import { EMPTY_WATCH_STATE, isQuiet, mayNotify, NOTIFY_EVERY_MS, type Watch } from '@/lib/search/watch';
import { capturedComment, capturedPost } from '../support/records';

beforeEach(async () => {
  fakeBrowser.reset();
  await getDb().delete();
  await getDb().open();
});
const tab = { id: 5 } as never;
const watch = (over: Partial<Watch> = {}): Watch => ({ id: 'w1', query: 'qwen* -meme', communities: [], flair: '', minScore: null, minComments: null, alerts: false, createdAt: 0, ...over });
let n = 0;
const capture = (posts: unknown[], comments: unknown[] = []) => handleCapture({ batchId: `batch-w-${++n}`, tabTotal: 4, posts, comments }, { tab });

test('a watch matches a newly captured post once, and a comment; the toolbar badge counts the unseen matches', async () => {
  await updateSettings({ watches: [watch({ communities: ['LocalLLaMA'] })] });
  await capture([capturedPost({ id: 't3_w1', title: 'Qwen3.5 is out' }), capturedPost({ id: 't3_w2', title: 'Qwen meme of the day' }), capturedPost({ id: 't3_w3', subreddit: 'singularity', title: 'Qwen elsewhere' })]);
  let state = await readWatchState();
  expect(state.hits.map((h) => [h.key, h.kind, h.title])).toEqual([['w1:t3_w1', 'post', 'Qwen3.5 is out']]);
  expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('1');
  expect(await browser.action.getTitle({ tabId: 5 })).toBe('Reddit Trend Radar: 1 new watch match (see Watches in the popup); 4 posts captured on this page');
  // Seen again: no second match. A comment under it that names Qwen: a match of its own.
  await capture([capturedPost({ id: 't3_w1', title: 'Qwen3.5 is out', score: 500 })], [capturedComment({ id: 't1_w1', postId: 't3_w1', body: 'The QwenCoder variant is better.' })]);
  state = await readWatchState();
  expect(state.hits.map((h) => [h.key, h.kind, h.detail])).toEqual([['w1:t1_w1', 'comment', 'The QwenCoder variant is better.'], ['w1:t3_w1', 'post', 'Qwen3.5 is out']]);
  expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('2');
});

test('a watch with a minimum score matches when a post crosses it', async () => {
  await updateSettings({ watches: [watch({ query: 'eggroll', minScore: 100 })] });
  await capture([capturedPost({ id: 't3_e', title: 'EGGROLL without backprop', score: 40 })]);
  expect((await readWatchState()).hits).toEqual([]);
  await capture([capturedPost({ id: 't3_e', title: 'EGGROLL without backprop', score: 140 })]);
  expect((await readWatchState()).hits.map((h) => h.key)).toEqual(['w1:t3_e']);
});

test('follow this post: told when seen again with N more comments or points, then counted from there', async () => {
  await capture([capturedPost({ id: 't3_f', title: 'Followed', score: 10, comments: 5 })]);
  await updateSettings({ follows: [{ postId: 't3_f', title: 'Followed', community: 'LocalLLaMA', permalink: '/r/LocalLLaMA/comments/f/x/', score: 10, comments: 5, more: 10, createdAt: 0 }] });
  await capture([capturedPost({ id: 't3_f', title: 'Followed', score: 15, comments: 9 })]);
  expect((await readWatchState()).hits).toEqual([]);
  await capture([capturedPost({ id: 't3_f', title: 'Followed', score: 30, comments: 12 })]);
  const [hit] = (await readWatchState()).hits;
  expect([hit!.kind, hit!.detail]).toEqual(['follow', '+20 points since you were last told (now 30 points, 12 comments)']);
  expect((await getSettings()).follows[0]).toMatchObject({ score: 30, comments: 12 });
});

test('notifications: at most one per watch per 10 minutes, none in the quiet period (which may cross midnight)', () => {
  const state = { ...EMPTY_WATCH_STATE, notified: { w1: 1_000_000 } };
  expect(mayNotify(state, 'w1', 1_000_000 + NOTIFY_EVERY_MS - 1, false)).toBe(false);
  expect(mayNotify(state, 'w1', 1_000_000 + NOTIFY_EVERY_MS, false)).toBe(true);
  expect(mayNotify(state, 'w2', 0, true)).toBe(false);
  expect(isQuiet('22:00', '07:00', 23 * 60)).toBe(true);
  expect(isQuiet('22:00', '07:00', 6 * 60 + 59)).toBe(true);
  expect(isQuiet('22:00', '07:00', 7 * 60)).toBe(false);
  expect(isQuiet('12:00', '13:00', 12 * 60 + 30)).toBe(true);
  expect(isQuiet('', '', 0)).toBe(false);
});
