import { beforeEach, expect, test } from 'vitest';
import { RadarDB } from '@/lib/db/schema';
import { ingest } from '@/lib/db/posts';
import { applyRetention, deleteEverything } from '@/lib/db/retention';
import { DAY } from '@/lib/rank/tables';
import { loadSample } from '@/lib/db/sample';
import { capturedPost, capturedComment } from '../support/records';

let db: RadarDB;
let n = 0;
beforeEach(async () => {
  db = new RadarDB(`test-retention-${++n}`);
  await db.open();
});
const NOW = Date.UTC(2026, 0, 31, 12);
const H = 3_600_000;

test('sightings older than the window are thinned to the last of each day; recent ones all stay', async () => {
  const seen = (at: number, score: number) => ingest(db, [capturedPost({ id: 't3_a', score, seenAt: at })]);
  const day40 = Date.UTC(2025, 11, 22);
  for (const [h, score] of [[1, 10], [5, 20], [20, 30]] as const) await seen(day40 + h * H, score);
  await seen(day40 + DAY + 2 * H, 40);
  await seen(NOW - 2 * H, 50);
  await seen(NOW - H, 60);
  const r = await applyRetention(db, NOW, 30, 0);
  expect(r).toEqual({ sightingsRemoved: 2, postsRemoved: 0 });
  expect((await db.sightings.toArray()).map((s) => s.score)).toEqual([30, 40, 50, 60]);
});

test('posts unseen for N months go with their history and comments; sample rows stay', async () => {
  await ingest(db, [capturedPost({ id: 't3_old', seenAt: NOW - 400 * DAY }), capturedPost({ id: 't3_new', seenAt: NOW - DAY })], [capturedComment({ id: 't1_o', postId: 't3_old' })]);
  await loadSample(db, NOW);
  const samples = await db.posts.where('sample').equals(1).count();
  const r = await applyRetention(db, NOW, 30, 12);
  expect(r.postsRemoved).toBe(1);
  expect(await db.posts.get('t3_old')).toBeUndefined();
  expect(await db.comments.count()).toBe(0);
  expect(await db.sightings.where('[postId+at]').between(['t3_old', 0], ['t3_old', Infinity]).count()).toBe(0);
  expect(await db.posts.where('sample').equals(1).count()).toBe(samples);
  expect(await db.posts.get('t3_new')).toBeDefined();
});

test('delete everything empties every table', async () => {
  await ingest(db, [capturedPost()], [capturedComment()]);
  await db.reports.put({ key: 'latest', settingsKey: '', computedAt: 0, report: {} as never });
  await deleteEverything(db);
  expect([await db.posts.count(), await db.sightings.count(), await db.comments.count(), await db.reports.count(), await db.generations.count()]).toEqual([0, 0, 0, 0, 0]);
});
