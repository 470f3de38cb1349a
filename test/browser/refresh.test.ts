/**
 * Keeping tracked communities fresh, in real Chromium: a local HTTPS server mapped to www.reddit.com
 * answers the listings the background asks for (scores growing between runs), a login page for one
 * community, a 429, answers slow enough to stop the worker in the middle of a run. No Reddit tab is
 * opened for any of it. The test build spaces requests 0.25 s apart (production: 2 s, test/refresh/).
 *
 * Rising needs two sightings 30 minutes apart; the test does not wait them out: it moves the first run's
 * records (sightings, post times, the refresh state) 31 minutes back, as if the time had passed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { canRunBrowser, extensionPage, launch, readDb, ROUTES, SCREENSHOTS, stopServiceWorker, TEST_EXTENSION_DIR, waitForDb, type Harness } from './harness';
import { listingJson, permalinkOf, threadJson, type FakePost } from '../support/listings';

const COMMUNITIES = ['LocalLLaMA', 'MachineLearning', 'singularity'];
const HOUR = 3_600_000;

/** What the fake Reddit answers; the test changes it between runs. */
const reddit = {
  round: 0,
  ragSignedIn: false,
  limited: false,
  /** Milliseconds before each answer (to stop the worker mid-run). */
  delay: 0,
  /** Hostile answers for the communities of HOSTILE. */
  hostile: false,
  served: [] as { at: number; path: string }[],
};
const created = Date.now() - 2 * HOUR;
/** Communities whose answers are hostile or broken, each in its own way. */
const HOSTILE: Record<string, () => { status?: number; type?: string; body: string }> = {
  // Larger than 5 MB.
  BigAnswer: () => ({ body: JSON.stringify(listingJson([{ id: 'big1', community: 'BigAnswer', title: 'Huge', score: 1, comments: 11, createdAt: created, selftext: 'x'.repeat(6 * 1024 * 1024) }])) }),
  // A 200 with an HTML body.
  HtmlAnswer: () => ({ type: 'text/html', body: '<!doctype html><html><body><shreddit-app>Reddit</shreddit-app></body></html>' }),
  // A block page.
  BlockedAnswer: () => ({ status: 403, type: 'text/html', body: '<html><body>You’ve been blocked by network security.</body></html>' }),
  // Wrong types, another community's post, an ad, absurd numbers, a date in 9999, control and bidi
  // characters; one good post among them.
  MixedAnswer: () => ({
    body: JSON.stringify(
      listingJson(
        [
          { id: 'mix1', community: 'MixedAnswer', title: 'The one good post', score: 12, comments: 11, createdAt: created },
          { id: 'mix2', community: 'LocalLLaMA', title: 'Smuggled into another community', score: 9, comments: 11, createdAt: created },
          { id: 'mix3', community: 'MixedAnswer', title: 'An ad', score: 9, comments: 11, createdAt: created, promoted: true },
          { id: 'mix4', community: 'MixedAnswer', title: 'Absurd', score: 1e15, comments: 11, createdAt: created },
          { id: 'mix5', community: 'MixedAnswer', title: 'From the future', score: 9, comments: 11, createdAt: Date.UTC(9999, 0, 1) },
          { id: 'mix6', community: 'MixedAnswer', title: 'Bell\u0007ringing', score: 9, comments: 11, createdAt: created },
          // Already stored with its real title: a worse copy must not replace it.
          { id: 'loc1', community: 'MixedAnswer', title: 'Overwritten?', score: 9, comments: 11, createdAt: created },
        ],
        [{ kind: 't3', data: { name: 't3_mix7', subreddit: 'MixedAnswer', title: 'Wrong types', score: '12', num_comments: [], created_utc: 'yesterday' } }],
      ),
    ),
  }),
};
/** A thread nested 10,000 deep, as text (a recursive builder would overflow first). */
const deepThread = (post: FakePost) => {
  const open = (i: number) => `{"kind":"t1","data":{"name":"t1_d${i}","link_id":"t3_${post.id}","parent_id":"${i ? `t1_d${i - 1}` : `t3_${post.id}`}","author":"bob","body":"level ${i}","score":1,"created_utc":${Math.floor(created / 1000)},"replies":{"kind":"Listing","data":{"children":[`;
  return `[${JSON.stringify(listingJson([post]))},{"kind":"Listing","data":{"children":[${Array.from({ length: 10_000 }, (_, i) => open(i)).join('')}${']}}}}'.repeat(10_000)}]}}]`;
};
const followed: FakePost = { id: 'fol1', community: 'LocalLLaMA', title: 'Which quant do you run for coding', score: 40, comments: 3, createdAt: created };

