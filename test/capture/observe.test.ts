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

test('one element that throws is one skipped element: the 20 posts of the same change are sent', async () => {
  const { htmlDocument } = await import('../support/fixtures');
  const { PageWatcher } = await import('@/lib/capture/observe');
  const doc = htmlDocument('<shreddit-app pagetype="community" routename="subreddit"><shreddit-feed></shreddit-feed></shreddit-app>', 'https://www.reddit.com/r/LocalLLaMA/');
  const sent: string[] = [];
  const watcher = new PageWatcher({ doc, url: () => doc.URL, now: () => Date.UTC(2026, 0, 1), onRecords: (posts) => sent.push(...posts.map((p) => p.id)) });
  const feed = doc.querySelector('shreddit-feed')!;
  const added: Element[] = [];
  for (let i = 0; i < 21; i++) {
    const post = doc.createElement('shreddit-post');
    const id = `ok${String(i).padStart(2, '0')}`;
    for (const [k, v] of Object.entries({ id: `t3_${id}`, 'subreddit-name': 'LocalLLaMA', permalink: `/r/LocalLLaMA/comments/${id}/x/`, 'post-title': `Post ${i}`, 'created-timestamp': '2025-12-31T12:00:00.000Z', score: '10', 'comment-count': '2' }))
      post.setAttribute(k, v);
    // The first one breaks its parser (as a body nested 10,000 deep overflowed the stack in Chrome).
    if (i === 0) {
      const read = post.getAttribute.bind(post);
      Object.defineProperty(post, 'getAttribute', {
        value: (name: string) => {
          if (name === 'score') throw new RangeError('Maximum call stack size exceeded');
          return read(name);
        },
      });
    }
    feed.append(post);
    added.push(post);
  }
  watcher.handleMutations([{ type: 'childList', target: feed, addedNodes: added as unknown as NodeList, removedNodes: [] as unknown as NodeList } as unknown as MutationRecord]);
  expect(sent).toHaveLength(20);
  expect(sent).not.toContain('t3_ok00');
  expect(watcher.totals.skipped).toBe(1);
});

test('blockText reads a body nested 100,000 elements deep without recursion', async () => {
  const { blockText } = await import('@/lib/capture/dom');
  // A minimal node tree (jsdom itself recurses on trees this deep): elements and one text node.
  type N = { nodeType: number; tagName?: string; textContent?: string; childNodes: N[] };
  const root: N = { nodeType: 1, tagName: 'DIV', childNodes: [] };
  let inner = root;
  for (let d = 0; d < 100_000; d++) {
    const next: N = { nodeType: 1, tagName: d % 2 ? 'SPAN' : 'P', childNodes: [] };
    inner.childNodes.push(next);
    inner = next;
  }
  inner.childNodes.push({ nodeType: 3, textContent: 'Deep down.', childNodes: [] });
  expect(blockText(root as unknown as Element)).toBe('Deep down.');
});
