import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/schema';
import { FIRST_PAINT_KEY, readFirstPaint, type FirstPaint } from '@/lib/storage/first-paint';
import { LATEST_TRUSTED_MS } from '@/lib/db/latest';
import { handleCapture } from '@/lib/background/intake';
import { rerank } from '@/lib/background/schedule';
import { updateSettings } from '@/lib/storage/settings';
import { capturedPost } from '../support/records';

beforeEach(async () => {
  fakeBrowser.reset();
  await getDb().delete();
  await getDb().open();
  await updateSettings({ tracked: ['LocalLLaMA'], trackAll: false });
});

const tab = { id: 7 } as never;
const post = (id: string) => capturedPost({ id, subreddit: 'LocalLLaMA', comments: 20, createdAt: Date.now() - 3_600_000, seenAt: Date.now() - 60_000 });

test("a re-rank leaves today's table for the popup's first paint; a batch that changes the store takes it away", async () => {
  await handleCapture({ batchId: 'batch-fp-1', tabTotal: 1, posts: [post('t3_fpa')], comments: [] }, { tab });
  await rerank();
  const snap = (await readFirstPaint())!;
  expect(snap.today.map((r) => r.id)).toEqual(['t3_fpa']);
  expect(snap.counts).toEqual({ today: 1, rising: 0, weekly: 1, monthly: 1, communities: 1 });
  await handleCapture({ batchId: 'batch-fp-2', tabTotal: 2, posts: [post('t3_fpb')], comments: [] }, { tab });
  expect(await readFirstPaint()).toBeUndefined();
  await rerank();
  expect((await readFirstPaint())!.today.map((r) => r.id).sort()).toEqual(['t3_fpa', 't3_fpb']);
});

test('not painted: other settings, half an hour old, or another shape', async () => {
  await handleCapture({ batchId: 'batch-fp-3', tabTotal: 1, posts: [post('t3_fpc')], comments: [] }, { tab });
  await rerank();
  const snap = (await browser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY] as FirstPaint;
  expect(await readFirstPaint(snap.computedAt + LATEST_TRUSTED_MS - 1)).toBeDefined();
  expect(await readFirstPaint(snap.computedAt + LATEST_TRUSTED_MS)).toBeUndefined();
  await updateSettings({ trackAll: true });
  expect(await readFirstPaint()).toBeUndefined();
  await updateSettings({ trackAll: false });
  expect(await readFirstPaint()).toBeDefined();
  await browser.storage.local.set({ [FIRST_PAINT_KEY]: { ...snap, version: snap.version - 1 } });
  expect(await readFirstPaint()).toBeUndefined();
});
