/**
 * End to end in real Chromium: the built extension captures fixture pages served as reddit.com, through
 * infinite scroll, client-side navigation and a stopped service worker; then we read what the database
 * holds with the raw IndexedDB API. Expected ids come from the raw HTML (regular expressions over the
 * file), not from our parsers.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { fixturePath } from '../support/fixtures';
import { canRunBrowser, extensionPage, launch, readDb, ROUTES, stopServiceWorker, waitForDb, type DbDump, openExportMenu, type Harness } from './harness';

const raw = (file: string) => readFileSync(fixturePath(file), 'utf8');
const idsOf = (file: string, re: RegExp) => [...raw(file).matchAll(re)].map((m) => m[1]!);
const SHREDDIT_POST = /<shreddit-post [^>]*?\bid="(t3_[0-9a-z]+)"/g;
const AD = /<shreddit-ad-post [^>]*?\bid="(t3_[0-9a-z]+)"/g;
const OLD_THING = /<div class="[^"]*\bthing\b[^"]*" [^>]*?data-fullname="(t3_[0-9a-z]+)"[^>]*?data-promoted="false"/g;
const OLD_PROMOTED = /data-fullname="(t3_[0-9a-z]+)"[^>]*?data-promoted="true"/g;

let h: Harness;
let reddit: Page;
let dbPage: Page;
const expected = new Set<string>();
const ids = (d: DbDump) => new Set(d.posts.map((p) => p.id as string));
const hasAll = (want: Iterable<string>) => (d: DbDump) => [...want].every((id) => ids(d).has(id));

function syntheticPost(id: string, sub: string, score: number): string {
  return `<article><shreddit-post id="${id}" permalink="/r/${sub}/comments/${id.slice(3)}/s/" post-title="Synthetic ${id}" score="${score}" comment-count="12" created-timestamp="2026-07-10T08:00:00.000000+0000" author="tester" subreddit-name="${sub}" view-context="SubredditFeed"></shreddit-post></article>`;
}

describe.runIf(canRunBrowser)('capture in a real browser', () => {
  beforeAll(async () => {
    h = await launch();
    dbPage = await extensionPage(h);
    reddit = await h.context.newPage();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('new Reddit listing: every post lands with exact fields, ads never', async () => {
    await reddit.goto(h.url(ROUTES.newListing!));
    const want = idsOf('new-listing-r-machinelearning-2026.html', SHREDDIT_POST);
    expect(want).toHaveLength(50);
    want.forEach((id) => expected.add(id));
    const d = await waitForDb(dbPage, hasAll(want), 'the 50 listing posts');
    expect(ids(d)).toEqual(expected);
    for (const ad of idsOf('new-listing-r-machinelearning-2026.html', AD)) expect(ids(d).has(ad)).toBe(false);
    const p = d.posts.find((x) => x.id === 't3_1uhw7fu')!;
    expect(p).toMatchObject({
      subreddit: 'MachineLearning', author: 'DanielMoGo', score: 115, comments: 33, flair: 'Research', body: null,
      createdAt: Date.parse('2026-06-28T12:35:42.157Z'),
      title: 'I shrank a transformer until every number fitted on the screen and made the weights editable [R]',
    });
    expect(d.sightings.filter((s) => s.postId === 't3_1uhw7fu').map((s) => [s.score, s.comments])).toEqual([[115, 33]]);
  });

  test('the toolbar badge counts the posts captured in the tab', async () => {
    const text = await dbPage.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: typeof browser }).chrome;
      const [tab] = await chrome.tabs.query({ url: 'https://www.reddit.com/r/MachineLearning/' });
      return chrome.action.getBadgeText({ tabId: tab!.id! });
    });
    expect(text).toBe('50');
  });

  test('posts appended later (infinite scroll) are captured as they appear', async () => {
    await reddit.evaluate((html) => {
      const batch = document.createElement('faceplate-batch');
      batch.innerHTML = html;
      document.querySelector('shreddit-feed')!.append(batch);
    }, ['t3_zz0001', 't3_zz0002', 't3_zz0003'].map((id, i) => syntheticPost(id, 'MachineLearning', 100 + i)).join('<hr>'));
    ['t3_zz0001', 't3_zz0002', 't3_zz0003'].forEach((id) => expected.add(id));
    const d = await waitForDb(dbPage, hasAll(['t3_zz0001', 't3_zz0002', 't3_zz0003']), 'the appended posts');
    expect(ids(d)).toEqual(expected);
    expect(d.posts.find((p) => p.id === 't3_zz0003')).toMatchObject({ score: 102, comments: 12, subreddit: 'MachineLearning' });
  });

  test('the service worker stopped mid-way: the next batch wakes it, nothing lost, nothing counted twice', async () => {
    await stopServiceWorker(reddit);
    await reddit.evaluate((html) => {
      const batch = document.createElement('faceplate-batch');
      batch.innerHTML = html;
      document.querySelector('shreddit-feed')!.append(batch);
    }, syntheticPost('t3_zz0004', 'MachineLearning', 7) + syntheticPost('t3_zz0005', 'MachineLearning', 8));
    expected.add('t3_zz0004').add('t3_zz0005');
    const d = await waitForDb(dbPage, hasAll(['t3_zz0004', 't3_zz0005']), 'posts sent while the worker was stopped');
    expect(ids(d)).toEqual(expected);
    const perPost = new Map<string, number>();
    for (const s of d.sightings) perPost.set(s.postId as string, (perPost.get(s.postId as string) ?? 0) + 1);
    expect([...perPost.values()].every((n) => n === 1)).toBe(true);
    expect(perPost.size).toBe(expected.size);
  });

  test('client-side navigation to another community keeps capturing', async () => {
    await reddit.evaluate((html) => {
      history.pushState({}, '', '/r/LocalLLaMA/');
      const app = document.querySelector('shreddit-app')!;
      document.querySelector('shreddit-feed')!.replaceChildren();
      app.setAttribute('routename', 'subreddit');
      const batch = document.createElement('faceplate-batch');
      batch.innerHTML = html;
      document.querySelector('shreddit-feed')!.append(batch);
    }, syntheticPost('t3_zz0006', 'LocalLLaMA', 310) + syntheticPost('t3_zz0007', 'LocalLLaMA', 42));
    expected.add('t3_zz0006').add('t3_zz0007');
    const d = await waitForDb(dbPage, hasAll(['t3_zz0006', 't3_zz0007']), 'posts after navigation');
    expect(d.posts.find((p) => p.id === 't3_zz0006')).toMatchObject({ subreddit: 'LocalLLaMA', score: 310 });
  });

  test('new Reddit post page: the post body and its 15 comments', async () => {
    await reddit.goto(h.url(ROUTES.newPost!));
    expected.add('t3_1un6v9c');
    const d = await waitForDb(dbPage, (x) => x.comments.length >= 15, 'the 15 comments');
    expect(d.comments).toHaveLength(15);
    const post = d.posts.find((p) => p.id === 't3_1un6v9c')!;
    expect(post).toMatchObject({
      subreddit: 'artificial', score: 51, comments: 22, author: 'ksraj1001',
      title: 'This week in AI: GPT-5.6, Gemini 3.5 Flash, Claude Science, and a Qwen price war — inference cost is collapsing across every tier at once',
    });
    expect(String(post.body)).toMatch(/^Lot dropped this week/);
    expect(d.comments.find((c) => c.id === 't1_ovisd3d')).toMatchObject({ parentId: 't1_oviiytm', depth: 1, score: 3, author: 'Ecsta', postId: 't3_1un6v9c' });
  });

  test('a post page whose comments are deferred: the post alone', async () => {
    await reddit.goto(h.url(ROUTES.newLazyPost!));
    expected.add('t3_1crsv3o');
    const d = await waitForDb(dbPage, hasAll(['t3_1crsv3o']), 'the lazy post');
    expect(d.posts.find((p) => p.id === 't3_1crsv3o')).toMatchObject({ subreddit: 'denvernuggets', comments: 956 });
  });

  test('new Reddit search: 55 results, original titles', async () => {
    await reddit.goto(h.url(ROUTES.newSearch!));
    const want = idsOf('new-search-ggal-es-mx-2025.html', /data-testid="search-sdui-post" data-thingid="(t3_[0-9a-z]+)"/g);
    expect(want).toHaveLength(55);
    want.forEach((id) => expected.add(id));
    const d = await waitForDb(dbPage, hasAll(want), 'the search results');
    expect(d.posts.find((p) => p.id === 't3_1m2du0c')).toMatchObject({ title: 'Buy Signal Grupo Financiero Galicia - 17 Jul 2025 @ 13:30 -> USD47.52', score: 1, comments: 0 });
  });

  test('the login wall: nothing captured', async () => {
    const before = (await readDb(dbPage)).posts.length;
    await reddit.goto(h.url(ROUTES.login!));
    await reddit.waitForTimeout(1500);
    expect((await readDb(dbPage)).posts.length).toBe(before);
  });

  test('old Reddit listings and search', async () => {
    for (const [route, file, re, count] of [
      [ROUTES.oldListing!, 'old-listing-r-python-2024.html', OLD_THING, 27],
      [ROUTES.oldNew!, 'old-listing-r-saas-new-2026-synthetic-text.html', OLD_THING, 25],
      [ROUTES.oldSearch!, 'old-search-2026-synthetic-text.html', /search-result-link[^"]*" data-fullname="(t3_[0-9a-z]+)"/g, 22],
    ] as const) {
      const want = idsOf(file, re);
      expect(want).toHaveLength(count);
      want.forEach((id) => expected.add(id));
      await reddit.goto(h.url(route));
      await waitForDb(dbPage, hasAll(want), file);
    }
    const d = await readDb(dbPage);
    for (const ad of idsOf('old-listing-r-python-2024.html', OLD_PROMOTED)) expect(ids(d).has(ad)).toBe(false);
    expect(d.posts.find((p) => p.id === 't3_1g6m2mb')).toMatchObject({ score: 11, comments: 8, createdAt: 1729268281000, flair: 'Showcase', author: 'shootingstar00' });
    expect(d.posts.find((p) => p.id === 't3_a000025')).toMatchObject({ score: null, scoreHidden: true });
  });

  test('Options suggests tracking only the communities browsed, not those a search page brought', async () => {
    // r/TickerTalkByLiam has 17 posts, all from the search page for $GGAL: never suggested.
    expect((await readDb(dbPage)).posts.filter((p) => p.subreddit === 'TickerTalkByLiam')).toHaveLength(17);
    const options = await extensionPage(h, 'options.html');
    const chips = options.getByTestId('suggestions').getByRole('button');
    await expect.poll(() => chips.allTextContents(), { timeout: 10_000 }).toEqual(['+ r/Python (27)', '+ r/SaaS (25)', '+ r/artificial (1)', '+ r/denvernuggets (1)']);
    await options.close();
  });

  test('old-layout comments page on www.reddit.com: the post and 197 comments', async () => {
    await reddit.goto(h.url(ROUTES.oldComments!));
    expected.add('t3_8dyrb3');
    const d = await waitForDb(dbPage, (x) => x.comments.filter((c) => c.postId === 't3_8dyrb3').length >= 197, 'the 197 old comments');
    expect(d.comments.filter((c) => c.postId === 't3_8dyrb3')).toHaveLength(197);
    expect(d.comments.find((c) => c.id === 't1_dxr2q90')).toMatchObject({ parentId: 't1_dxr0evr', score: 192, depth: 1 });
    expect(d.posts.find((p) => p.id === 't3_8dyrb3')).toMatchObject({ score: 21427, comments: 198 });
    // Everything captured, and nothing else.
    expect(ids(d)).toEqual(expected);
  });

  test('Reddit JSON opened in a tab: every post of both listings', async () => {
    for (const [route, file, count] of [[ROUTES.jsonFront!, 'json-listing-frontpage-2018.json', 25], [ROUTES.jsonAita!, 'json-listing-r-amitheasshole-2024.json', 26]] as const) {
      const want = idsOf(file, /"name": ?"(t3_[0-9a-z]+)"/g);
      expect(want).toHaveLength(count);
      want.forEach((id) => expected.add(id));
      await reddit.goto(h.url(route));
      await waitForDb(dbPage, hasAll(want), file);
    }
    const d = await readDb(dbPage);
    expect(d.posts.find((p) => p.id === 't3_7xnroa')).toMatchObject({ subreddit: 'movies', score: 33130, comments: 2456, createdAt: 1518665708000 });
    expect(ids(d)).toEqual(expected);
  });

  test('comment trees nested and flat, and replies that arrive later ("more replies"), with their parent and depth', async () => {
    await reddit.goto(h.url(ROUTES.newCommentTrees!));
    await waitForDb(dbPage, (x) => ['t1_ta2', 't1_tb3'].every((id) => x.comments.some((c) => c.id === id)), 'both threads');
    // The "1 more reply" partial loads: Reddit swaps it for the reply's markup.
    await reddit.evaluate(() => {
      const partial = document.querySelector('faceplate-partial')!;
      const reply = document.createElement('shreddit-comment');
      for (const [k, v] of Object.entries({ thingid: 't1_ta3', postid: 't3_trees1', parentid: 't1_ta2', depth: '2', author: 'eve', score: '1', created: '2026-07-10T07:40:00.000000+0000' })) reply.setAttribute(k, v);
      reply.innerHTML = '<div id="t1_ta3-comment-rtjson-content" slot="comment"><p>Loaded later.</p></div>';
      partial.replaceWith(reply);
    });
    const d = await waitForDb(dbPage, (x) => x.comments.some((c) => c.id === 't1_ta3'), 'the reply loaded later');
    const tree = ['t1_ta1', 't1_ta2', 't1_ta3', 't1_tb1', 't1_tb2', 't1_tb3'].map((id) => {
      const c = d.comments.find((x) => x.id === id)!;
      return [id, c.parentId, c.depth];
    });
    expect(tree).toEqual([
      ['t1_ta1', null, 0], ['t1_ta2', 't1_ta1', 1], ['t1_ta3', 't1_ta2', 2],
      ['t1_tb1', null, 0], ['t1_tb2', 't1_tb1', 1], ['t1_tb3', 't1_tb2', 2],
    ]);
    expected.add('t3_trees1');
  });

  test("a topic feed's posts of many communities, the crosspost with its original's id; search in every variant", async () => {
    await reddit.goto(h.url(ROUTES.newTopicFeed!));
    let d = await waitForDb(dbPage, hasAll(['t3_tpc001', 't3_tpc002', 't3_tpc003']), 'the topic feed');
    expect(d.posts.find((p) => p.id === 't3_tpc002')).toMatchObject({ crosspost: true, crosspostParent: 't3_tpc001', subreddit: 'singularity' });
    expect(d.posts.find((p) => p.id === 't3_tpc001')).toMatchObject({ crosspost: false, crosspostParent: null });
    await reddit.goto(h.url(ROUTES.newSearchVariants!));
    d = await waitForDb(dbPage, hasAll(['t3_srv001', 't3_srv002', 't3_srv003']), 'the three search variants');
    expect(['t3_srv001', 't3_srv002', 't3_srv003'].map((id) => {
      const p = d.posts.find((x) => x.id === id)!;
      return [p.subreddit, p.title, p.author];
    })).toEqual([
      ['LocalLLaMA', 'Quantization formats compared', null],
      ['LocalLLM', 'GGUF vs EXL2 on one card', 'finn'],
      ['MachineLearning', 'AWQ is still underrated', 'gwen'],
    ]);
    ['t3_tpc001', 't3_tpc002', 't3_tpc003', 't3_srv001', 't3_srv002', 't3_srv003'].forEach((id) => expected.add(id));
  });

  test('young posts with no score are stored, the score unknown and flagged, with no score history', async () => {
    await reddit.goto(h.url(ROUTES.newYoungPosts!));
    const d = await waitForDb(dbPage, hasAll(['t3_yng001', 't3_yng002', 't3_yng003']), 'the young posts');
    const row = (id: string) => d.posts.find((p) => p.id === id)!;
    expect([row('t3_yng001').score, row('t3_yng001').scoreHidden]).toEqual([88, false]);
    expect([row('t3_yng002').score, row('t3_yng002').scoreHidden, row('t3_yng002').comments]).toEqual([null, true, 14]);
    expect([row('t3_yng003').score, row('t3_yng003').scoreHidden]).toEqual([null, true]);
    expect(d.sightings.filter((s) => s.postId === 't3_yng002' || s.postId === 't3_yng003')).toEqual([]);
    ['t3_yng001', 't3_yng002', 't3_yng003'].forEach((id) => expected.add(id));
  });

  test("deleted and removed comments are stored as rows; their replies keep their true parent and depth", async () => {
    for (const route of [ROUTES.oldDeletedComments!, ROUTES.newDeletedComments!]) await reddit.goto(h.url(route));
    const d = await waitForDb(dbPage, (x) => ['t1_dd4', 't1_nw4'].every((id) => x.comments.some((c) => c.id === id)), 'both comment trees');
    const row = (id: string) => {
      const c = d.comments.find((x) => x.id === id)!;
      return [c.parentId, c.depth, c.author, c.body, c.deleted];
    };
    expect(row('t1_db2')).toEqual(['t1_da1', 1, null, null, true]);
    expect(row('t1_dc3')).toEqual(['t1_db2', 2, 'quinn', 'What did they say?', false]);
    expect(row('t1_dd4')).toEqual(['t1_dc3', 3, 'rosa', 'Something about cats.', false]);
    expect(row('t1_nx1')).toEqual([null, 0, null, null, true]);
    expect(row('t1_nz3')).toEqual(['t1_ny2', 2, null, null, true]);
    expect(row('t1_nw4')).toEqual(['t1_nz3', 3, 'umar', 'Same on my 3090.', false]);
    ['t3_del001', 't3_ndl001'].forEach((id) => expected.add(id));
  });

  test("an error page at a captured post's URL: nothing of its text is stored", async () => {
    const before = await readDb(dbPage);
    expect(before.posts.find((p) => p.id === 't3_1ufdzsr')!.body).toBeNull();
    await reddit.goto(h.url(ROUTES.errorAtPostUrl!));
    await reddit.waitForTimeout(2_500);
    const after = await readDb(dbPage);
    expect(after.posts.find((p) => p.id === 't3_1ufdzsr')!.body).toBeNull();
    expect(after.posts.length).toBe(before.posts.length);
  });

  test('a post page of unknown markup: Readability recovers the body of a post already known', async () => {
    expect((await readDb(dbPage)).posts.find((p) => p.id === 't3_1uhw7fu')!.body).toBeNull();
    await reddit.goto(h.url(ROUTES.unknownLayoutPost!));
    const d = await waitForDb(dbPage, (x) => x.posts.find((p) => p.id === 't3_1uhw7fu')!.body != null, 'the recovered body');
    const body = String(d.posts.find((p) => p.id === 't3_1uhw7fu')!.body);
    expect(body).toContain('Every weight of this tiny transformer is visible on one screen');
    expect(body).toContain('which is the point of the demo.');
    expect(body).not.toContain('All rights reserved');
    expect(ids(d)).toEqual(expected);
  });

  test('the popup shows what is stored; export downloads the backup; a malformed import is refused', async () => {
    const popup = await extensionPage(h);
    const d = await readDb(popup);
    await expect.poll(() => popup.getByTestId('stat-posts').textContent()).toBe(String(d.posts.length));
    const communities = new Set(d.posts.map((p) => p.subreddit)).size;
    expect(await popup.getByTestId('stat-communities').textContent()).toBe(String(communities));
    mkdirSync('test-results', { recursive: true });
    await popup.screenshot({ path: 'test-results/popup-data.png' });

    await openExportMenu(popup);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export backup' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^reddit-trend-radar-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(backup).toMatchObject({ format: 'reddit-trend-radar', version: 2, watches: [], follows: [] });
    expect(backup.posts).toHaveLength(d.posts.length);
    expect(backup.comments).toHaveLength(d.comments.length);
    writeFileSync('test-results/browser-backup.json', JSON.stringify(backup));

    await openExportMenu(popup);
    await popup.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"reddit-trend-radar","version":1}') });
    // In plain words: what is wrong and what to do, not a validator's message.
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('broken.json was not imported. This backup is incomplete: it has no "exportedAt". Export the backup again.');
    expect((await readDb(popup)).posts).toHaveLength(d.posts.length);

    await openExportMenu(popup);
    await popup.getByTestId('import-file').setInputFiles({ name: 'same.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await expect.poll(() => popup.getByTestId('data-status').textContent()).toBe('Imported same.json: 0 new posts, 0 updated, 0 score points, 0 comments.');
  });

  test('capture that checks itself: a page type Reddit broke on purpose is flagged in the popup, the sidebar and Options', async () => {
    const popup = await extensionPage(h, 'popup.html');
    expect(await popup.getByTestId('health-warning').count()).toBe(0);
    // Five feed pages in a row where the posts' elements were renamed: nothing is found.
    for (let i = 0; i < 5; i++) {
      await reddit.goto(h.url(ROUTES.brokenListing!));
      await reddit.waitForTimeout(700);
    }
    await reddit.goto(h.url(ROUTES.login!)); // the last page's report goes with the page's exit
    await expect.poll(() => popup.getByTestId('health-warning').textContent(), { timeout: 15_000 }).toContain(
      'New Reddit feeds: nothing captured on the last 5 pages: Reddit may have changed its pages.',
    );
    const sidebar = await extensionPage(h, 'sidepanel.html');
    await reddit.goto(h.url(ROUTES.brokenListing!));
    await reddit.bringToFront();
    await expect.poll(() => sidebar.getByTestId('health-warning').count(), { timeout: 15_000 }).toBe(1);
    const options = await extensionPage(h, 'options.html');
    const row = options.getByTestId('health-table').locator('tr[data-type="new-listing"]');
    await expect.poll(() => row.getAttribute('class'), { timeout: 15_000 }).toBe('broken');
    expect(await row.locator('td').first().textContent()).toMatch(/^New Reddit feeds \(nothing on the last [56]\)$/);
    for (const p of [popup, sidebar, options]) await p.close();
  });

});
