import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RadarDB } from '@/lib/db/schema';
import { ingest } from '@/lib/db/posts';
import { firstSeenOf, namesIndexedTo, resetNames } from '@/lib/db/names';
import { indexNames, NAMES_BATCH } from '@/lib/background/names';
import { computeInput } from '@/lib/db/analysis-input';
import { capturedPost } from '../support/records';

const T = Date.UTC(2025, 11, 22, 9);
const DAY = 86_400_000;
let db: RadarDB;
let n = 0;
beforeEach(async () => {
  db = new RadarDB(`test-names-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

test('first mentions over the whole history: a name seen 90 days ago is not new this week', async () => {
  await ingest(db, [capturedPost({ id: 't3_old', title: 'EGGROLL first paper', createdAt: T - 90 * DAY, seenAt: T - 90 * DAY })]);
  await ingest(db, [capturedPost({ id: 't3_new', title: 'EGGROLL code released', createdAt: T - DAY, seenAt: T - DAY, comments: 30 })]);
  expect(await indexNames(db)).toBe(2);
  expect(await firstSeenOf(db, ['eggroll', 'nothing'])).toEqual({ eggroll: T - 90 * DAY });
  expect(await namesIndexedTo(db)).toBe(T - DAY);
  // Nothing new since: nothing read.
  expect(await indexNames(db)).toBe(0);
  const input = await computeInput(db, T, { tracked: [], all: true });
  expect(input.insight.names['eggroll']).toMatchObject({ firstSeen: T - 90 * DAY, isNew: false, week: 1 });

  // Without the table (after an import starts it over), only the last 37 days count: "new".
  await resetNames(db);
  expect((await computeInput(db, T, { tracked: [], all: true })).insight.names['eggroll']).toMatchObject({ firstSeen: T - DAY, isNew: true });
});

test('a large history is indexed a batch at a time', async () => {
  const posts = Array.from({ length: NAMES_BATCH + 3 }, (_, i) => capturedPost({ id: `t3_p${i}`, title: `Qwen3 run ${i}`, createdAt: T - 3 * DAY, seenAt: T - 3 * DAY + i }));
  await ingest(db, posts);
  expect(await indexNames(db)).toBe(NAMES_BATCH);
  expect(await indexNames(db)).toBe(3);
  expect(await firstSeenOf(db, ['qwen3'])).toEqual({ qwen3: T - 3 * DAY });
}, 30_000);