function listing(community: string): FakePost[] {
  const key = community.slice(0, 3).toLowerCase();
  const posts: FakePost[] = [
    { id: `${key}1`, community, title: `${community} climbs fast`, score: 100 + 120 * reddit.round, comments: 20, createdAt: created },
    { id: `${key}2`, community, title: `${community} stays put`, score: 60, comments: 15, createdAt: created },
    // Three posts (one per community) a digest watch matches, one an alerting watch matches.
    { id: `${key}3`, community, title: `EGGROLL trick seen in r/${community}`, score: 30, comments: 12, createdAt: created },
  ];
  if (community === 'MachineLearning') posts.push({ id: 'spd1', community, title: 'New NanoGPT speedrun record of 127.7 s', score: 80, comments: 14, createdAt: created });
  if (community === 'LocalLLaMA') posts.push({ ...followed, comments: 3 + 5 * reddit.round });
  return posts;
}

const thread = () => threadJson({ ...followed, comments: 3 + 5 * reddit.round }, Array.from({ length: 3 + 5 * reddit.round }, (_, i) => ({ id: `fc${i}`, body: `Q4_K_M here (${i})`, score: 2, createdAt: created + 60_000 })));

let h: Harness;
let popup: Page;

/** Settings as a person leaves them in Options (written the way the settings item stores them). */
async function setSettings(page: Page, patch: Record<string, unknown>) {
  await page.evaluate(async (p) => {
    const c = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const { settings } = await c.storage.local.get('settings');
    await c.storage.local.set({ settings: { ...((settings as object) ?? {}), ...p }, settings$: { v: 5 } });
  }, patch);
}

const refreshState = (page: Page) => page.evaluate(async () => (await (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.get('refresh-state'))['refresh-state'] as { run: unknown; lastRun: { startedAt: number; endedAt: number } | null; communities: Record<string, { stopped: boolean; lastSuccessAt: number | null; lastProblem: { message: string } | null }> } | undefined);

/** Waits for the background's run to end (none under way, one finished after `since`). */
async function runEnded(page: Page, since: number) {
  await expect.poll(async () => {
    const s = await refreshState(page);
    return !!s && !s.run && !!s.lastRun && s.lastRun.endedAt >= since;
  }, { timeout: 30_000, interval: 200 }).toBe(true);
}

/** Moves every stored time 31 minutes back: what a run left looks 31 minutes old. */
async function letTimePass(page: Page, ms: number) {
  await page.evaluate(async (shift) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('reddit-trend-radar');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction(['posts', 'sightings'], 'readwrite');
      const sightings = tx.objectStore('sightings');
      sightings.getAll().onsuccess = (e) => {
        const rows = (e.target as IDBRequest<{ at: number }[]>).result;
        sightings.clear();
        for (const r of rows) sightings.put({ ...r, at: r.at - shift });
      };
      const posts = tx.objectStore('posts');
      posts.getAll().onsuccess = (e) => {
        for (const p of (e.target as IDBRequest<{ firstSeenAt: number; lastSeenAt: number; sightedAt: number }[]>).result)
          posts.put({ ...p, firstSeenAt: p.firstSeenAt - shift, lastSeenAt: p.lastSeenAt - shift, sightedAt: p.sightedAt ? p.sightedAt - shift : 0 });
      };
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
    const c = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const state = (await c.storage.local.get('refresh-state'))['refresh-state'] as { requests: number[]; waitUntil: number; run: { startedAt: number } | null; lastRun: { startedAt: number; endedAt: number }; communities: Record<string, { nextAt: number; lastSuccessAt: number | null; requests: number[] }> };
    state.requests = state.requests.map((t) => t - shift);
    state.waitUntil -= shift;
    if (state.run) state.run = { ...state.run, startedAt: state.run.startedAt - shift };
    state.lastRun = { ...state.lastRun, startedAt: state.lastRun.startedAt - shift, endedAt: state.lastRun.endedAt - shift };
    for (const k of Object.keys(state.communities)) {
      const x = state.communities[k]!;
      state.communities[k] = { ...x, nextAt: x.nextAt - shift, lastSuccessAt: x.lastSuccessAt && x.lastSuccessAt - shift, requests: x.requests.map((t) => t - shift) };
    }
    await c.storage.local.set({ 'refresh-state': state });
  }, ms);
}

