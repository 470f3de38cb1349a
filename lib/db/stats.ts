/**
 * The stats table: the store's figures for page headers (posts, communities, comments, last capture),
 * kept in one row so a page never counts 100,000 rows on open. The write functions keep it: ingest adds
 * what a batch changed inside its own transaction; rarer bulk changes (import, sample, retention,
 * delete) recount once at their end.
 */
import type { RadarDB, StatsRow, StoreStats } from './schema';

export const STATS_KEY = 'stats';

/** Counts everything now. */
export async function storeStats(db: RadarDB): Promise<StoreStats> {
  return db.transaction('r', db.posts, db.comments, async () => {
    const [posts, communities, comments, samplePosts, newest] = await Promise.all([
      db.posts.count(),
      db.posts.orderBy('subreddit').uniqueKeys(),
      db.comments.count(),
      db.posts.where('sample').equals(1).count(),
      // Newest real capture: walk lastSeenAt from the end, past any sample rows.
      db.posts.orderBy('lastSeenAt').filter((p) => p.sample === 0).last(),
    ]);
    return { posts, communities: communities.length, comments, lastCaptureAt: newest?.lastSeenAt ?? null, samplePosts };
  });
}

/** Recounts and keeps the figures. */
export async function refreshStats(db: RadarDB, now = Date.now()): Promise<StoreStats> {
  return db.transaction('rw', db.posts, db.comments, db.stats, async () => {
    const stats = await storeStats(db);
    await db.stats.put({ key: STATS_KEY, computedAt: now, stats });
    return stats;
  });
}

/** The figures for a page header: the kept ones, or counted now when none are kept yet. */
export async function currentStats(db: RadarDB): Promise<StoreStats> {
  return (await db.stats.get(STATS_KEY))?.stats ?? storeStats(db);
}

export interface StatsDelta {
  posts: number;
  comments: number;
  communities: number;
  lastCaptureAt: number | null;
}

/**
 * Inside a write transaction that holds posts, comments and stats: adds a batch's changes to the kept
 * figures, or recounts when none are kept or they are older than the newest capture before this batch
 * (a store written by an older version).
 */
export async function addToStats(db: RadarDB, delta: StatsDelta, newestBefore: number, now: number): Promise<void> {
  const kept: StatsRow | undefined = await db.stats.get(STATS_KEY);
  if (!kept || kept.computedAt < newestBefore) {
    await db.stats.put({ key: STATS_KEY, computedAt: now, stats: await storeStats(db) });
    return;
  }
  const s = kept.stats;
  const last = delta.lastCaptureAt == null ? s.lastCaptureAt : Math.max(s.lastCaptureAt ?? 0, delta.lastCaptureAt);
  await db.stats.put({
    key: STATS_KEY,
    computedAt: Math.max(kept.computedAt, now),
    stats: { ...s, posts: s.posts + delta.posts, comments: s.comments + delta.comments, communities: s.communities + delta.communities, lastCaptureAt: last },
  });
}
