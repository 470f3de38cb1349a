// @vitest-environment jsdom
/**
 * The page watcher on a live DOM: posts appended as the user scrolls, posts removed (virtualization),
 * lazy comments, client-side navigation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, test } from 'vitest';
import { OBSERVE_OPTIONS, PageWatcher } from '@/lib/capture/observe';
import type { CapturedComment, CapturedPost } from '@/lib/capture/types';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test/fixtures', name));
const feed = fixture('new-feed.html').toString('utf8');
const postPage = fixture('new-post.html').toString('utf8');
const oldListing = fixture('old-listing.html').toString('latin1');

let posts: CapturedPost[];
let comments: CapturedComment[];
let watcher: PageWatcher;
let observer: MutationObserver;

function load(html: string, path: string) {
  history.replaceState(null, '', path);
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  observer?.disconnect();
  posts = [];
  comments = [];
  load(feed, '/r/LocalLLaMA/');
  watcher = new PageWatcher({
    doc: document,
    url: () => location.href,
    now: () => 1_766_400_000_000,
    onRecords: (p, c) => {
      posts.push(...p);
      comments.push(...c);
    },
  });
  observer = new MutationObserver((r) => watcher.handleMutations(r));
  observer.observe(document.documentElement, OBSERVE_OPTIONS);
});

afterAll(() => observer.disconnect());

function appendBatch(ids: string[]) {
  const batch = document.createElement('faceplate-batch');
  for (const id of ids) {
    const el = document.createElement('shreddit-post');
    const attrs: Record<string, string> = {
      id, permalink: `/r/LocalLLaMA/comments/${id.slice(3)}/s/`, 'post-title': `Title ${id}`, score: '3', 'comment-count': '1',
      'created-timestamp': '2025-12-21T10:00:00.000000+0000', author: 'zed', 'subreddit-name': 'LocalLLaMA',
    };
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    const article = document.createElement('article');
    article.append(el);
    batch.append(article);
  }
  document.querySelector('shreddit-feed')!.append(batch);
}

test('reads the page, then each post as it is appended; an unchanged post is not sent twice', async () => {
  watcher.scan();
  expect(posts.map((p) => p.id)).toEqual(['t3_aaa111', 't3_bbb222']);
  appendBatch(['t3_new1', 't3_new2']);
  await flush();
  expect(posts.map((p) => p.id)).toEqual(['t3_aaa111', 't3_bbb222', 't3_new1', 't3_new2']);
  // Reddit virtualizes: old posts leave the DOM, come back unchanged.
  const first = document.querySelector('article')!;
  const clone = first.cloneNode(true);
  first.remove();
  document.querySelector('faceplate-batch')!.append(clone);
  await flush();
  expect(posts).toHaveLength(4);
  // The same post rendered again with a new score is news.
  appendBatch(['t3_new1', 't3_new2']);
  const again = document.querySelectorAll('shreddit-post[id="t3_new2"]');
  expect(again).toHaveLength(2);
  document.querySelectorAll('faceplate-batch:last-of-type shreddit-post').forEach((el) => el.remove());
  await flush();
  const fresh = document.createElement('faceplate-batch');
  fresh.innerHTML = document.querySelector('faceplate-batch:nth-of-type(2)')!.innerHTML.replace('score="3"', 'score="40"');
  document.querySelector('shreddit-feed')!.append(fresh);
  await flush();
  expect(posts.slice(4).map((p) => [p.id, p.score])).toEqual([['t3_new1', 40]]);
  expect(watcher.totals.ads).toBe(1);
  expect(watcher.totals.skipped).toBe(1);
});

test('lazy comments are captured when they arrive', async () => {
  load(postPage, '/r/MachineLearning/comments/ddd444/r_eggroll/');
  watcher.navigated();
  expect(comments.map((c) => c.id)).toEqual(['t1_c1', 't1_c2', 't1_c3']);
  const c = document.createElement('shreddit-comment');
  for (const [k, v] of Object.entries({ thingid: 't1_late', author: 'x', depth: '0', postid: 't3_ddd444', score: '1', created: '2025-12-21T18:00:00Z' })) c.setAttribute(k, v);
  document.querySelector('shreddit-comment-tree')!.append(c);
  await flush();
  expect(comments.map((c) => c.id)).toEqual(['t1_c1', 't1_c2', 't1_c3', 't1_late']);
});

test('client-side navigation: the app shell changes route and a new page is read', async () => {
  watcher.scan();
  // Reddit swaps the routable page and updates shreddit-app's attributes without a reload.
  history.pushState(null, '', '/login/');
  const app = document.querySelector('shreddit-app')!;
  app.innerHTML = '<p>Log in</p>';
  app.setAttribute('pagetype', 'login');
  await flush();
  expect(watcher.page.kind).toBe('none');
  history.pushState(null, '', '/r/datascience/');
  load(oldListing, '/r/datascience/');
  await flush();
  expect(watcher.page).toEqual({ layout: 'old', kind: 'listing' });
  expect(posts.map((p) => p.id)).toEqual(['t3_aaa111', 't3_bbb222', 't3_eee555', 't3_fff666']);
});