describe.runIf(canRunBrowser)('keeping tracked communities fresh', () => {
  beforeAll(async () => {
    h = await launch({
      extensionDir: TEST_EXTENSION_DIR,
      handler: (req, res, host) => {
        const url = new URL(req.url ?? '/', `https://${host}`);
        if (host !== 'www.reddit.com' || !url.pathname.endsWith('.json')) return false;
        reddit.served.push({ at: Date.now(), path: url.pathname + url.search });
        const send = (status: number, body: string, headers: Record<string, string> = {}) =>
          setTimeout(() => res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers }).end(body), reddit.delay);
        if (reddit.limited) return send(429, '{"message": "Too Many Requests", "error": 429}', { 'retry-after': '120' }), true;
        const m = /^\/r\/(\w+)\/(hot|new|top)\.json$/.exec(url.pathname);
        if (m && HOSTILE[m[1]!]) {
          const a = HOSTILE[m[1]!]!();
          return send(a.status ?? 200, a.body, { 'content-type': a.type ?? 'application/json; charset=UTF-8' }), true;
        }
        if (reddit.hostile && url.pathname === `${permalinkOf(followed)}.json`) return send(200, deepThread({ ...followed, comments: 10_000 })), true;
        // Signed out: Reddit sends the listing's request to its login page.
        if (m?.[1] === 'Rag' && !reddit.ragSignedIn) return res.writeHead(302, { location: '/login/' }).end(), true;
        if (m) return send(200, JSON.stringify(listingJson(m[1] === 'Rag' ? [{ id: 'rag1', community: 'Rag', title: 'Hybrid search beats pure vectors', score: 45, comments: 11, createdAt: created }] : listing(m[1]!)))), true;
        if (url.pathname === `${permalinkOf(followed)}.json`) return send(200, JSON.stringify(thread())), true;
        return send(404, '{"message": "Not Found", "error": 404}'), true;
      },
    });
    popup = await extensionPage(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('turned on in Options: every tracked community read without a Reddit tab; a watch fires, a digest sums up three matches', async () => {
    await setSettings(popup, {
      tracked: [...COMMUNITIES, 'Rag'],
      watches: [
        { id: 'speed', query: 'speedrun', communities: [], flair: '', minScore: null, minComments: null, alerts: true, createdAt: Date.now() },
        { id: 'egg', query: 'eggroll', communities: [], flair: '', minScore: null, minComments: null, alerts: true, digest: true, createdAt: Date.now() },
      ],
      follows: [{ postId: 't3_fol1', title: followed.title, community: 'LocalLLaMA', permalink: permalinkOf(followed), score: 40, comments: 3, more: 5, createdAt: Date.now() }],
    });
    const options = await extensionPage(h, 'options.html');
    const started = Date.now();
    await options.getByTestId('refresh-toggle').click();
    await expect.poll(() => options.getByTestId('refresh-toggle').isChecked()).toBe(true);
    await runEnded(popup, started);
    const paths = reddit.served.map((s) => s.path);
    expect(paths).toEqual([
      ...COMMUNITIES.flatMap((c) => [`/r/${c}/hot.json?raw_json=1&limit=100`, `/r/${c}/new.json?raw_json=1&limit=100`, `/r/${c}/top.json?raw_json=1&limit=100&t=day`]),
      '/r/Rag/hot.json?raw_json=1&limit=100', // the login page: Rag's other listings are not asked
      `${permalinkOf(followed)}.json?raw_json=1&limit=200`,
    ]);
    // Polite: requests spaced by the test build's 0.25 s (as the server saw them arrive, give or take the
    // network's jitter; the exact spacing is tested in test/refresh/).
    expect(Math.min(...reddit.served.slice(1).map((s, i) => s.at - reddit.served[i]!.at))).toBeGreaterThanOrEqual(150);
    const db = await readDb(popup);
    expect(db.posts.length).toBe(3 * 3 + 2); // three per community, the speedrun post, the followed one
    expect(db.sightings.every((s) => s.source === 'refresh')).toBe(true);
    // Watches: one notification for the speedrun post, one digest for the three EGGROLL posts.
    const notes = await popup.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: typeof browser }).chrome.notifications.getAll()));
    expect(notes.sort()).toEqual(['watch:egg:t3_loc3', 'watch:speed:t3_spd1'].sort());
    const badge = await popup.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.action.getBadgeText({}));
    expect(badge).toBe('4');
    // Options: each community's last success, last problem and requests; the hourly count.
    const row = (c: string) => options.locator(`[data-testid="refresh-table"] tr[data-community="${c}"] td`);
    // LocalLLaMA: three listings and the followed post's thread.
    await expect.poll(() => row('LocalLLaMA').allTextContents()).toEqual(['r/LocalLLaMA', 'just now', 'none', '4']);
    expect(await row('singularity').allTextContents()).toEqual(['r/singularity', 'just now', 'none', '3']);
    expect((await row('Rag').allTextContents())[2]).toMatch(/^just now: Sign in to Reddit in this browser to keep communities fresh \(redirected to \/login\/\); stopped, tried again hourly$/);
    expect(await options.getByTestId('refresh-hourly').textContent()).toBe('Requests to Reddit in the last hour: 11 (at most 300).');
    await options.setViewportSize({ width: 900, height: 900 });
    await options.locator('#refresh-h').scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${SCREENSHOTS}/options-refresh.png` });
    await options.close();
  });

  test('the popup says when it refreshed and why Rag stopped; a second run 31 minutes on fills Rising, Today covers all three, the follow reports +5', async () => {
    await popup.setViewportSize({ width: 800, height: 600 });
    await popup.reload();
    expect(await popup.getByTestId('refresh-line').textContent()).toMatch(/^refreshed just now|^refreshed under a minute ago · next in (2[7-9]|3[0-3]) min$/);
    expect(await popup.getByTestId('refresh-problem').textContent()).toBe('Sign in to Reddit in this browser to keep communities fresh (r/Rag). Capture of the pages you open goes on.');
    // Passive capture still works meanwhile.
    const tab = await h.context.newPage();
    await tab.goto(h.url(ROUTES.newListing!));
    await waitForDb(popup, (d) => d.posts.some((p) => p.subreddit === 'MachineLearning' && (p.id as string).length > 8), 'the opened listing');
    // The sidebar's community view says when this community was refreshed.
    const panel = await extensionPage(h, 'sidepanel.html');
    await panel.setViewportSize({ width: 360, height: 700 });
    await tab.bringToFront();
    await expect.poll(() => panel.getByTestId('community-view').locator('h1').textContent()).toBe('r/MachineLearning');
    expect(await panel.getByTestId('community-view').getByTestId('refresh-line').textContent()).toMatch(/^refreshed (under a minute|1 min) ago · next in \d+ min$/);
    expect(await panel.getByTestId('refresh-now').count()).toBe(0);
    await panel.screenshot({ path: `${SCREENSHOTS}/sidebar-refreshed.png` });
    await panel.close();
    await tab.close();

    await letTimePass(popup, 31 * 60_000);
    reddit.round = 1;
    reddit.ragSignedIn = true;
    const before = reddit.served.length;
    const started = Date.now();
    await popup.reload();
    await popup.getByTestId('refresh-now').click();
    // Answered once the run is planned: four communities' three listings and the followed thread.
    await expect.poll(() => popup.getByTestId('refresh-note').textContent()).toBe('Refreshing: 13 requests to Reddit, one every 2 seconds.');
    await runEnded(popup, started - 1_000);
    // "Refresh now" asks every community again, the stopped one too (now signed in).
    expect(reddit.served.slice(before).map((s) => s.path.split('?')[0])).toEqual([
      ...[...COMMUNITIES, 'Rag'].flatMap((c) => [`/r/${c}/hot.json`, `/r/${c}/new.json`, `/r/${c}/top.json`]),
      `${permalinkOf(followed)}.json`,
    ]);
    await expect.poll(() => popup.getByTestId('refresh-problem').count()).toBe(0);
    await popup.getByRole('tab', { name: /^Rising/ }).click();
    const rising = popup.locator('table.trend tbody tr');
    await expect.poll(() => rising.count(), { timeout: 15_000 }).toBe(3);
    expect(await rising.first().textContent()).toMatch(/climbs fast.*\+120 in 3[12] min/);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-refreshed-rising.png` });
    await popup.getByRole('tab', { name: /^Today/ }).click();
    const today = (await popup.locator('table.trend tbody tr').allTextContents()).join('\n');
    for (const c of COMMUNITIES) expect(today).toContain(`r/${c}`);
    const follow = await popup.evaluate(async () => ((await (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.get('watch-state'))['watch-state'] as { hits: { kind: string; detail: string }[] }).hits.filter((x) => x.kind === 'follow').map((x) => x.detail));
    expect(follow).toEqual(['+5 comments since you were last told (now 40 points, 8 comments)']);
    expect((await readDb(popup)).comments.filter((c) => c.postId === 't3_fol1').length).toBe(8);
  });

  test('the worker stopped in the middle of a run: the next one resumes it; every listing read, no duplicate sightings', async () => {
    await letTimePass(popup, 31 * 60_000);
    reddit.delay = 700;
    const before = reddit.served.length;
    const sightingsBefore = (await readDb(popup)).sightings.length;
    const started = Date.now();
    await popup.reload();
    await popup.getByTestId('refresh-now').click();
    await expect.poll(() => reddit.served.length - before, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(4);
    await stopServiceWorker(popup);
    reddit.delay = 0;
    // Any event wakes the worker again (here a search from the popup); it finds the run and resumes it.
    await popup.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ rtr: 'search', data: { query: 'x' } }).catch(() => undefined));
    await runEnded(popup, started - 1_000);
    const asked = reddit.served.slice(before).map((s) => s.path.split('?')[0]!);
    const expected = [...[...COMMUNITIES, 'Rag'].flatMap((c) => [`/r/${c}/hot.json`, `/r/${c}/new.json`, `/r/${c}/top.json`]), `${permalinkOf(followed)}.json`];
    expect([...new Set(asked)]).toEqual(expected);
    // At most the request in flight when the worker stopped is asked again.
    expect(asked.length - expected.length).toBeLessThanOrEqual(1);
    // Same numbers as 31 minutes ago: one new sighting per post seen 10 minutes or more before, none twice.
    const db = await readDb(popup);
    const keys = db.sightings.map((s) => `${s.postId}@${s.at}`);
    expect(new Set(keys).size).toBe(keys.length);
    const refreshed = db.posts.filter((p) => ['LocalLLaMA', 'MachineLearning', 'singularity', 'Rag'].includes(p.subreddit as string) && (p.id as string).length <= 8);
    expect(db.sightings.length - sightingsBefore).toBe(refreshed.length);
  });

  test('a 429 with Retry-After: 120: no request to Reddit for 120 s, "Refresh now" says why', async () => {
    await letTimePass(popup, 31 * 60_000);
    reddit.limited = true;
    const before = reddit.served.length;
    await popup.reload();
    await popup.getByTestId('refresh-now').click();
    await expect.poll(() => reddit.served.length - before, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await refreshState(popup))?.communities['localllama']?.lastProblem?.message).toBe('Reddit asked to slow down; refresh waits as long as Reddit says');
    await popup.reload();
    expect(await popup.getByTestId('refresh-line').textContent()).toMatch(/^Reddit asked to slow down: refresh resumes at \d\d:\d\d/);
    await popup.getByTestId('refresh-now').click();
    await expect.poll(() => popup.getByTestId('refresh-note').textContent()).toBe('Reddit asked to slow down: refresh waits 2 min more.');
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-refresh-429.png` });
    // The alarm's ticks (a minute apart) would not ask either: wake the worker as one would.
    await popup.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ rtr: 'refreshNow', data: {} }));
    await new Promise((ok) => setTimeout(ok, 3_000));
    expect(reddit.served.length - before).toBe(1);
    // Once the 120 s are over (time moved on), the same run resumes with the listing Reddit refused.
    reddit.limited = false;
    await letTimePass(popup, 3 * 60_000);
    const resumed = Date.now();
    await popup.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ rtr: 'refreshNow', data: {} }));
    await runEnded(popup, resumed);
    expect(reddit.served[before + 1]?.path).toBe(reddit.served[before]?.path);
    expect(reddit.served.length - before).toBe(1 + 13);
  });

  test('hostile answers, each refused on its own with its reason; nothing stored is lost; the popup stays responsive; the run goes on', async () => {
    await letTimePass(popup, 31 * 60_000);
    reddit.hostile = true;
    const names = Object.keys(HOSTILE);
    await setSettings(popup, { tracked: [...COMMUNITIES, ...names] });
    const before = await readDb(popup);
    const healthBefore = await popup.evaluate(async () => ((await (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.get('capture-health'))['capture-health'] as Record<string, { skipped: number }>)['refresh-listing']?.skipped ?? 0);
    const started = Date.now();
    await popup.reload();
    await popup.getByTestId('refresh-now').click();
    // The popup answers while the run goes (a page of ours is never frozen by it).
    for (let i = 0; i < 5; i++) expect(await popup.evaluate(() => document.querySelectorAll('table.trend tbody tr').length)).toBeGreaterThan(0);
    await runEnded(popup, started - 1_000);
    const state = (await refreshState(popup))!;
    const problem = (c: string) => (state.communities[c.toLowerCase()]?.lastProblem as { problem?: string } | null)?.problem;
    expect(names.map(problem)).toEqual(['too-large', 'html', 'blocked', undefined]);
    expect(names.map((c) => state.communities[c.toLowerCase()]?.stopped)).toEqual([false, true, true, false]);
    // Of MixedAnswer's eight items, one stored; the stored post keeps its real title.
    const after = await readDb(popup);
    const mixed = after.posts.filter((p) => p.subreddit === 'MixedAnswer').map((p) => p.id);
    expect(mixed).toEqual(['t3_mix1']);
    expect(after.posts.find((p) => p.id === 't3_loc1')?.title).toBe('LocalLLaMA climbs fast');
    expect(after.posts.filter((p) => !before.posts.some((b) => b.id === p.id)).map((p) => p.id)).toEqual(['t3_mix1']);
    // Refused items counted with capture health: 3 listings × (another community, absurd, future, bell, wrong types, loc1's subreddit).
    const health = await popup.evaluate(async () => ((await (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.get('capture-health'))['capture-health'] as Record<string, { skipped: number }>)['refresh-listing']!.skipped);
    expect(health - healthBefore).toBe(3 * 7);
    // The thread nested 10,000 deep: read to depth 1,000, the rest left.
    expect(after.comments.filter((c) => c.postId === 't3_fol1' && String(c.id).startsWith('t1_d')).length).toBe(1_001);
    reddit.hostile = false;
    await setSettings(popup, { tracked: [...COMMUNITIES, 'Rag'] });
  });

  test('privacy: with refresh on, every request the extension made went to the mapped www.reddit.com only', () => {
    const ours = h.recorded.filter((r) => r.fromServiceWorker || r.frame?.startsWith('chrome-extension://'));
    const hosts = new Set(ours.map((r) => new URL(r.url).host).filter((host) => host !== h.extensionId));
    expect([...hosts]).toEqual(['www.reddit.com']);
  });
});
