// @vitest-environment jsdom
/**
 * Fuzzing the capture with real markup: posts and comments taken from the fixture pages, mutated
 * thousands of times (attributes removed or renamed, garbage numbers and dates, very long titles, nested
 * and repeated posts, random markup). The watcher's handlers never throw, every record they emit passes
 * validation, and what they could not read is counted.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { PageWatcher, OBSERVE_OPTIONS } from '@/lib/capture/observe';
import { CapturedCommentShape, CapturedPostShape, invalidField } from '@/lib/capture/schema';
import { fixturePath, hasFixtures, decodeHtml } from '../support/fixtures';
import type { CapturedComment, CapturedPost } from '@/lib/capture/types';

const run = hasFixtures || !!process.env.CI;

/** A small seeded PRNG (mulberry32): the same run every time, and a failing seed can be replayed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function samples(file: string, selector: string, n: number): string[] {
  const doc = new DOMParser().parseFromString(decodeHtml(readFileSync(fixturePath(file))), 'text/html');
  // Icons, styles and scripts are most of the bytes and none of what capture reads: leave them out.
  doc.querySelectorAll('svg, style, script, img, template, faceplate-tracker > span[avatar]').forEach((e) => e.remove());
  // Whole comment threads are large: fuzz elements of a reasonable size, each parsed again every round.
  return [...doc.querySelectorAll(selector)].map((e) => e.outerHTML).filter((h) => h.length < 12_000).slice(0, n);
}

const GARBAGE = ['', '-1', 'NaN', '1e309', '14.6k', '•', '99999999999999999999', '2026-13-45T99:99:99Z', 'null', '<script>x</script>', '0x1F', ' 12 ', 't3_', 't3_ZZ!!', '\u202E', 'x'.repeat(5000)];

function mutate(html: string, r: () => number): string {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  const root = doc.getElementById('root')!;
  const all = [...root.querySelectorAll('*')];
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  for (let k = 0, n = 1 + Math.floor(r() * 6); k < n && all.length; k++) {
    const el = pick(all);
    const attrs = el.getAttributeNames();
    const op = Math.floor(r() * 7);
    if (op === 0 && attrs.length) el.removeAttribute(pick(attrs));
    else if (op === 1 && attrs.length) {
      const a = pick(attrs);
      el.setAttribute(`${a}-x`, el.getAttribute(a) ?? '');
      el.removeAttribute(a);
    } else if (op === 2 && attrs.length) el.setAttribute(pick(attrs), pick(GARBAGE));
    else if (op === 3) el.setAttribute('post-title', 'T'.repeat(3000 + Math.floor(r() * 5000)));
    // Nested and repeated copies, of elements small enough that copies do not compound without bound.
    else if (op === 4 && el.getElementsByTagName('*').length < 150) el.append(el.cloneNode(true));
    else if (op === 5 && el.getElementsByTagName('*').length < 150) el.insertAdjacentHTML('afterend', el.outerHTML);
    else el.insertAdjacentHTML('beforeend', pick(['<div><p>', '</span></div>', '<shreddit-post>', '<div class="thing">', '<!-- x', '<svg><foreignObject><p>']));
  }
  return root.innerHTML;
}

test.runIf(run)('2,000 mutated pages: handlers never throw, nothing invalid is emitted, skips are counted', async () => {
  const newPosts = samples('new-listing-r-machinelearning-2026.html', 'article', 12);
  const comments = samples('new-post-r-artificial-2026-with-comments.html', 'shreddit-comment[depth="0"]', 4);
  const oldThings = samples('old-listing-r-python-2024.html', 'div.thing', 8);
  const oldComments = samples('old-comments-r-aww-2018.html', 'div.thing.comment', 4);
  const search = samples('new-search-ggal-es-mx-2025.html', '[data-testid="search-sdui-post"]', 6);
  const pages: [string, string, string[]][] = [
    ['<shreddit-app routename="subreddit" pagetype="community"><shreddit-feed></shreddit-feed></shreddit-app>', '/r/MachineLearning/', newPosts],
    ['<shreddit-app routename="post_page" pagetype="post_detail"><shreddit-comment-tree></shreddit-comment-tree></shreddit-app>', '/r/artificial/comments/1un6v9c/x/', comments],
    ['<div id="siteTable"></div>', '/r/Python/', oldThings],
    ['<div id="siteTable"></div><div class="commentarea"><div class="sitetable"></div></div>', '/r/aww/comments/8dyrb3/x/', oldComments],
    ['<shreddit-app routename="global_serp" pagetype="search_results"><div id="results"></div></shreddit-app>', '/search/?q=x', search],
  ];
  const r = rng(20261123);
  let emittedPosts = 0;
  let emittedComments = 0;
  let skipped = 0;
  const started = Date.now();
  for (let i = 0; i < 2_000; i++) {
    const [shell, path, items] = pages[i % pages.length]!;
    history.replaceState(null, '', path);
    document.body.innerHTML = shell;
    const posts: CapturedPost[] = [];
    const got: CapturedComment[] = [];
    const watcher = new PageWatcher({ doc: document, url: () => location.href, now: () => Date.UTC(2026, 10, 23), onRecords: (p, c) => (posts.push(...p), got.push(...c)) });
    const observer = new MutationObserver((recs) => watcher.handleMutations(recs));
    observer.observe(document.documentElement, OBSERVE_OPTIONS);
    const container = document.querySelector('shreddit-feed, shreddit-comment-tree, #siteTable, .commentarea .sitetable, #results')!;
    // Half arrive with the page, half as later insertions (infinite scroll, lazy comments).
    const chunk = items.slice(0, 1 + Math.floor(r() * items.length)).map((h) => mutate(h, r)).join('');
    if (i % 2) container.insertAdjacentHTML('beforeend', chunk);
    expect(() => watcher.scan(), `seed step ${i}`).not.toThrow();
    if (!(i % 2)) container.insertAdjacentHTML('beforeend', chunk);
    await new Promise((res) => setTimeout(res, 0));
    const pending = observer.takeRecords();
    expect(() => watcher.handleMutations(pending), `seed step ${i}`).not.toThrow();
    observer.disconnect();
    for (const p of posts) expect(invalidField(CapturedPostShape, p), `step ${i}: ${p.id}`).toBeNull();
    for (const c of got) expect(invalidField(CapturedCommentShape, c), `step ${i}: ${c.id}`).toBeNull();
    emittedPosts += posts.length;
    emittedComments += got.length;
    skipped += watcher.totals.skipped;
  }
  // The fuzzer both broke records (counted) and left many readable (captured).
  expect(skipped).toBeGreaterThan(200);
  expect(emittedPosts).toBeGreaterThan(500);
  expect(emittedComments).toBeGreaterThan(50);
  console.log(`fuzz: ${emittedPosts} posts and ${emittedComments} comments captured, ${skipped} skipped, in ${Date.now() - started} ms`);
}, 300_000);
