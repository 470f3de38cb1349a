import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Dexie from 'dexie';
import { RadarDB } from '@/lib/db/schema';
import { ingest } from '@/lib/db/posts';
import { computeReport, storeLatest } from '@/lib/db/reports';
import { readTrustedLatest } from '@/lib/db/first-read';
import { LATEST_TRUSTED_MS } from '@/lib/db/latest';
import { updateSettings } from '@/lib/settings/storage';
import { HOUR } from '@/lib/rank/rank';
import { capturedPost } from '../support/records';

// Now: a batch stamps the store with the real time, and a report must be newer than that.
const T = Date.now() + 60_000;
const settings = { tracked: ['LocalLLaMA'], all: false, hideMemes: false };
let n = 0;
let name: string;
let db: RadarDB;
beforeEach(async () => {
  fakeBrowser.reset();
  name = `test-first-read-${++n}`;
  db = new RadarDB(name);
  await db.open();
  await updateSettings({ tracked: ['LocalLLaMA'], trackAll: false, hideMemes: false });
});

async function stored() {
  await ingest(db, [capturedPost({ id: 't3_a', comments: 20, createdAt: T - HOUR, seenAt: T - HOUR })]);
  const report = await computeReport(db, T, settings);
  await storeLatest(db, report, settings, T);
  return report;
}

test('the stored report is read with plain IndexedDB when the popup may trust it', async () => {
  const report = await stored();
  expect(report.today.map((r) => r.id)).toEqual(['t3_a']);
  expect(await readTrustedLatest(T + 60_000, name)).toEqual(report);
});

test('not trusted: a newer capture, other settings, or half an hour old', async () => {
  await stored();
  expect(await readTrustedLatest(T + LATEST_TRUSTED_MS, name)).toBeUndefined();
  await updateSettings({ trackAll: true });
  expect(await readTrustedLatest(T + 60_000, name)).toBeUndefined();
  await updateSettings({ trackAll: false });
  await ingest(db, [capturedPost({ id: 't3_b', createdAt: T, seenAt: T + 1 })]);
  expect(await readTrustedLatest(T + 60_000, name)).toBeUndefined();
});

test('no database yet: nothing read, and none created (Dexie creates it)', async () => {
  expect(await readTrustedLatest(T, 'test-first-read-missing')).toBeUndefined();
  expect(await Dexie.exists('test-first-read-missing')).toBe(false);
});
