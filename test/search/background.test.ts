import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/schema';
import { handleCapture } from '@/lib/background/intake';
import { dropIndex, ensureIndex, runSearch } from '@/lib/background/search';
import { SEARCH_STATUS_KEY } from '@/lib/search/types';
import { capturedComment, capturedPost } from '../support/records';

beforeEach(async () => {
  fakeBrowser.reset();
  dropIndex();
  await getDb().delete();
  await getDb().open();
});
const tab = { id: 3 } as never;
const settle = () => new Promise((r) => setTimeout(r, 20));

test('search finds a post by a word of its body and a comment by a word of its text; the index follows capture', async () => {
  await handleCapture({ batchId: 'batch-s-1', tabTotal: 1, posts: [capturedPost({ id: 't3_s1', title: 'Which quant do you run?', body: 'I run the Q4_K_M of a mixture-of-experts model.' })], comments: [] }, { tab });
  const first = await runSearch(getDb(), { query: 'mixture' });
  expect(first.ok && first.hits.map((h) => [h.id, h.kind, h.title])).toEqual([['t3_s1', 'post', 'Which quant do you run?']]);
  expect((await browser.storage.local.get(SEARCH_STATUS_KEY))[SEARCH_STATUS_KEY]).toMatchObject({ state: 'ready', docs: 1 });
  // Built now: a later batch goes into the index as it is stored.
  await handleCapture(
    { batchId: 'batch-s-2', tabTotal: 2, posts: [], comments: [capturedComment({ id: 't1_s2', postId: 't3_s1', body: 'Speculative decoding doubled my tokens per second.' })] },
    { tab },
  );
  await settle();
  const second = await runSearch(getDb(), { query: '"speculative decoding"' });
  expect(second.ok && second.hits.map((h) => [h.id, h.kind, h.title, h.snippet.filter((p) => p.hit).map((p) => p.text)])).toEqual([
    ['t1_s2', 'comment', 'Which quant do you run?', ['Speculative', 'decoding']],
  ]);
  const postsOnly = await runSearch(getDb(), { query: 'speculative', filters: { comments: false } });
  expect(postsOnly.ok && postsOnly.hits).toEqual([]);
});

test('a bad query answers with a message; a dropped index is rebuilt at the next search', async () => {
  expect(await runSearch(getDb(), { query: '((((' })).toEqual({ ok: false, error: 'Type a word or a "phrase" to search for.' });
  await handleCapture({ batchId: 'batch-s-3', tabTotal: 1, posts: [capturedPost({ id: 't3_s3', title: 'EGGROLL trains without backprop' })], comments: [] }, { tab });
  expect((await ensureIndex(getDb())).documentCount).toBe(1);
  await getDb().posts.delete('t3_s3');
  dropIndex();
  const answer = await runSearch(getDb(), { query: 'eggroll' });
  expect(answer.ok && answer.hits).toEqual([]);
});
