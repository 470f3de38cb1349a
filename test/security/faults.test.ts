/** Faults: the disk full, the database closed underneath, ranking interrupted. Nothing lost, nothing counted twice. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { CAPTURE_STATUS_KEY } from '@/lib/messaging';
import { handleCapture, STORAGE_FULL } from '@/lib/background/intake';
import { rerank } from '@/lib/background/schedule';
import { getDb } from '@/lib/db/schema';
import * as reports from '@/lib/db/reports';
import { capturedComment, capturedPost } from '../support/records';

const tab = { id: 3 } as never;
const quota = () => Object.assign(new Error('QuotaExceededError: the quota has been exceeded'), { name: 'QuotaExceededError' });
let n = 0;
const batch = (posts: unknown[], comments: unknown[] = []) => ({ batchId: `batch-${String(++n).padStart(4, '0')}`, tabTotal: posts.length, posts, comments });

beforeEach(async () => {
  fakeBrowser.reset();
  await getDb().delete();
  await getDb().open();
});
afterEach(() => vi.restoreAllMocks());

test('disk full mid-write: nothing half-written, a clear message, capture paused; the retry stores it once', async () => {
  const b = batch([capturedPost({ id: 't3_q1' }), capturedPost({ id: 't3_q2' })], [capturedComment({ id: 't1_q', postId: 't3_q1' })]);
  // The last write of the transaction fails, after the posts and sightings were put.
  const spy = vi.spyOn(getDb().comments, 'bulkPut').mockRejectedValueOnce(quota());
  const ack = await handleCapture(b, { tab });
  expect(ack).toEqual({ ok: false, stored: 0, comments: 0, rejected: 0, error: STORAGE_FULL });
  expect([await getDb().posts.count(), await getDb().sightings.count(), await getDb().comments.count()]).toEqual([0, 0, 0]);
  expect((await browser.storage.local.get(CAPTURE_STATUS_KEY))[CAPTURE_STATUS_KEY]).toMatchObject({ state: 'storage-full', message: STORAGE_FULL });
  spy.mockRestore();
  // The content script sends the same batch again: stored once, and capture resumes.
  expect(await handleCapture(b, { tab })).toMatchObject({ ok: true, stored: 2, comments: 1 });
  expect([await getDb().posts.count(), await getDb().sightings.count(), await getDb().comments.count()]).toEqual([2, 2, 1]);
  expect((await browser.storage.local.get(CAPTURE_STATUS_KEY))[CAPTURE_STATUS_KEY]).toBeUndefined();
});

test('the database closed underneath: reopened, the batch stored', async () => {
  getDb().close();
  expect(await handleCapture(batch([capturedPost({ id: 't3_c1' })]), { tab })).toMatchObject({ ok: true, stored: 1 });
  expect(await getDb().posts.get('t3_c1')).toBeDefined();
});

test('ranking interrupted (the worker stopped mid-way): the last stored report stays whole', async () => {
  await rerank(Date.UTC(2025, 11, 22));
  const before = await getDb().reports.get('latest');
  expect(before).toBeDefined();
  vi.spyOn(reports, 'storeLatest').mockRejectedValueOnce(new Error('worker stopped'));
  await expect(rerank(Date.UTC(2025, 11, 23))).rejects.toThrow('worker stopped');
  expect(await getDb().reports.get('latest')).toEqual(before);
});
