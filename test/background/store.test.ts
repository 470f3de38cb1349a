/**
 * Pages ask, the background writes: every change a page makes to the store (sample, import, retention,
 * deletion, saved analyses, cached generations) is a message the background answers.
 */
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { startBackground } from '@/lib/background';
import { getDb } from '@/lib/db/schema';
import { ask } from '@/lib/messaging';
import { backupParts, parseBackup, type Backup } from '@/lib/db/backup';
import { FIRST_PAINT_KEY } from '@/lib/storage/first-paint';
import { BROWSED_KEY } from '@/lib/settings/browsed';
import { getSettings } from '@/lib/storage/settings';

/** The background as it starts (the fake browser has no context menus or commands: stubbed). */
function start() {
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  startBackground();
}

beforeEach(async () => {
  fakeBrowser.reset();
  await getDb().delete();
  await getDb().open();
});

const AT = '2026-12-01T10:00:00.000Z';
function backup(n: number): Backup {
  const posts = Array.from({ length: n }, (_, i) => {
    const id = `t3_b${i.toString(36)}`;
    return {
      id, subreddit: 'LocalLLaMA', title: `Post ${i}`, author: 'alice', permalink: `/r/LocalLLaMA/comments/${id.slice(3)}/p/`,
      url: `https://www.reddit.com/r/LocalLLaMA/comments/${id.slice(3)}/p/`, flair: null, createdAt: '2026-11-30T10:00:00.000Z', score: i, comments: 1, body: null,
    };
  });
  return parseBackup(
    JSON.stringify({
      format: 'reddit-trend-radar', version: 2, exportedAt: AT, posts,
      sightings: posts.map((p) => ({ postId: p.id, at: AT, score: p.score, comments: p.comments })),
      comments: [
        { id: 't1_c1', postId: posts[n - 1]!.id, parentId: null, author: 'bob', score: 2, depth: 0, createdAt: AT, body: 'Last post' },
        { id: 't1_c2', postId: 't3_elsewhere', parentId: null, author: 'bob', score: 2, depth: 0, createdAt: AT, body: 'Of a post not in the file' },
      ],
      watches: [{ id: 'wq', query: 'qwen', communities: [], flair: '', minScore: null, minComments: null, alerts: false, createdAt: AT }],
    }),
  );
}

test('a backup goes in parts of 2,000 posts, each with its history and comments; the watches with the first', () => {
  const parts = backupParts(backup(4_500));
  expect(parts.map((p) => [p.posts.length, p.sightings.length, p.comments.map((c) => c.id), p.watches.length])).toEqual([
    [2000, 2000, ['t1_c2'], 1],
    [2000, 2000, [], 0],
    [500, 500, ['t1_c1'], 0],
  ]);
  expect(backupParts(backup(1)).length).toBe(1);
});

test('a page imports through the background, part by part; a bad part is refused whole with the reason', async () => {
  start();
  await browser.storage.local.set({ [FIRST_PAINT_KEY]: { stale: true } });
  const [first, second] = backupParts(backup(2_300));
  expect(await ask('importPart', first)).toEqual({ ok: true, postsAdded: 2000, postsUpdated: 0, sightingsAdded: 2000, commentsAdded: 1 });
  // Stored first-paint table no longer holds: gone.
  expect((await browser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY]).toBeUndefined();
  expect((await getSettings()).watches.map((w) => w.id)).toEqual(['wq']);
  const bad = { ...second, posts: second!.posts.map((p, i) => (i === 5 ? { ...p, createdAt: 'yesterday' } : p)) };
  await expect(ask('importPart', bad)).rejects.toThrow(/^posts\[5\]\.createdAt: /);
  expect(await getDb().posts.count()).toBe(2000);
  // Sent again (as a page does after a stopped worker): the repeat adds nothing, the rest completes.
  expect(await ask('importPart', first)).toEqual({ ok: true, postsAdded: 0, postsUpdated: 0, sightingsAdded: 0, commentsAdded: 0 });
  expect(await ask('importPart', second)).toEqual({ ok: true, postsAdded: 300, postsUpdated: 0, sightingsAdded: 300, commentsAdded: 1 });
  expect(await getDb().posts.count()).toBe(2300);
});

test('imported watches and follows are bounded (200, 500): the rest is refused and said; hostile ids and numbers are refused (issue 22, item 3)', async () => {
  start();
  const file = backup(1);
  const watch = file.watches[0]!;
  const watches = Array.from({ length: 1_000 }, (_, i) => ({ ...watch, id: `w${i}`, alerts: true }));
  const follows = Array.from({ length: 600 }, (_, i) => ({ postId: `t3_f${i.toString(36)}`, title: `Post ${i}`, community: 'LocalLLaMA', permalink: `/r/LocalLLaMA/comments/f${i.toString(36)}/p/`, score: 1, comments: 1, more: 10, createdAt: AT }));
  const [part] = backupParts({ ...file, watches, follows });
  expect(await ask('importPart', part)).toMatchObject({ ok: true, postsAdded: 1, watchesRefused: 800, followsRefused: 100 });
  const s = await getSettings();
  expect([s.watches.length, s.follows.length, s.watches[199]!.id]).toEqual([200, 500, 'w199']);
  // Refused by the file check, before anything is merged: a reserved id, an id twice, an infinite score.
  const text = (over: object) => JSON.stringify({ ...JSON.parse(JSON.stringify(file)), ...over });
  expect(() => parseBackup(text({ watches: [{ ...watch, id: '__proto__' }] }))).toThrow('watches[0].id: expected an id that is not a reserved word such as "__proto__"');
  expect(() => parseBackup(text({ watches: [watch, watch] }))).toThrow('watches: expected each watch id once');
  expect(() => parseBackup(text({ follows: [follows[0]] }).replace('"score":1,', '"score":1e999,'))).toThrow(/^follows\[0\]\.score: /);
  expect(() => parseBackup(text({ watches: Array.from({ length: 2_001 }, (_, i) => ({ ...watch, id: `x${i}` })) }))).toThrow('watches: expected at most 2000 watches');
});

