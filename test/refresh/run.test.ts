/**
 * Keeping communities fresh in the background: runs against a fake Reddit (the fetch the run is given),
 * a fake clock, the real ingest into fake IndexedDB, and WXT's fake browser.
 */
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/schema';
import { refreshNow, refreshTick, readRefresh, type RefreshDeps } from '@/lib/background/refresh';
import { readWatchState } from '@/lib/background/watches';
import { updateSettings, getSettings } from '@/lib/storage/settings';
import { refreshItem, healthItem } from '@/lib/storage/items';
import { computeReport } from '@/lib/db/reports';
import { rankSettingsOf } from '@/lib/settings/shape';
import { gainText } from '@/lib/rank/tables';
import { handleCapture } from '@/lib/background/intake';
import type { Watch } from '@/lib/search/watch';
import { listingJson, permalinkOf, threadJson, type FakePost } from '../support/listings';
import { capturedPost } from '../support/records';

const START = Date.UTC(2026, 11, 6, 9, 0);

interface Served {
  status?: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
  url?: string;
}

/** A fake Reddit: each request answered by `answer`, logged with the clock's time. */
function reddit(answer: (path: string) => Served) {
  let now = START;
  const log: { at: number; path: string }[] = [];
  const deps: RefreshDeps = {
    fetch: async (url) => {
      const u = new URL(url);
      log.push({ at: now, path: u.pathname + u.search });
      const s = answer(u.pathname);
      const res = new Response(s.body, { status: s.status ?? 200, headers: { 'content-type': s.type ?? 'application/json; charset=UTF-8', ...s.headers } });
      Object.defineProperty(res, 'url', { value: s.url ?? url });
      return res;
    },
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    random: () => 0.5,
    online: () => true,
    gapMs: 2_000,
  };
  return { deps, log, advance: (ms: number) => (now += ms), at: () => now };
}

const post = (community: string, id: string, score: number, over: Partial<FakePost> = {}): FakePost => ({ id, community, title: `${community} post ${id}`, score, comments: 12, createdAt: START - 2 * 3_600_000, ...over });
/** Three communities whose posts gain 100 points between runs (`round` 0, 1, …). */
const COMMUNITIES = ['LocalLLaMA', 'MachineLearning', 'singularity'];
const growing = (round: () => number) => (path: string): Served => {
  const community = COMMUNITIES.find((c) => path.startsWith(`/r/${c}/`));
  if (!community) return { status: 404, body: '{"error": 404}' };
  const base = COMMUNITIES.indexOf(community) * 1000;
  return { body: JSON.stringify(listingJson([post(community, `${community.slice(0, 3).toLowerCase()}1`, base + 100 + 100 * round()), post(community, `${community.slice(0, 3).toLowerCase()}2`, base + 50)])) };
};

beforeEach(async () => {
  fakeBrowser.reset();
  await getDb().delete();
  await getDb().open();
  vi.restoreAllMocks();
  await updateSettings({ refreshEnabled: true, tracked: COMMUNITIES });
});

test('two runs over three communities: refreshed sightings (marked so), Rising holds the gaining post with its gain, Today covers all three', async () => {
  let round = 0;
  const r = reddit(growing(() => round));
  await refreshTick(r.deps);
  expect(r.log.map((l) => l.path)).toEqual(COMMUNITIES.flatMap((c) => [`/r/${c}/hot.json?raw_json=1&limit=100`, `/r/${c}/new.json?raw_json=1&limit=100`, `/r/${c}/top.json?raw_json=1&limit=100&t=day`]));
  // Polite: never two requests less than 2 seconds apart.
  expect(r.log.slice(1).map((l, i) => l.at - r.log[i]!.at)).toEqual(Array(8).fill(2_000));
  const state = await readRefresh();
  expect(state.run).toBeNull();
  expect(state.lastRun).toMatchObject({ requests: 9, posts: 18, problems: 0 });
  expect(state.communities['localllama']).toMatchObject({ lastSuccessAt: START + 4_000, nextAt: START + 4_000 + 30 * 60_000, stopped: false });
  expect(state.requests.length).toBe(9);
  // Not due yet: a tick asks nothing.
  r.advance(10 * 60_000);
  await refreshTick(r.deps);
  expect(r.log.length).toBe(9);
  round = 1;
  r.advance(25 * 60_000);
  await refreshTick(r.deps);
  expect(r.log.length).toBe(18);
  const db = getDb();
  expect((await db.sightings.where('postId').equals('t3_loc1').toArray()).map((s) => [s.score, s.source])).toEqual([[100, 'refresh'], [200, 'refresh']]);
  // The unchanged post: one sighting per 10 minutes at most, none for the same numbers within them.
  expect(await db.sightings.where('postId').equals('t3_loc2').count()).toBe(2);
  const report = await computeReport(db, r.at(), rankSettingsOf(await getSettings()));
  // "+100 in 35 min": each community's gaining post, and only those.
  expect(report.rising.map((row) => [row.id, row.gain]).sort()).toEqual(['t3_loc1', 't3_mac1', 't3_sin1'].map((id) => [id, { points: 100, ms: 35 * 60_000 + 16_000 }]));
  expect(gainText(report.rising[0]!.gain!)).toBe('+100 in 35 min');
  expect(new Set(report.today.map((row) => row.subreddit))).toEqual(new Set(COMMUNITIES));
  expect((await healthItem.getValue())?.['refresh-listing']).toMatchObject({ pages: 18, posts: 36, skipped: 0 });
});

