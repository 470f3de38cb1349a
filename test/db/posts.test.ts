import { beforeEach, describe, expect, test } from 'vitest';
import { RadarDB } from '@/lib/db/schema';
import { ingest } from '@/lib/db/posts';
import { currentStats, storeStats } from '@/lib/db/stats';
import { capturedComment, capturedPost, MIN } from '../support/records';

let db: RadarDB;
let name = 0;
beforeEach(async () => {
  db = new RadarDB(`test-posts-${++name}`);
  await db.open();
});

const T0 = Date.UTC(2025, 11, 21, 13);

describe('ingest', () => {
  test('a new post is stored with its first sighting', async () => {
    const r = await ingest(db, [capturedPost({ id: 't3_a', score: 10, comments: 5, seenAt: T0 })]);
    expect(r).toEqual({ added: 1, updated: 0, sightings: 1, comments: 0 });
    expect(await db.posts.get('t3_a')).toMatchObject({ score: 10, comments: 5, firstSeenAt: T0, lastSeenAt: T0, sightedAt: T0, sample: 0 });
    expect(await db.sightings.toArray()).toEqual([{ postId: 't3_a', at: T0, score: 10, comments: 5 }]);
  });

  test('later sightings update the latest score and build the history: a row on change, else every 10 minutes at most', async () => {
    const seen = (score: number, comments: number, at: number) => ingest(db, [capturedPost({ id: 't3_a', score, comments, seenAt: at })]);
    await seen(10, 5, T0);
    await seen(10, 5, T0 + 2 * MIN); // unchanged, 2 min later: no row
    await seen(25, 5, T0 + 3 * MIN); // changed: row
    await seen(25, 5, T0 + 9 * MIN); // unchanged, 6 min after the last row: no row
    await seen(25, 5, T0 + 13 * MIN); // unchanged, 10 min after the last row: row
    await seen(25, 8, T0 + 14 * MIN); // comments changed: row
    expect((await db.sightings.toArray()).map((s) => [s.at - T0, s.score, s.comments])).toEqual([
      [0, 10, 5],
      [3 * MIN, 25, 5],
      [13 * MIN, 25, 5],
      [14 * MIN, 25, 8],
    ]);
    expect(await db.posts.get('t3_a')).toMatchObject({ score: 25, comments: 8, lastSeenAt: T0 + 14 * MIN, firstSeenAt: T0 });
  });

  test('the same batch sent twice changes nothing', async () => {
    const batch = [capturedPost({ id: 't3_a', seenAt: T0 }), capturedPost({ id: 't3_b', seenAt: T0 })];
    const comments = [capturedComment({ id: 't1_x', postId: 't3_a' })];
    await ingest(db, batch, comments);
    const before = { posts: await db.posts.toArray(), sightings: await db.sightings.toArray(), comments: await db.comments.toArray() };
    const again = await ingest(db, batch, comments);
    expect(again).toMatchObject({ added: 0, updated: 2, sightings: 0 });
    expect({ posts: await db.posts.toArray(), sightings: await db.sightings.toArray(), comments: await db.comments.toArray() }).toEqual(before);
  });

  test('a body or comment text captured once is never erased by a later sighting that lacks it', async () => {
    await ingest(db, [capturedPost({ id: 't3_a', body: 'The whole body.', seenAt: T0 })], [capturedComment({ id: 't1_x', postId: 't3_a', body: 'Text', score: 4, seenAt: T0 })]);
    await ingest(db, [capturedPost({ id: 't3_a', body: null, score: 99, flair: null, author: null, seenAt: T0 + MIN })], [
      capturedComment({ id: 't1_x', postId: 't3_a', body: '', score: null, seenAt: T0 + 2 * MIN }),
    ]);
    expect(await db.posts.get('t3_a')).toMatchObject({ body: 'The whole body.', score: 99, flair: 'Discussion', author: 'alice' });
    expect(await db.comments.get('t1_x')).toMatchObject({ body: 'Text', score: 4, lastSeenAt: T0 + 2 * MIN });
  });

  test('an older capture arriving late never overwrites newer numbers', async () => {
    await ingest(db, [capturedPost({ id: 't3_a', score: 50, comments: 9, seenAt: T0 + 30 * MIN })]);
    await ingest(db, [capturedPost({ id: 't3_a', score: 20, comments: 2, seenAt: T0 })]);
    expect(await db.posts.get('t3_a')).toMatchObject({ score: 50, comments: 9, lastSeenAt: T0 + 30 * MIN, firstSeenAt: T0 });
    expect((await db.sightings.toArray()).map((s) => [s.at, s.score])).toEqual([[T0, 20], [T0 + 30 * MIN, 50]]);
  });

  test('two tabs sending the same post while the worker restarts write one sighting, whichever arrives first', async () => {
    // Tab B's batch (seen 1 ms later) is stored first; tab A's, with the same numbers, arrives after it.
    await ingest(db, [capturedPost({ id: 't3_a', score: 50, comments: 9, seenAt: T0 + 1 })]);
    await ingest(db, [capturedPost({ id: 't3_a', score: 50, comments: 9, seenAt: T0 })]);
    expect((await db.sightings.toArray()).map((s) => [s.at, s.score])).toEqual([[T0 + 1, 50]]);
    expect(await db.posts.get('t3_a')).toMatchObject({ firstSeenAt: T0, lastSeenAt: T0 + 1 });
    // And at the same time, through concurrent transactions.
    await Promise.all([
      ingest(db, [capturedPost({ id: 't3_b', score: 7, comments: 1, seenAt: T0 + 5 })]),
      ingest(db, [capturedPost({ id: 't3_b', score: 7, comments: 1, seenAt: T0 + 4 })]),
      ingest(db, [capturedPost({ id: 't3_b', score: 7, comments: 1, seenAt: T0 + 6 })]),
    ]);
    expect(await db.sightings.where('[postId+at]').between(['t3_b', 0], ['t3_b', Infinity]).count()).toBe(1);
  });

  test('a score the page did not show keeps the known one and adds no history point', async () => {
    await ingest(db, [capturedPost({ id: 't3_a', score: 7, seenAt: T0 })]);
    await ingest(db, [capturedPost({ id: 't3_a', score: null, scoreHidden: true, comments: 3, seenAt: T0 + 20 * MIN })]);
    expect(await db.posts.get('t3_a')).toMatchObject({ score: 7, comments: 3 });
    expect(await db.sightings.count()).toBe(1);
    await ingest(db, [capturedPost({ id: 't3_new', score: null, scoreHidden: true, seenAt: T0 })]);
    expect(await db.posts.get('t3_new')).toMatchObject({ score: null, scoreHidden: true, sightedAt: 0 });
    expect(await db.sightings.where('[postId+at]').between(['t3_new', 0], ['t3_new', Infinity]).count()).toBe(0);
  });

  test('one batch holding the same post twice keeps the later sighting', async () => {
    await ingest(db, [capturedPost({ id: 't3_a', score: 30, seenAt: T0 + MIN }), capturedPost({ id: 't3_a', score: 10, seenAt: T0 })]);
    expect(await db.posts.get('t3_a')).toMatchObject({ score: 30 });
  });

  test('body patches fill known posts only', async () => {
    await ingest(db, [capturedPost({ id: 't3_a', seenAt: T0 })]);
    await ingest(db, [], [], [{ postId: 't3_a', body: 'Recovered' }, { postId: 't3_unknown', body: 'Nobody' }]);
    expect((await db.posts.get('t3_a'))!.body).toBe('Recovered');
    expect(await db.posts.get('t3_unknown')).toBeUndefined();
  });
});