test('sample, retention, deletion, saved analyses and generations are asked of the background', async () => {
  start();
  const { added } = await ask('loadSample', {});
  expect(added).toBeGreaterThan(0);
  expect(await getDb().posts.where('sample').equals(1).count()).toBe(added);
  expect(await ask('removeSample', {})).toEqual({ ok: true, removed: added });
  expect(await ask('applyRetention', {})).toEqual({ ok: true, sightingsRemoved: 0, postsRemoved: 0 });
  await ask('keepGeneration', { key: 'k1', modelId: 'fake', kind: 'section:today', text: 'Qwen3# leads.' });
  expect((await getDb().generations.get('k1'))?.text).toBe('Qwen3# leads.');
  await expect(ask('keepGeneration', { key: 'k2', modelId: 'fake', kind: 'x', text: 5 as unknown as string })).rejects.toThrow('not a generation');
  const analysis = { today: { body: 'x', source: 'offline analyser' } };
  await ask('keepAnalysis', { date: '2026-12-06', settingsKey: 'key', saved: { analysis, at: 1 } });
  expect(JSON.parse((await getDb().generations.get('analysis:2026-12-06:key'))!.text)).toEqual({ analysis, at: 1 });
  await browser.storage.local.set({ [BROWSED_KEY]: { python: { pages: 3, last: 1 } } });
  await ask('importPart', backupParts(backup(3))[0]);
  expect(await ask('deleteEverything', {})).toEqual({ ok: true });
  expect(await getDb().posts.count()).toBe(0);
  expect(await getDb().generations.count()).toBe(0);
  expect((await browser.storage.local.get(BROWSED_KEY))[BROWSED_KEY]).toBeUndefined();
});

test('retention that removes posts writes a fresh automatic backup, so what it removed is never offered back as lost', async () => {
  const { retainAndBackUp } = await import('@/lib/background/schedule');
  const { listAutoBackups, memoryBackupStore, restoreOffer } = await import('@/lib/db/auto-backup');
  const { ingest } = await import('@/lib/db/posts');
  const { capturedPost } = await import('../support/records');
  const store = memoryBackupStore();
  const now = Date.UTC(2026, 11, 6);
  const DAY = 86_400_000;
  await ingest(getDb(), [capturedPost({ id: 't3_old1', seenAt: now - 400 * DAY }), capturedPost({ id: 't3_old2', seenAt: now - 400 * DAY }), capturedPost({ id: 't3_new', seenAt: now - DAY })]);
  const { autoBackup } = await import('@/lib/db/auto-backup');
  await autoBackup(getDb(), store, now - 2 * DAY);
  // Kept 12 months by default: the two posts not seen for 400 days go, and a backup of what is left is written.
  expect(await retainAndBackUp(now, store)).toMatchObject({ postsRemoved: 2 });
  expect((await listAutoBackups(store)).map((b) => b.posts)).toEqual([1, 3]);
  expect(await restoreOffer(getDb(), store)).toBeNull();
});

test('only the extension\'s pages may ask: a content script\'s request is refused and changes nothing', async () => {
  const { fromExtensionPage } = await import('@/lib/background/store');
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');
  let ran = 0;
  const guarded = fromExtensionPage(async () => ({ ok: true as const, ran: ++ran }));
  expect(await guarded({}, { tab: { id: 3 } as never, url: 'https://www.reddit.com/r/LocalLLaMA/' })).toEqual({ ok: false, error: 'not an extension page' });
  expect(await guarded({}, { tab: { id: 3 } as never, url: `${origin}.evil.example/` })).toEqual({ ok: false, error: 'not an extension page' });
  expect(ran).toBe(0);
  // The popup and side panel (no tab), and the report page (a tab showing the extension's own page).
  expect(await guarded({}, { url: `${origin}/popup.html` })).toEqual({ ok: true, ran: 1 });
  expect(await guarded({}, { tab: { id: 4 } as never, url: `${origin}/report.html` })).toEqual({ ok: true, ran: 2 });
});

test('only a content script on a Reddit tab may send capture messages: an extension page or another site is refused (issue 22, item 7)', async () => {
  const { fromContentScript } = await import('@/lib/background/store');
  let ran = 0;
  const guarded = fromContentScript(async () => ({ ok: true as const, ran: ++ran }));
  const refused = { ok: false, stored: 0, comments: 0, rejected: 0, error: 'not a Reddit page' };
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');
  expect(await guarded({}, { url: `${origin}/popup.html` })).toEqual(refused);
  expect(await guarded({}, { tab: { id: 3 } as never, url: 'https://evil.example/r/LocalLLaMA/' })).toEqual(refused);
  expect(await guarded({}, { tab: { id: 3 } as never, url: 'https://www.reddit.com.evil.example/' })).toEqual(refused);
  expect(ran).toBe(0);
  expect(await guarded({}, { tab: { id: 3 } as never, url: 'https://www.reddit.com/r/LocalLLaMA/' })).toEqual({ ok: true, ran: 1 });
  expect(await guarded({}, { tab: { id: 4 } as never, url: 'https://old.reddit.com/r/LocalLLaMA/comments/abc/x/' })).toEqual({ ok: true, ran: 2 });
});