test('a 429 with Retry-After: 120 stops the run; nothing is asked for 120 s; then the run resumes where it stopped', async () => {
  let limited = true;
  const r = reddit((path) => (limited && path === '/r/MachineLearning/hot.json' ? { status: 429, body: '{"message": "Too Many Requests"}', headers: { 'retry-after': '120' } } : growing(() => 0)(path)));
  await refreshTick(r.deps);
  expect(r.log.map((l) => l.path.split('?')[0])).toEqual(['/r/LocalLLaMA/hot.json', '/r/LocalLLaMA/new.json', '/r/LocalLLaMA/top.json', '/r/MachineLearning/hot.json']);
  const limitedAt = r.log.at(-1)!.at;
  let state = await readRefresh();
  expect(state.waitUntil).toBe(limitedAt + 120_000);
  expect(state.run?.jobs.length).toBe(6);
  expect(state.communities['machinelearning']?.lastProblem).toMatchObject({ problem: 'rate-limited', message: 'Reddit asked to slow down; refresh waits as long as Reddit says' });
  // Ticks within the 120 s, and "Refresh now": no request.
  r.advance(60_000);
  await refreshTick(r.deps);
  expect(await refreshNow(r.deps)).toEqual({ ok: false, error: 'Reddit asked to slow down: refresh waits 1 min more.' });
  // 50 s later the wait has 10 s left: the run waits them out, then goes on.
  limited = false;
  r.advance(50_000);
  await refreshTick(r.deps);
  expect(r.log.length).toBe(10);
  expect(r.log[4]!.at - limitedAt).toBeGreaterThanOrEqual(120_000);
  expect(r.log[4]!.path.split('?')[0]).toBe('/r/MachineLearning/hot.json');
  state = await readRefresh();
  expect(state.run).toBeNull();
});

test('a login page instead of JSON stops that community with the message; the others go on; "Refresh now" after sign-in resumes it', async () => {
  let signedIn = false;
  const login: Served = { status: 200, type: 'text/html', body: '<!doctype html><html><body><h1>Log In</h1><form action="/login"></form></body></html>', url: 'https://www.reddit.com/login/?dest=https%3A%2F%2Fwww.reddit.com%2Fr%2FLocalLLaMA%2Fhot.json' };
  const r = reddit((path) => (!signedIn && path.startsWith('/r/LocalLLaMA/') ? login : growing(() => 0)(path)));
  await refreshTick(r.deps);
  // After the login wall, LocalLLaMA's other two listings are not asked.
  expect(r.log.map((l) => l.path.split('?')[0])).toEqual(['/r/LocalLLaMA/hot.json', ...['MachineLearning', 'singularity'].flatMap((c) => [`/r/${c}/hot.json`, `/r/${c}/new.json`, `/r/${c}/top.json`])]);
  const state = await readRefresh();
  expect(state.communities['localllama']).toMatchObject({ stopped: true, lastProblem: { problem: 'sign-in', message: 'Sign in to Reddit in this browser to keep communities fresh', detail: 'redirected to /login/' } });
  // Passive capture still works meanwhile.
  expect(await handleCapture({ batchId: 'batch-passive-1', tabTotal: 1, posts: [capturedPost({ id: 't3_seen1', seenAt: r.at(), createdAt: r.at() - 60_000 })], comments: [] }, { tab: { id: 3 } as never })).toMatchObject({ ok: true, stored: 1 });
  signedIn = true;
  r.advance(61_000);
  expect(await refreshNow(r.deps)).toEqual({ ok: true, jobs: 9 });
  await vi.waitFor(async () => expect((await readRefresh()).run).toBeNull());
  expect((await readRefresh()).communities['localllama']).toMatchObject({ stopped: false, lastSuccessAt: expect.any(Number) });
  expect(await getDb().posts.where('subreddit').equals('LocalLLaMA').count()).toBe(3);
});

