/** Hand-made pages in test/fixtures/, so a plain clone tests every parser and edge case. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeHtml, htmlDocument } from '../support/fixtures';
import { parsePage } from '@/lib/capture/parse-page';
import { detectPage } from '@/lib/capture/page-type';
import { postIdFromUrl } from '@/lib/reddit/urls';
import { parseJsonListing } from '@/lib/capture/parsers/json-listing';

const SEEN = Date.UTC(2025, 11, 22);
const local = (name: string, url: string) => htmlDocument(decodeHtml(readFileSync(new URL(`../fixtures/${name}`, import.meta.url))), url);

describe('new Reddit feed', () => {
  const url = 'https://www.reddit.com/r/LocalLLaMA/';
  const r = parsePage(local('new-feed.html', url), url, SEEN);

  test('reads attributes, decodes entities, keeps flags, skips ads and unreadable posts', () => {
    expect(r.posts.map((p) => p.id)).toEqual(['t3_aaa111', 't3_bbb222']);
    expect(r.ads).toBe(1);
    expect(r.skipped).toBe(1); // score="14.6k" is not an exact number: never guessed
    expect(r.posts[0]).toEqual({
      id: 't3_aaa111',
      subreddit: 'LocalLLaMA',
      title: 'llama.cpp appreciation post & "thanks"',
      author: 'alice',
      permalink: '/r/LocalLLaMA/comments/aaa111/llamacpp_appreciation_post/',
      url: 'https://www.reddit.com/r/LocalLLaMA/comments/aaa111/llamacpp_appreciation_post/',
      flair: 'Question | Help',
      createdAt: Date.UTC(2025, 11, 21, 17, 28),
      score: 1310,
      scoreHidden: false,
      comments: 142,
      body: null, // a feed shows a preview, not the whole body
      postType: 'image',
      domain: 'i.redd.it',
      nsfw: true,
      spoiler: true,
      stickied: true,
      locked: true,
      crosspost: false,
      crosspostParent: null,
      layout: 'new',
      seenAt: SEEN,
    });
    // A crosspost keeps its original post's id (stories group on it).
    expect(r.posts[1]).toMatchObject({ crosspost: true, crosspostParent: 't3_ccc333', url: 'https://www.reddit.com/r/MachineLearning/comments/ccc333/original/', flair: null, nsfw: false });
  });
});

describe('new Reddit post page', () => {
  const url = 'https://www.reddit.com/r/MachineLearning/comments/ddd444/r_eggroll/';
  const r = parsePage(local('new-post.html', url), url, SEEN);
  test('body as paragraphs, comments with depth, parent and negative scores; deleted has no score', () => {
    expect(r.posts[0]!.body).toBe('First paragraph.\n\n- one\n\n- two\n\nLast bold words.');
    expect(r.comments).toEqual([
      { id: 't1_c1', postId: 't3_ddd444', parentId: null, author: 'dave', score: 12, depth: 0, createdAt: Date.UTC(2025, 11, 21, 16), body: 'Top comment.', deleted: false, seenAt: SEEN },
      { id: 't1_c2', postId: 't3_ddd444', parentId: 't1_c1', author: 'erin', score: -2, depth: 1, createdAt: Date.UTC(2025, 11, 21, 16, 30), body: 'A reply.', deleted: false, seenAt: SEEN },
      { id: 't1_c3', postId: 't3_ddd444', parentId: null, author: null, score: null, depth: 0, createdAt: Date.UTC(2025, 11, 21, 17), body: null, deleted: true, seenAt: SEEN },
    ]);
  });
});

describe('old Reddit', () => {
  test('listing from a windows-1252 page: exact data-score over "14.6k", hidden "•" kept, flagged, its score unknown, ad skipped', () => {
    const url = 'https://old.reddit.com/r/datascience/';
    const r = parsePage(local('old-listing.html', url), url, SEEN);
    expect(r.ads).toBe(1);
    expect(r.posts.map((p) => [p.id, p.score, p.scoreHidden, p.stickied])).toEqual([
      ['t3_eee555', 14558, false, true],
      ['t3_fff666', null, true, false],
    ]);
    expect(r.posts[0]).toMatchObject({ title: 'Weekly thread – café edition', flair: 'Discussion', createdAt: 1766340000000, comments: 40 });
    expect(r.posts[1]).toMatchObject({ url: 'https://example.com/article', flair: null });
  });

  test('comments page: body, comment tree, scores only from the tagline', () => {
    const url = 'https://old.reddit.com/r/Rag/comments/hhh888/rag_that_works/';
    const doc = local('old-comments.html', url);
    expect(detectPage(doc, url)).toEqual({ layout: 'old', kind: 'post' });
    const r = parsePage(doc, url, SEEN);
    expect(r.posts[0]).toMatchObject({ id: 't3_hhh888', body: 'Body line one.\n\nBody line two.', score: 73 });
    expect(r.comments.map((c) => [c.id, c.parentId, c.depth, c.score, c.author, c.body])).toEqual([
      ['t1_k1', null, 0, 5, 'ivan', 'Parent text.'],
      ['t1_k2', 't1_k1', 1, 1, 'judy', 'Child text.'],
    ]);
  });
});

describe('page type', () => {
  test.each([
    ['<shreddit-app routename="frontpage" pagetype="home"></shreddit-app>', 'https://www.reddit.com/', { layout: 'new', kind: 'listing' }],
    ['<shreddit-app routename="custom_feed" pagetype="custom_feed"></shreddit-app>', 'https://www.reddit.com/user/x/m/ai/', { layout: 'new', kind: 'listing' }],
    ['<shreddit-app routename="login-standalone" pagetype="login"></shreddit-app>', 'https://www.reddit.com/login/', { layout: 'new', kind: 'none', reason: 'Reddit login page' }],
    ['<p>Your user agent has been identified as a social crawler</p>', 'https://www.reddit.com/r/x/', { layout: 'unknown', kind: 'none', reason: 'no Reddit posts on this page' }],
    ['<article><h1>Some future layout</h1></article>', 'https://www.reddit.com/r/x/comments/abc12/t/', { layout: 'unknown', kind: 'post' }],
    ['<div id="siteTable"></div>', 'https://www.reddit.com/r/x/', { layout: 'old', kind: 'listing' }],
  ])('%s at %s', (html, url, expected) => {
    expect(detectPage(htmlDocument(`<!doctype html><body>${html}</body>`, url), url)).toEqual(expected);
  });

  test('post id from a URL', () => {
    expect(postIdFromUrl('https://old.reddit.com/r/aww/comments/8dyrb3/ben/')).toBe('t3_8dyrb3');
    expect(postIdFromUrl('https://www.reddit.com/r/aww/')).toBeNull();
  });
});

describe('JSON API', () => {
  test('a post page `.json`: post and nested comments', () => {
    const listing = (children: unknown[]) => ({ kind: 'Listing', data: { children } });
    const r = parseJsonListing(
      [
        listing([{ kind: 't3', data: { name: 't3_j1', subreddit: 'Rag', title: 'T', author: 'a', permalink: '/r/Rag/comments/j1/t/', url: 'https://x.org/', created_utc: 1766300000.5, score: 4, num_comments: 2, link_flair_text: null, selftext: '' } }]),
        listing([
          { kind: 't1', data: { name: 't1_q1', link_id: 't3_j1', parent_id: 't3_j1', author: 'b', score: 3, body: 'hi', created_utc: 1766300100, depth: 0, replies: listing([{ kind: 't1', data: { name: 't1_q2', link_id: 't3_j1', parent_id: 't1_q1', author: 'c', score: 1, body: 'yo', created_utc: 1766300200, depth: 1, replies: '' } }]) } },
          { kind: 'more', data: { count: 5 } },
        ]),
      ],
      SEEN,
    );
    expect(r.posts[0]).toMatchObject({ id: 't3_j1', createdAt: 1766300000500, body: null, flair: null });
    expect(r.comments.map((c) => [c.id, c.parentId, c.depth])).toEqual([['t1_q1', null, 0], ['t1_q2', 't1_q1', 1]]);
  });

  test('anything else is refused with a clear error', () => {
    expect(() => parseJsonListing({ error: 403 }, SEEN)).toThrow('not a Reddit JSON listing');
  });
});

describe('pages that hold no post store nothing, whatever their URL', async () => {
  const { readFileSync } = await import('node:fs');
  const { htmlDocument } = await import('../support/fixtures');
  const { parsePage } = await import('@/lib/capture/parse-page');
  const { showsPost } = await import('@/lib/capture/fallback');
  const page = (file: string, url: string) => htmlDocument(readFileSync(`test/fixtures/${file}`, 'utf8'), url);

  test("an error page at a post's URL: nothing parsed, and the Readability fallback hands no text over", async () => {
    const { blockedPage } = await import('@/lib/capture/blocked');
    const { readabilityArticle } = await import('@/lib/capture/parsers/readability-body');
    const url = 'https://www.reddit.com/r/MachineLearning/comments/1ufdzsr/optimising_lmapf_guidance_graphs_using/';
    const doc = page('error-at-post-url.html', url);
    expect(parsePage(doc, url, Date.UTC(2026, 0, 1))).toEqual({ posts: [], comments: [], skipped: 0, ads: 0 });
    expect(blockedPage(doc, new URL(url).pathname)).toBe('Reddit error page (page not found)');
    expect(readabilityArticle(doc)).toEqual({ body: null, titles: [], blocked: 'Reddit error page (page not found)' });
  });

  test("old Reddit's login wall is recognised", () => {
    const url = 'https://old.reddit.com/r/Python/';
    expect(detectPage(page('old-login-wall.html', url), url)).toEqual({ layout: 'unknown', kind: 'none', reason: 'Reddit login page' });
  });

  test("the fallback's text is kept only from a page that shows the post's title", () => {
    const stored = 'I shrank a transformer until every number fitted on the screen and made the weights editable [R]';
    expect(showsPost(stored, ['I shrank a transformer : r/MachineLearning', 'I shrank a transformer until every number fitted on the screen'])).toBe(true);
    expect(showsPost(stored, ['Page not found', 'page not found'])).toBe(false);
    expect(showsPost(stored, ['reddit', 'I'])).toBe(false);
  });
});

describe('deleted and removed comments keep their place, and their replies their true parent and depth', async () => {
  const { readFileSync } = await import('node:fs');
  const { htmlDocument } = await import('../support/fixtures');
  const { parsePage } = await import('@/lib/capture/parse-page');
  const parse = (file: string, url: string) => parsePage(htmlDocument(readFileSync(`test/fixtures/${file}`, 'utf8'), url), url, SEEN).comments;
  const tree = (cs: { id: string; parentId: string | null; depth: number; author: string | null; body: string | null; deleted: boolean }[]) =>
    cs.map(({ id, parentId, depth, author, body, deleted }) => ({ id, parentId, depth, author, body, deleted }));

  test('old Reddit: the id from the permalink, author and text null, flagged', () => {
    expect(tree(parse('old-deleted-comments.html', 'https://old.reddit.com/r/aww/comments/del001/a_dog_learned_to_open_doors/'))).toEqual([
      { id: 't1_da1', parentId: null, depth: 0, author: 'pete', body: 'Smart dog.', deleted: false },
      { id: 't1_db2', parentId: 't1_da1', depth: 1, author: null, body: null, deleted: true },
      { id: 't1_dc3', parentId: 't1_db2', depth: 2, author: 'quinn', body: 'What did they say?', deleted: false },
      { id: 't1_dd4', parentId: 't1_dc3', depth: 3, author: 'rosa', body: 'Something about cats.', deleted: false },
    ]);
  });

  test('new Reddit: deleted and removed shreddit-comment', () => {
    expect(tree(parse('new-deleted-comments.html', 'https://www.reddit.com/r/LocalLLaMA/comments/ndl001/benchmarks_for_the_new_8b_model/'))).toEqual([
      { id: 't1_nx1', parentId: null, depth: 0, author: null, body: null, deleted: true },
      { id: 't1_ny2', parentId: 't1_nx1', depth: 1, author: 'tara', body: 'It ran at 40 tokens a second here.', deleted: false },
      { id: 't1_nz3', parentId: 't1_ny2', depth: 2, author: null, body: null, deleted: true },
      { id: 't1_nw4', parentId: 't1_nz3', depth: 3, author: 'umar', body: 'Same on my 3090.', deleted: false },
    ]);
  });
});

test('new Reddit posts with no score attribute are kept, the score unknown and flagged', async () => {
  const { readFileSync } = await import('node:fs');
  const { htmlDocument } = await import('../support/fixtures');
  const url = 'https://www.reddit.com/r/LocalLLaMA/';
  const r = parsePage(htmlDocument(readFileSync('test/fixtures/new-young-posts.html', 'utf8'), url), url, SEEN);
  expect(r.posts.map((p) => [p.id, p.score, p.scoreHidden, p.comments])).toEqual([
    ['t3_yng001', 88, false, 20],
    ['t3_yng002', null, true, 14],
    ['t3_yng003', null, true, 3],
  ]);
});

test('comment trees, nested and flat, give every comment its parent and depth', async () => {
  const { readFileSync } = await import('node:fs');
  const { htmlDocument } = await import('../support/fixtures');
  const url = 'https://www.reddit.com/r/LocalLLaMA/comments/trees1/which_quant_do_you_run/';
  const r = parsePage(htmlDocument(readFileSync('test/fixtures/new-comment-trees.html', 'utf8'), url), url, SEEN);
  expect(r.comments.map((c) => [c.id, c.parentId, c.depth, c.body])).toEqual([
    ['t1_ta1', null, 0, 'Q4_K_M for everything.'],
    ['t1_ta2', 't1_ta1', 1, 'Q5 is worth it for code.'],
    ['t1_tb1', null, 0, 'IQ4_XS on a 12 GB card.'],
    ['t1_tb2', 't1_tb1', 1, 'Same card here.'],
    ['t1_tb3', 't1_tb2', 2, 'Which context length?'],
  ]);
});

test('search results in every variant Reddit serves, with the title, community and author of their telemetry', async () => {
  const { readFileSync } = await import('node:fs');
  const { htmlDocument } = await import('../support/fixtures');
  const url = 'https://www.reddit.com/search/?q=quantization';
  const doc = htmlDocument(readFileSync('test/fixtures/new-search-variants.html', 'utf8'), url);
  expect(detectPage(doc, url)).toEqual({ layout: 'new', kind: 'search' });
  const r = parsePage(doc, url, SEEN);
  expect(r.posts.map((p) => [p.id, p.subreddit, p.title, p.author, p.score, p.comments])).toEqual([
    ['t3_srv001', 'LocalLLaMA', 'Quantization formats compared', null, 210, 45],
    // The visible title is machine-translated; the telemetry's is the original.
    ['t3_srv002', 'LocalLLM', 'GGUF vs EXL2 on one card', 'finn', 88, 12],
    ['t3_srv003', 'MachineLearning', 'AWQ is still underrated', 'gwen', 5, 0],
  ]);
});

describe('new Reddit without its app shell (issue 22, item 9)', () => {
  const doc = (body: string, url: string) => htmlDocument(`<html><body>${body}</body></html>`, url);
  const post = '<shreddit-post id="t3_abc" permalink="/r/loginhelp/comments/abc/x/" post-title="x" subreddit-name="loginhelp" created-timestamp="2025-12-21T10:00:00Z" score="3" comment-count="1"></shreddit-post>';
  test('the kind comes from the address; a community named like a login page is still a community', () => {
    expect(detectPage(doc(post, 'https://www.reddit.com/r/loginhelp/'), 'https://www.reddit.com/r/loginhelp/')).toEqual({ layout: 'new', kind: 'listing', assumed: true });
    expect(detectPage(doc(post, 'https://www.reddit.com/r/loginhelp/comments/abc/x/'), 'https://www.reddit.com/r/loginhelp/comments/abc/x/')).toEqual({ layout: 'new', kind: 'post', assumed: true });
    expect(detectPage(doc(post, 'https://www.reddit.com/login/'), 'https://www.reddit.com/login/')).toEqual({ layout: 'new', kind: 'none', reason: 'Reddit login page' });
    expect(detectPage(doc('<p>Nothing</p>', 'https://www.reddit.com/r/x/'), 'https://www.reddit.com/r/x/')).toEqual({ layout: 'unknown', kind: 'none', reason: 'no Reddit posts on this page' });
  });
});
