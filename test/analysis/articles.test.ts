// @vitest-environment jsdom
import { beforeEach, expect, test } from 'vitest';
import { fetchArticle, isArticleUrl } from '@/lib/analysis/articles';
import { RadarDB } from '@/lib/db/schema';
import { ingest } from '@/lib/db/posts';
import { computeInput } from '@/lib/db/analysis-input';
import { fetchArticlesFor } from '@/lib/db/generations';
import { capturedPost } from '../support/records';

const page = (body: string, type = 'text/html') =>
  (async () => new Response(`<html><head><title>T</title></head><body><nav>menu</nav><article>${body}</article><footer>© 2026</footer></body></html>`, { headers: { 'content-type': type } })) as unknown as typeof fetch;
const para = 'The new method trains billion-parameter models with evolution strategies instead of backpropagation, and the authors report matching accuracy. ';

test('which URLs are articles', () => {
  expect(isArticleUrl('https://arxiv.org/abs/2501.00001')).toBe(true);
  expect(isArticleUrl('https://i.redd.it/x.png')).toBe(false);
  expect(isArticleUrl('https://www.reddit.com/r/x/comments/a/b/')).toBe(false);
  expect(isArticleUrl('javascript:alert(1)')).toBe(false);
});

test('an article is reduced to its text; non-HTML and failures give nothing', async () => {
  const text = await fetchArticle('https://example.org/a', page(`<h1>Title</h1><p>${para.repeat(4)}</p>`));
  expect(text).toContain('evolution strategies instead of backpropagation');
  expect(text).not.toContain('menu');
  expect(await fetchArticle('https://example.org/a.json', page('{}', 'application/json'))).toBeNull();
  expect(await fetchArticle('https://example.org/a', (async () => { throw new TypeError('offline'); }) as unknown as typeof fetch)).toBeNull();
});

let db: RadarDB;
let n = 0;
beforeEach(async () => {
  db = new RadarDB(`test-articles-${++n}`);
  await db.open();
});

test('fetched once, kept, and read into the analysis input only when the option is on', async () => {
  const T = Date.UTC(2025, 11, 22, 12);
  await ingest(db, [capturedPost({ id: 't3_link', url: 'https://example.org/paper', createdAt: T - 3_600_000, comments: 50 })]);
  const settings = { tracked: ['LocalLLaMA'], all: false };
  const input = await computeInput(db, T, settings, { articles: true });
  let calls = 0;
  const fetcher = async () => (++calls, `${para}`);
  expect(await fetchArticlesFor(db, input, fetcher, T)).toBe(1);
  expect(await fetchArticlesFor(db, input, fetcher, T)).toBe(0);
  expect(calls).toBe(1);
  expect((await computeInput(db, T, settings, { articles: true })).details.t3_link!.article).toBe(para);
  expect((await computeInput(db, T, settings)).details.t3_link!.article).toBeUndefined();
});
