/**
 * Every real page in ../shared/fixtures/reddit/ (SOURCES.md gives the counts). Expected values were read
 * from the raw HTML/JSON by hand, not from our parser's output. In CI the fixtures must be there: a
 * missing folder fails rather than skips.
 */
import { describe, expect, test } from 'vitest';
import { fixtureDocument, fixtureText, hasFixtures } from '../support/fixtures';
import { parsePage } from '@/lib/capture/parse-page';
import { detectPage } from '@/lib/capture/page-type';
import { parseJsonListing } from '@/lib/capture/parsers/json-listing';
import { CapturedCommentShape, CapturedPostShape, invalidField } from '@/lib/capture/schema';
import type { ParseResult } from '@/lib/capture/types';
import { PageWatcher } from '@/lib/capture/observe';
import { pageTypeLabel, type PageReport } from '@/lib/capture/health';

const SEEN = Date.UTC(2026, 10, 23, 12);
const run = hasFixtures || !!process.env.CI;

function page(file: string, url: string): ParseResult {
  return parsePage(fixtureDocument(file, url), url, SEEN);
}
function post(r: ParseResult, id: string) {
  const p = r.posts.find((x) => x.id === id);
  expect(p, `post ${id}`).toBeDefined();
  return p!;
}
function everyRecordValid(r: ParseResult) {
  for (const p of r.posts) expect(invalidField(CapturedPostShape, p), p.id).toBeNull();
  for (const c of r.comments) expect(invalidField(CapturedCommentShape, c), c.id).toBeNull();
  expect(new Set(r.posts.map((p) => p.id)).size).toBe(r.posts.length);
}