test('a worker stopped mid-run: the next one resumes the run left in storage; every listing asked once, no duplicate sightings', async () => {
  const r = reddit(growing(() => 0));
  // A run another worker instance started and left after four requests (its fourth unanswered).
  const { planRun } = await import('@/lib/refresh/plan');
  const jobs = planRun((await readRefresh()), { tracked: COMMUNITIES, excluded: [], follows: [], now: START, forced: false });
  await refreshItem.setValue({ ...(await readRefresh()), run: { id: 'old', owner: 'stopped-worker', startedAt: START, forced: false, jobs: jobs.slice(3), done: 3, total: 9 } });
  await refreshTick(r.deps);
  expect(r.log.map((l) => l.path.split('?')[0])).toEqual(['MachineLearning', 'singularity'].flatMap((c) => [`/r/${c}/hot.json`, `/r/${c}/new.json`, `/r/${c}/top.json`]));
  expect((await readRefresh()).run).toBeNull();
  expect((await readRefresh()).lastRun).toMatchObject({ startedAt: START, requests: 9 });
  // The same listing again within 10 minutes: no new sighting.
  const before = await getDb().sightings.count();
  r.advance(61_000);
  await refreshNow(r.deps);
  await vi.waitFor(async () => expect((await readRefresh()).run).toBeNull());
  expect(await getDb().sightings.count()).toBe(before + 2); // LocalLLaMA's two posts, first seen now
});

test('paused capture, the switch off, or offline: nothing is asked', async () => {
  const r = reddit(growing(() => 0));
  await updateSettings({ captureEnabled: false });
  await refreshTick(r.deps);
  expect(await refreshNow(r.deps)).toEqual({ ok: false, error: 'Capture is paused: turn it on to refresh.' });
  await updateSettings({ captureEnabled: true, refreshEnabled: false });
  await refreshTick(r.deps);
  expect(await refreshNow(r.deps)).toEqual({ ok: false, error: 'Turn on “Keep tracked communities fresh” in Options first.' });
  await updateSettings({ refreshEnabled: true });
  await refreshTick({ ...r.deps, online: () => false });
  expect(r.log).toEqual([]);
});

test('a watch fires on a refreshed post; a digest watch sends one notification for three matches; a followed post reports +5 comments', async () => {
  const created = vi.spyOn(browser.notifications, 'create').mockResolvedValue('x' as never);
  vi.spyOn(browser.permissions, 'contains').mockResolvedValue(true as never);
  const watch = (over: Partial<Watch>): Watch => ({ id: 'w', query: 'x', communities: [], flair: '', minScore: null, minComments: null, alerts: true, createdAt: START, ...over });
  const followed = post('LocalLLaMA', 'fol1', 40, { comments: 3, title: 'Which quant do you run' });
  await updateSettings({
    tracked: ['LocalLLaMA'],
    watches: [watch({ id: 'each', query: 'eggroll' }), watch({ id: 'dig', query: 'qwen*', digest: true })],
    follows: [{ postId: 't3_fol1', title: followed.title, community: 'LocalLLaMA', permalink: permalinkOf(followed), score: 40, comments: 3, more: 5, createdAt: START }],
  });
  const comment = (i: number) => ({ id: `k${i}`, body: `Comment ${i}`, score: 1, createdAt: START - 60_000 });
  const listing = [post('LocalLLaMA', 'egg1', 90, { title: 'EGGROLL trains without backprop' }), ...[1, 2, 3].map((i) => post('LocalLLaMA', `qw${i}`, 10 * i, { title: `Qwen3.${i} notes` }))];
  const r = reddit((path) => (path.includes('/comments/fol1/') ? { body: JSON.stringify(threadJson({ ...followed, comments: 8 }, [1, 2, 3, 4, 5].map(comment))) } : { body: JSON.stringify(listingJson(listing)) }));
  await refreshTick(r.deps);
  expect(r.log.map((l) => l.path.split('?')[0])).toEqual(['/r/LocalLLaMA/hot.json', '/r/LocalLLaMA/new.json', '/r/LocalLLaMA/top.json', permalinkOf(followed) + '.json']);
  const titles = created.mock.calls.map((call) => (call[1] as unknown as { title: string }).title);
  expect(titles).toEqual(['Watch “eggroll”: r/LocalLLaMA', 'Followed post: Which quant do you run', 'Watch “qwen*”: 3 new matches']);
  expect((created.mock.calls[2]![1] as unknown as { message: string }).message).toBe('• Qwen3.1 notes\n• Qwen3.2 notes\n• Qwen3.3 notes');
  const hits = (await readWatchState()).hits;
  expect(hits.find((h) => h.kind === 'follow')?.detail).toBe('+5 comments since you were last told (now 40 points, 8 comments)');
  expect(await getDb().comments.where('postId').equals('t3_fol1').count()).toBe(5);
});

