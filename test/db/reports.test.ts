import { beforeEach, expect, test } from 'vitest';
import Dexie from 'dexie';
import { RadarDB } from '@/lib/db/schema';
import { exportBackup } from '@/lib/db/backup';
import { ingest } from '@/lib/db/posts';
import { computeReport, latestReport, loadRankInput, LATEST, REPORT_VERSION, settingsKey, storeChangedAt, storeLatest } from '@/lib/db/reports';
import { loadSample, removeSample } from '@/lib/db/sample';
import { DAY, HOUR } from '@/lib/rank/rank';
import { capturedComment, capturedPost } from '../support/records';

let db: RadarDB;
let n = 0;
beforeEach(async () => {
  db = new RadarDB(`test-reports-${++n}`);
  await db.open();
});
const T = Date.UTC(2025, 11, 22, 12);
const settings = { tracked: ['LocalLLaMA'], all: false };

test('only the rows in the windows are read', async () => {
  await ingest(db, [
    capturedPost({ id: 't3_new', createdAt: T - HOUR, seenAt: T - HOUR }),
    capturedPost({ id: 't3_month', createdAt: T - 29 * DAY, seenAt: T - 29 * DAY }),
    // Read for the names (counted against the 30 days before the week), in no table.
    capturedPost({ id: 't3_old', createdAt: T - 31 * DAY, seenAt: T - 31 * DAY }),
    capturedPost({ id: 't3_older', createdAt: T - 38 * DAY, seenAt: T - 38 * DAY }),
    capturedPost({ id: 't3_future', createdAt: T + HOUR, seenAt: T + HOUR }),
  ]);
  const input = await loadRankInput(db, T);
  expect(input.posts.map((p) => p.id).sort()).toEqual(['t3_month', 't3_new', 't3_old']);
  expect((await computeReport(db, T, settings)).postsInWindow).toBe(2);
  expect(input.sightings.map((s) => s.postId)).toEqual(['t3_new']);
});

test('a past report uses what was known then: the last sighting before it, even outside 24 h', async () => {
  await ingest(db, [capturedPost({ id: 't3_a', createdAt: T - 3 * DAY, score: 5, comments: 1, seenAt: T - 3 * DAY + HOUR })]);
  await ingest(db, [capturedPost({ id: 't3_a', score: 70, comments: 20, seenAt: T - 2 * DAY })]);
  await ingest(db, [capturedPost({ id: 't3_a', score: 900, comments: 99, seenAt: T + 5 * DAY })]);
  const past = await computeReport(db, T, settings);
  expect(past.weekly.map((r) => [r.id, r.score, r.comments])).toEqual([['t3_a', 70, 20]]);
  const now = await computeReport(db, T + 6 * DAY, settings);
  expect(now.monthly.map((r) => r.score)).toEqual([900]);
});

test('the latest report is stored with the settings it was made for', async () => {
  await ingest(db, [capturedPost({ id: 't3_a', createdAt: T - HOUR, comments: 30 })]);
  const report = await computeReport(db, T, settings);
  await storeLatest(db, report, settings, T, Date.now());
  expect(await db.reports.get(LATEST)).toEqual({ key: LATEST, version: REPORT_VERSION, settingsKey: 'localllama', computedAt: T, report });
  expect(await latestReport(db)).toEqual({ key: LATEST, version: REPORT_VERSION, settingsKey: 'localllama', computedAt: T, report });
  // A report stored by an older version (another shape) is never handed to a page.
  await db.reports.put({ key: LATEST, settingsKey: 'localllama', computedAt: T, report });
  expect(await latestReport(db)).toBeUndefined();
  await db.reports.put({ key: LATEST, version: REPORT_VERSION - 1, settingsKey: 'localllama', computedAt: T, report });
  expect(await latestReport(db)).toBeUndefined();
  expect(settingsKey({ tracked: ['B', 'a'], all: false })).toBe('a,b');
  expect(settingsKey({ tracked: ['B'], all: true })).toBe('*');
});

