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

/** Recounts and keeps the figures, with the community names. */
export async function refreshStats(db: RadarDB, now = Date.now()): Promise<StoreStats> {
  return db.transaction('rw', db.posts, db.comments, db.stats, async () => {
    const [stats, names] = await Promise.all([storeStats(db), db.posts.orderBy('subreddit').uniqueKeys()]);
    await db.stats.put({ key: STATS_KEY, computedAt: now, stats, names: names as string[] });
    return stats;
  });
}

/** The newest real capture (sample rows walked past): one index read. */
const newestCapture = async (db: RadarDB) => (await db.posts.orderBy('lastSeenAt').filter((p) => p.sample === 0).last())?.lastSeenAt ?? null;

/**
 * The figures for a page header: the kept counts (or counted now when none are kept yet), and the last
 * capture read from the index (ingest does not rewrite the kept row for a batch that adds nothing).
 */
export async function currentStats(db: RadarDB): Promise<StoreStats> {
  const [kept, last] = await Promise.all([db.stats.get(STATS_KEY), newestCapture(db)]);
  return kept ? { ...kept.stats, lastCaptureAt: last } : storeStats(db);
}

export interface StatsDelta {
  posts: number;
  comments: number;
  /** Communities of the posts new to the store (whether the community is new is decided here). */
  communities: Set<string>;
  lastCaptureAt: number | null;
}

/**
 * The kept figures after a batch (pure): null when the batch added nothing (the kept counts stand),
 * 'recount' when none are kept or they were kept by an older version (no community names).
 */
export function nextStats(kept: StatsRow | undefined, delta: StatsDelta): StatsRow | 'recount' | null {
  if (!delta.posts && !delta.comments) return null;
  if (!kept?.names) return 'recount';
  const known = new Set(kept.names);
  const fresh = [...delta.communities].filter((c) => !known.has(c));
  const s = kept.stats;
  const last = delta.lastCaptureAt == null ? s.lastCaptureAt : Math.max(s.lastCaptureAt ?? 0, delta.lastCaptureAt);
  return {
    key: STATS_KEY,
    // The time of the last recount (a bulk change: the sample, an import, retention) stands: a batch is a
    // capture, which pages and the re-rank judge by its own time (lib/db/latest.ts). Moving it with every
    // batch made each re-rank during a refresh run "stale" and every page rank the store itself.
    computedAt: kept.computedAt,
    stats: { ...s, posts: s.posts + delta.posts, comments: s.comments + delta.comments, communities: s.communities + fresh.length, lastCaptureAt: last },
    names: fresh.length ? [...kept.names, ...fresh] : kept.names,
  };
}