test('hostile answers: too large, HTML with a 200, a block page, a redirect off Reddit; each refused, nothing stored lost, the run goes on', async () => {
  const db = getDb();
  // Known already: a hostile answer must not overwrite it with a worse value.
  const good = post('singularity', 'kept1', 500, { title: 'The real title' });
  const r0 = reddit(() => ({ body: JSON.stringify(listingJson([good])) }));
  await updateSettings({ tracked: ['singularity'] });
  await refreshTick(r0.deps);
  await updateSettings({ tracked: ['LocalLLaMA', 'MachineLearning', 'singularity', 'Rag', 'datascience'] });
  const huge = JSON.stringify(listingJson([post('LocalLLaMA', 'h1', 1, { selftext: 'x'.repeat(6 * 1024 * 1024) })]));
  const r = reddit((path) => {
    if (path.startsWith('/r/LocalLLaMA/')) return { body: huge };
    if (path.startsWith('/r/MachineLearning/')) return { body: '<!doctype html><html><body><shreddit-app>Reddit</shreddit-app></body></html>' };
    if (path.startsWith('/r/Rag/')) return { status: 403, type: 'text/html', body: '<html><body>You\'ve been blocked by network security.</body></html>' };
    if (path.startsWith('/r/datascience/')) return { body: '{}', url: 'https://evil.example/r/datascience/hot.json' };
    // singularity: the known post with a worse title and a score of the wrong type; and another community's post.
    return { body: JSON.stringify(listingJson([post('singularity', 'kept1', 500, { title: 'Bell\u0007' }), post('LocalLLaMA', 'stray', 5), post('singularity', 'new1', 7)], [{ kind: 't3', data: { name: 't3_kept1', subreddit: 'singularity', score: 'lots' } }])) };
  });
  r.advance(31 * 60_000);
  await refreshTick(r.deps);
  const state = await readRefresh();
  const problem = (c: string) => state.communities[c]?.lastProblem?.problem;
  expect([problem('localllama'), problem('machinelearning'), problem('rag'), problem('datascience')]).toEqual(['too-large', 'html', 'blocked', 'off-reddit']);
  expect(state.communities['singularity']).toMatchObject({ stopped: false });
  expect((await db.posts.get('t3_kept1'))?.title).toBe('The real title');
  expect((await db.posts.toCollection().primaryKeys()).sort()).toEqual(['t3_kept1', 't3_new1']);
  expect((await healthItem.getValue())?.['refresh-listing']?.skipped).toBe(9); // 3 listings × (bad title, wrong type, other community)
});

test('turned off in the middle of a run: nothing more is asked, and the run is dropped', async () => {
  let asked = 0;
  const r = reddit((path) => {
    if (++asked === 2) void updateSettings({ refreshEnabled: false });
    return growing(() => 0)(path);
  });
  await refreshTick(r.deps);
  expect(r.log.length).toBeLessThanOrEqual(3);
  expect((await readRefresh()).run).toBeNull();
  await updateSettings({ refreshEnabled: true });
  // Turned on again: a new run, every listing from the start.
  r.advance(31 * 60_000);
  const before = r.log.length;
  await refreshTick(r.deps);
  expect(r.log.slice(before).map((l) => l.path.split('?')[0])).toEqual(COMMUNITIES.flatMap((c) => [`/r/${c}/hot.json`, `/r/${c}/new.json`, `/r/${c}/top.json`]));
});