test('stats: counts, communities, newest real capture (sample rows left out)', async () => {
  await ingest(db, [
    capturedPost({ id: 't3_a', subreddit: 'LocalLLaMA', seenAt: T0 }),
    capturedPost({ id: 't3_b', subreddit: 'singularity', seenAt: T0 + 5 * MIN }),
  ], [capturedComment({ id: 't1_q', postId: 't3_a' })]);
  await db.posts.put({ ...(await db.posts.get('t3_a'))!, id: 't3_s', sample: 1, lastSeenAt: T0 + 60 * MIN });
  expect(await storeStats(db)).toEqual({ posts: 3, communities: 2, comments: 1, lastCaptureAt: T0 + 5 * MIN, samplePosts: 1 });
});

test('ingest keeps the figures: new posts, comments and communities are added; repeats add nothing', async () => {
  await ingest(db, [capturedPost({ id: 't3_a', subreddit: 'LocalLLaMA', seenAt: T0 })], [capturedComment({ id: 't1_q', postId: 't3_a' })]);
  expect(await db.stats.get('stats')).toMatchObject({ stats: { posts: 1, communities: 1, comments: 1, lastCaptureAt: T0 } });
  // A second batch: one post already known, one new in a known community, one in a new community.
  await ingest(db, [
    capturedPost({ id: 't3_a', subreddit: 'LocalLLaMA', seenAt: T0 + MIN }),
    capturedPost({ id: 't3_b', subreddit: 'LocalLLaMA', seenAt: T0 + 2 * MIN }),
    capturedPost({ id: 't3_c', subreddit: 'singularity', seenAt: T0 + 3 * MIN }),
  ], [capturedComment({ id: 't1_q', postId: 't3_a' }), capturedComment({ id: 't1_r', postId: 't3_b' })]);
  const kept = (await db.stats.get('stats'))!.stats;
  expect(kept).toEqual({ posts: 3, communities: 2, comments: 2, lastCaptureAt: T0 + 3 * MIN, samplePosts: 0 });
  // The kept figures are what a count gives, and what a page reads.
  expect(await storeStats(db)).toEqual(kept);
  expect(await currentStats(db)).toEqual(kept);
});

test('figures kept by an older version (no community names) are recounted on the next batch', async () => {
  await ingest(db, [capturedPost({ id: 't3_a', seenAt: T0 })]);
  await db.stats.put({ key: 'stats', computedAt: T0 - MIN, stats: { posts: 99, communities: 9, comments: 0, lastCaptureAt: T0, samplePosts: 0 } });
  await ingest(db, [capturedPost({ id: 't3_b', seenAt: T0 + 2 * MIN })]);
  expect((await currentStats(db)).posts).toBe(2);
});

test('community counts: one row per community whatever its capitalization, sample rows left out, most first', async () => {
  const { communityCounts } = await import('@/lib/db/posts');
  await ingest(db, [
    capturedPost({ id: 't3_c1', subreddit: 'LocalLLaMA' }),
    capturedPost({ id: 't3_c2', subreddit: 'localllama' }),
    capturedPost({ id: 't3_c3', subreddit: 'Rag' }),
    capturedPost({ id: 't3_c4', subreddit: 'singularity' }),
    capturedPost({ id: 't3_c5', subreddit: 'singularity' }),
    capturedPost({ id: 't3_c6', subreddit: 'singularity' }),
  ]);
  await db.posts.update('t3_c6', { sample: 1 });
  await db.posts.put({ ...(await db.posts.get('t3_c3'))!, id: 't3_s1', subreddit: 'OnlySample', sample: 1 });
  expect(await communityCounts(db)).toEqual([
    { name: 'LocalLLaMA', posts: 2 },
    { name: 'singularity', posts: 2 },
    { name: 'Rag', posts: 1 },
  ]);
});