test('a report read before the store changed (the sample loaded meanwhile) is not stored: pages would trust it', async () => {
  const readAt = Date.now();
  const empty = await computeReport(db, readAt, settings);
  await new Promise((r) => setTimeout(r, 5));
  await loadSample(db, Date.now());
  expect(await storeLatest(db, empty, settings, readAt, readAt)).toBeNull();
  expect(await db.reports.get(LATEST)).toBeUndefined();
  expect(await storeChangedAt(db)).toBeGreaterThan(readAt);
});

test('sample: loaded with its marks, removed in one step, real captures untouched', async () => {
  await ingest(db, [capturedPost({ id: 't3_real', createdAt: T - HOUR })]);
  // A sample post the user had also captured for real stays real.
  await ingest(db, [capturedPost({ id: 't3_1psbx2q', subreddit: 'LocalLLaMA', score: 5, createdAt: T - HOUR })]);
  expect(await loadSample(db, T)).toBe(49);
  expect(await db.posts.where('sample').equals(1).count()).toBe(49);
  expect((await db.posts.get('t3_1psbx2q'))!.sample).toBe(0);
  const report = await computeReport(db, T, { tracked: [], all: true });
  expect(report.hasSample).toBe(true);
  expect(report.today.length).toBe(10);
  expect(report.rising.length).toBeGreaterThan(0);
  expect(await removeSample(db)).toBe(49);
  expect((await db.posts.toArray()).map((p) => p.id).sort()).toEqual(['t3_1psbx2q', 't3_real']);
  expect(await db.sightings.count()).toBe(2);
});

test('a real capture of a sample post takes it over: unmarked, its made-up history gone, kept by Remove sample and in the backup', async () => {
  expect(await loadSample(db, T)).toBe(50);
  const madeUp = await db.sightings.where('[postId+at]').between(['t3_1psbx2q', 0], ['t3_1psbx2q', Infinity]).count();
  expect(madeUp).toBeGreaterThan(0);
  // The user opens that post on Reddit: a real capture, with its real numbers.
  await ingest(db, [capturedPost({ id: 't3_1psbx2q', subreddit: 'LocalLLaMA', score: 1400, comments: 150, createdAt: T - HOUR, seenAt: T + 1 })], [capturedComment({ id: 't1_realc', postId: 't3_1psbx2q', seenAt: T + 1 })]);
  const row = (await db.posts.get('t3_1psbx2q'))!;
  expect(row).toMatchObject({ sample: 0, score: 1400, comments: 150, firstSeenAt: T + 1, lastSeenAt: T + 1 });
  expect((await db.sightings.where('[postId+at]').between(['t3_1psbx2q', 0], ['t3_1psbx2q', Infinity]).toArray()).map((s) => [s.at, s.score])).toEqual([[T + 1, 1400]]);
  expect((await db.stats.get('stats'))!.stats.samplePosts).toBe(49);
  expect((await exportBackup(db, T + 2)).posts.map((p) => p.id)).toEqual(['t3_1psbx2q']);
  expect(await removeSample(db)).toBe(49);
  expect(await db.posts.get('t3_1psbx2q')).toBeDefined();
  expect(await db.comments.get('t1_realc')).toBeDefined();
});

test('schema upgrade: a database made by version 1 opens in the current one with all its data', async () => {
  const name = `test-upgrade-${n}`;
  const v1 = new Dexie(name);
  v1.version(1).stores({
    posts: 'id, createdAt, [subreddit+createdAt], subreddit, lastSeenAt, sample',
    sightings: '[postId+at], at',
    comments: 'id, postId',
  });
  await v1.open();
  await v1.table('posts').put({ id: 't3_v1', subreddit: 'Rag', createdAt: T, lastSeenAt: T, sample: 0, title: 'old' });
  await v1.table('sightings').put({ postId: 't3_v1', at: T, score: 1, comments: 0 });
  await v1.table('comments').put({ id: 't1_v1', postId: 't3_v1', body: 'kept' });
  v1.close();
  const current = new RadarDB(name);
  await current.open();
  expect(current.verno).toBe(5);
  expect(await current.posts.get('t3_v1')).toMatchObject({ title: 'old' });
  expect(await current.sightings.count()).toBe(1);
  expect(await current.comments.get('t1_v1')).toMatchObject({ body: 'kept' });
  expect(await current.reports.count()).toBe(0);
  expect(await current.generations.count()).toBe(0);
  expect(await current.names.count()).toBe(0);
});