describe.runIf(run)('real Reddit pages', () => {
  test('new Reddit subreddit feed: 50 posts, 5 ads left out', () => {
    const url = 'https://www.reddit.com/r/MachineLearning/';
    const doc = fixtureDocument('new-listing-r-machinelearning-2026.html', url);
    expect(detectPage(doc, url)).toEqual({ layout: 'new', kind: 'listing' });
    const r = parsePage(doc, url, SEEN);
    expect(r.posts).toHaveLength(50);
    expect(r.ads).toBe(5);
    expect(r.skipped).toBe(0);
    expect(r.comments).toHaveLength(0);
    everyRecordValid(r);
    expect(post(r, 't3_1uhw7fu')).toMatchObject({
      subreddit: 'MachineLearning',
      title: 'I shrank a transformer until every number fitted on the screen and made the weights editable [R]',
      author: 'DanielMoGo',
      permalink: '/r/MachineLearning/comments/1uhw7fu/i_shrank_a_transformer_until_every_number_fitted/',
      score: 115,
      comments: 33,
      createdAt: Date.parse('2026-06-28T12:35:42.157Z'),
      flair: 'Research',
      postType: 'text',
      body: null,
      stickied: false,
      layout: 'new',
      seenAt: SEEN,
    });
    expect(post(r, 't3_1ufdzsr')).toMatchObject({ score: 8, comments: 0, flair: 'Project', author: 'Michi122211' });
    const stickied = r.posts.filter((p) => p.stickied);
    expect(stickied.map((p) => [p.id, p.title, p.score, p.comments])).toEqual([['t3_1ul5bgf', '[D] Self-Promotion Thread', 10, 28]]);
    expect(r.posts.every((p) => p.subreddit === 'MachineLearning')).toBe(true);
  });

  test('new Reddit search (es-MX): 55 results with the original, untranslated titles', () => {
    const r = page('new-search-ggal-es-mx-2025.html', 'https://www.reddit.com/search/?q=%24GGAL');
    expect(r.posts).toHaveLength(55);
    expect(r.skipped).toBe(0);
    everyRecordValid(r);
    expect(post(r, 't3_1m2du0c')).toMatchObject({
      subreddit: 'getagraph',
      title: 'Buy Signal Grupo Financiero Galicia - 17 Jul 2025 @ 13:30 -> USD47.52',
      permalink: '/r/getagraph/comments/1m2du0c/buy_signal_grupo_financiero_galicia_17_jul_2025/',
      score: 1,
      comments: 0,
      createdAt: Date.parse('2025-07-17T17:33:04.213Z'),
      author: null,
      flair: null,
    });
    expect(r.posts.some((p) => p.title.startsWith('Señal de Compra'))).toBe(false);
    // Posts made on a user profile are posts, not ads: community u_<name>, permalink under /user/.
    expect(post(r, 't3_1l2argf')).toMatchObject({ subreddit: 'u_Csabi_PV', permalink: '/user/Csabi_PV/comments/1l2argf/cumicuminarancs/' });
  });

  test('new Reddit post page: the post with its whole body and 15 comments with tree structure', () => {
    const url = 'https://www.reddit.com/r/artificial/comments/1un6v9c/this_week_in_ai_gpt56_gemini_35_flash_claude/';
    const doc = fixtureDocument('new-post-r-artificial-2026-with-comments.html', url);
    expect(detectPage(doc, url)).toEqual({ layout: 'new', kind: 'post' });
    const r = parsePage(doc, url, SEEN);
    expect(r.posts).toHaveLength(1);
    expect(r.comments).toHaveLength(15);
    everyRecordValid(r);
    const p = post(r, 't3_1un6v9c');
    expect(p).toMatchObject({ subreddit: 'artificial', author: 'ksraj1001', score: 51, comments: 22, flair: 'News' });
    expect(p.body!.startsWith("Lot dropped this week and there's a pretty clear through-line, so figured I'd pull it together.\n\nModel releases:")).toBe(true);
    const byId = new Map(r.comments.map((c) => [c.id, c]));
    expect(byId.get('t1_ovisd3d')).toMatchObject({
      postId: 't3_1un6v9c', parentId: 't1_oviiytm', author: 'Ecsta', score: 3, depth: 1, createdAt: Date.parse('2026-07-04T15:31:34.196Z'),
    });
    expect(byId.get('t1_ovhp5bm')).toMatchObject({ score: -1, depth: 1, parentId: 't1_ovhoiy2', author: 'ksraj1001' });
    expect(byId.get('t1_ovk29s4')).toMatchObject({ depth: 2, parentId: 't1_ovhp5bm', author: 'chu' });
    expect(byId.get('t1_ovhuosk')).toMatchObject({ depth: 0, parentId: null, score: 13, author: 'KnodulesAintHeavy' });
    expect(byId.get('t1_ovhuosk')!.body!.startsWith('Price drops? According to who exactly? The labs.')).toBe(true);
    // A parent's text never swallows its replies' text.
    expect(byId.get('t1_oviiytm')!.body).not.toContain(byId.get('t1_ovisd3d')!.body);
    expect(r.comments.filter((c) => c.depth === 0)).toHaveLength(9);
  });

  test('without the app shell (a renamed one): the same post and comments, the page type assumed from the address; a login wall still refused (issue 22, item 9)', () => {
    const url = 'https://www.reddit.com/r/artificial/comments/1un6v9c/this_week_in_ai_gpt56_gemini_35_flash_claude/';
    const shelled = parsePage(fixtureDocument('new-post-r-artificial-2026-with-comments.html', url), url, SEEN);
    /** The page with Reddit's shell renamed: its children moved into an element of another name. */
    const renamed = (file: string, at: string) => {
      const doc = fixtureDocument(file, at);
      const app = doc.querySelector('shreddit-app');
      if (app) {
        const other = doc.createElement('shreddit-app-2027');
        for (const a of Array.from(app.attributes)) other.setAttribute(a.name, a.value);
        while (app.firstChild) other.appendChild(app.firstChild);
        app.replaceWith(other);
      }
      return doc;
    };
    const doc = renamed('new-post-r-artificial-2026-with-comments.html', url);
    expect(doc.querySelector('shreddit-app')).toBeNull();
    expect(detectPage(doc, url)).toEqual({ layout: 'new', kind: 'post', assumed: true });
    const r = parsePage(doc, url, SEEN);
    expect([r.posts.length, r.comments.length]).toEqual([1, 15]);
    expect(r).toEqual(shelled);
    const feed = 'https://www.reddit.com/r/MachineLearning/';
    const listing = renamed('new-listing-r-machinelearning-2026.html', feed);
    expect(detectPage(listing, feed)).toEqual({ layout: 'new', kind: 'listing', assumed: true });
    expect(parsePage(listing, feed, SEEN).posts).toHaveLength(50);
    const login = renamed('new-login-interstitial-2026.html', 'https://www.reddit.com/login/');
    expect(detectPage(login, 'https://www.reddit.com/login/').kind).toBe('none');
    // Capture health is told the type was assumed.
    const reports: PageReport[] = [];
    new PageWatcher({ doc, url: () => url, now: () => SEEN, onRecords: () => undefined, onPage: (p) => reports.push(p) }).scan();
    expect(reports).toEqual([{ type: 'shellless-post', posts: 1, comments: 15, skipped: 0 }]);
    expect(pageTypeLabel('shellless-post')).toBe('New Reddit post pages without the app shell (type assumed from the address)');
  });

  test('new Reddit post page served with deferred comments: the post, no comments', () => {
    const r = page('new-post-r-denvernuggets-2024-lazy-comments.html', 'https://www.reddit.com/r/denvernuggets/comments/1crsv3o/x/');
    expect(r.posts).toHaveLength(1);
    expect(r.posts[0]).toMatchObject({ id: 't3_1crsv3o', subreddit: 'denvernuggets', comments: 956 });
    expect(r.comments).toHaveLength(0);
  });

  test('login wall: recognised, nothing captured', () => {
    const url = 'https://www.reddit.com/login/';
    const doc = fixtureDocument('new-login-interstitial-2026.html', url);
    expect(detectPage(doc, url).kind).toBe('none');
    expect(parsePage(doc, url, SEEN)).toEqual({ posts: [], comments: [], skipped: 0, ads: 0 });
  });

  test('old Reddit listing: 25 posts + 2 stickied, 3 promoted left out', () => {
    const r = page('old-listing-r-python-2024.html', 'https://old.reddit.com/r/Python/');
    expect(r.posts).toHaveLength(27);
    expect(r.ads).toBe(3);
    expect(r.posts.filter((p) => p.stickied)).toHaveLength(2);
    everyRecordValid(r);
    expect(post(r, 't3_1g6m2mb')).toMatchObject({
      subreddit: 'Python',
      title: 'I built an open-source AI-driven Code Review app for GitHub repos',
      author: 'shootingstar00',
      score: 11,
      comments: 8,
      createdAt: 1729268281000,
      flair: 'Showcase',
      layout: 'old',
      scoreHidden: false,
    });
    expect(r.posts.some((p) => p.subreddit.startsWith('u_'))).toBe(false);
  });

  test('old Reddit /new listing: 25 posts, 14 with the score hidden: kept, flagged, the score unknown (data-score is no real score then)', () => {
    const r = page('old-listing-r-saas-new-2026-synthetic-text.html', 'https://old.reddit.com/r/SaaS/new/');
    expect(r.posts).toHaveLength(25);
    const hidden = r.posts.filter((p) => p.scoreHidden);
    expect(hidden).toHaveLength(14);
    expect(hidden.every((p) => p.score === null)).toBe(true);
    // The other 11 show their score.
    expect(r.posts.filter((p) => !p.scoreHidden).every((p) => typeof p.score === 'number')).toBe(true);
    expect(post(r, 't3_a000025')).toMatchObject({ score: null, scoreHidden: true, comments: 0, author: 'redditor_0023', createdAt: 1785488285000 });
  });

  test('old Reddit search: 22 results, young ones without a score', () => {
    const url = 'https://old.reddit.com/search?q=best+CRM+for+startups';
    const doc = fixtureDocument('old-search-2026-synthetic-text.html', url);
    expect(detectPage(doc, url)).toEqual({ layout: 'old', kind: 'search' });
    const r = parsePage(doc, url, SEEN);
    expect(r.posts).toHaveLength(22);
    everyRecordValid(r);
    expect(post(r, 't3_a000023')).toMatchObject({
      subreddit: 'IndianSideHustle', author: 'redditor_0019', flair: 'Hiring', comments: 1, score: null, scoreHidden: true,
      createdAt: Date.parse('2026-07-31T08:04:27Z'),
    });
    expect(post(r, 't3_a000018')).toMatchObject({ subreddit: 'u_redditor_0008' });
    expect(r.posts.filter((p) => p.score != null)).toHaveLength(8);
  });

  test('old-layout comments page on www.reddit.com: the post and all 197 comments, scores from the tagline', () => {
    const url = 'https://www.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/';
    const doc = fixtureDocument('old-comments-r-aww-2018.html', url);
    expect(detectPage(doc, url)).toEqual({ layout: 'old', kind: 'post' });
    const r = parsePage(doc, url, SEEN);
    expect(r.posts).toHaveLength(1);
    expect(r.comments).toHaveLength(197);
    everyRecordValid(r);
    expect(r.posts[0]).toMatchObject({
      id: 't3_8dyrb3', subreddit: 'aww', author: 'Brookefemale', score: 21427, comments: 198, createdAt: 1524346111000,
      url: 'https://i.redd.it/0ex9rus0ybt01.jpg', title: 'Ben is very proud of himself for learning to go on walks',
    });
    const byId = new Map(r.comments.map((c) => [c.id, c]));
    expect(byId.get('t1_dxr0evr')).toMatchObject({ parentId: null, depth: 0, score: 690, author: 'Brookefemale', createdAt: Date.parse('2018-04-21T21:36:45Z') });
    expect(byId.get('t1_dxr0evr')!.body).toBe('Bonus pics of Ben on a walk/ chillin like a cool kid.\n\nEdit: Bonus Bonus');
    expect(byId.get('t1_dxr2q90')).toMatchObject({ parentId: 't1_dxr0evr', depth: 1, score: 192, createdAt: Date.parse('2018-04-21T22:23:05Z') });
    expect(r.comments.every((c) => c.postId === 't3_8dyrb3')).toBe(true);
  });

  test('JSON API listings: seconds become milliseconds', () => {
    const front = parseJsonListing(JSON.parse(fixtureText('json-listing-frontpage-2018.json')), SEEN);
    expect(front.posts).toHaveLength(25);
    expect(new Set(front.posts.map((p) => p.subreddit)).size).toBe(25);
    everyRecordValid(front);
    expect(front.posts[0]).toMatchObject({ id: 't3_7xnroa', subreddit: 'movies', score: 33130, comments: 2456, createdAt: 1518665708000 });
    const aita = parseJsonListing(JSON.parse(fixtureText('json-listing-r-amitheasshole-2024.json')), SEEN);
    expect(aita.posts).toHaveLength(26);
    expect(aita.posts[0]).toMatchObject({ id: 't3_1b3o6vo', stickied: true, flair: 'Open Forum', score: 133, comments: 163 });
    expect(aita.posts.filter((p) => p.stickied)).toHaveLength(1);
  });
});
