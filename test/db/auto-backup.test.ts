import { beforeEach, expect, test } from 'vitest';
import { RadarDB } from '@/lib/db/schema';
import { ingest } from '@/lib/db/posts';
import { AUTO_BACKUP_EVERY_MS, autoBackup, backupInfo, listAutoBackups, memoryBackupStore, restoreAutoBackup, restoreOffer } from '@/lib/db/auto-backup';
import { loadSample } from '@/lib/db/sample';
import { capturedComment, capturedPost, MIN } from '../support/records';

let db: RadarDB;
let n = 0;
beforeEach(async () => {
  db = new RadarDB(`test-auto-backup-${++n}`);
  await db.open();
});
const T0 = Date.UTC(2026, 0, 10, 12);
const WEEK = AUTO_BACKUP_EVERY_MS;

test('a weekly backup: made when due, never of an empty store, the last four kept', async () => {
  const store = memoryBackupStore();
  expect(await autoBackup(db, store, T0)).toBeNull(); // nothing captured: nothing to keep
  await loadSample(db, T0);
  expect(await autoBackup(db, store, T0)).toBeNull(); // the sample is never backed up
  await ingest(db, [capturedPost({ id: 't3_a', seenAt: T0 }), capturedPost({ id: 't3_b', seenAt: T0 })]);
  expect(await autoBackup(db, store, T0)).toMatchObject({ name: 'backup-2026-01-10T12-00-00Z-2.json', posts: 2 });
  expect(await autoBackup(db, store, T0 + WEEK - MIN)).toBeNull(); // not due yet
  for (let w = 1; w <= 5; w++) expect(await autoBackup(db, store, T0 + w * WEEK)).not.toBeNull();
  const kept = await listAutoBackups(store);
  expect(kept.map((b) => b.at)).toEqual([T0 + 5 * WEEK, T0 + 4 * WEEK, T0 + 3 * WEEK, T0 + 2 * WEEK]);
  expect(backupInfo({ name: 'notes.txt', size: 1 })).toBeNull();
});

test('the database came back empty: the newest backup is offered, and restores every post, history and comment', async () => {
  const store = memoryBackupStore();
  await ingest(db, [capturedPost({ id: 't3_a', score: 5, seenAt: T0 }), capturedPost({ id: 't3_b', seenAt: T0 })], [capturedComment({ id: 't1_c', postId: 't3_a' })]);
  await ingest(db, [capturedPost({ id: 't3_a', score: 9, seenAt: T0 + 20 * MIN })]);
  const made = (await autoBackup(db, store, T0 + 30 * MIN))!;
  expect(await restoreOffer(db, store)).toBeNull(); // data present: nothing to offer
  // The browser discarded the store: a new, empty database.
  await db.delete();
  db = new RadarDB(`test-auto-backup-${n}`);
  await db.open();
  await loadSample(db, T0); // sample rows do not count as data
  expect(await restoreOffer(db, store)).toMatchObject({ name: made.name, posts: 2 });
  const r = await restoreAutoBackup(db, store, made.name);
  expect(r).toMatchObject({ postsAdded: 2, sightingsAdded: 3, commentsAdded: 1 });
  expect((await db.posts.get('t3_a'))).toMatchObject({ score: 9, sample: 0 });
  expect(await restoreOffer(db, store)).toBeNull();
});

test('part of the store lost: the newest backup is offered while the store holds fewer posts than it had (issue 22, item 2)', async () => {
  const store = memoryBackupStore();
  await ingest(db, Array.from({ length: 4 }, (_, i) => capturedPost({ id: `t3_q${i}`, seenAt: T0 })));
  const made = (await autoBackup(db, store, T0))!;
  expect(await restoreOffer(db, store)).toBeNull();
  // The browser kept half the store (a full disk did this: 225 of 450 posts).
  await db.posts.bulkDelete(['t3_q0', 't3_q1']);
  expect(await restoreOffer(db, store)).toMatchObject({ name: made.name, posts: 4 });
  // The pages pass the kept store figures instead of counting.
  expect(await restoreOffer(db, store, 2)).toMatchObject({ name: made.name });
  expect(await restoreOffer(db, store, 4)).toBeNull();
  await restoreAutoBackup(db, store, made.name);
  expect(await db.posts.count()).toBe(4);
  expect(await restoreOffer(db, store)).toBeNull();
});
