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

test('a stored report a minute or less behind the newest capture is shown (the background re-ranks meanwhile); older, or before the last change, it is not', async () => {
  const { isTrusted, REPORT_VERSION, CAPTURE_GRACE_MS } = await import('@/lib/db/latest');
  const row = { version: REPORT_VERSION, settingsKey: 'k', computedAt: 1_000_000 };
  const now = 1_000_000 + 5 * 60_000;
  expect(CAPTURE_GRACE_MS).toBe(60_000);
  expect(isTrusted(row, 'k', 1_000_000 + 60_000, 0, now)).toBe(true);
  expect(isTrusted(row, 'k', 1_000_000 + 60_001, 0, now)).toBe(false);
  expect(isTrusted(row, 'k', 0, 1_000_001, now)).toBe(false);
  expect(isTrusted(row, 'other', 0, 0, now)).toBe(false);
});

test('re-ranks come 2 s after the last change, and at least every 15 s while changes keep coming', async () => {
  const { rerankDelay } = await import('@/lib/background/schedule');
  // Waiting since t = 0: a change at 1 s waits 2 s; at 14 s, 1 s (the 15 s are up then); after, at once.
  expect([rerankDelay(1_000, 0), rerankDelay(14_000, 0), rerankDelay(16_000, 0)]).toEqual([2_000, 1_000, 0]);
});
