/**
 * Indexes names for the names table (lib/db/names.ts): the posts touched since the last run (by
 * lastSeenAt), a bounded batch at a time, so the first run over a large history takes a few re-ranks
 * and none blocks for long.
 */
import { findNames } from '../analysis/names';
import { namesIndexedTo, recordNames } from '../db/names';
import type { RadarDB } from '../db/schema';

/** Posts read per run. */
export const NAMES_BATCH = 5000;

/** Indexes the names of posts seen since the last run; returns how many posts it read. */
export async function indexNames(db: RadarDB, tracked: (subreddit: string) => boolean = () => true): Promise<number> {
  const since = await namesIndexedTo(db);
  const posts = (await db.posts.where('lastSeenAt').above(since).limit(NAMES_BATCH).sortBy('lastSeenAt')).filter((p) => p.sample !== 1);
  if (!posts.length) return 0;
  const relevant = posts.filter((p) => tracked(p.subreddit));
  const { names } = findNames(
    relevant.map((p) => ({ id: p.id, title: p.title, body: p.body })),
    relevant.map((p) => p.subreddit),
    { remember: false },
  );
  const created = new Map(relevant.map((p) => [p.id, p.createdAt]));
  const found = [...names.values()].map((n) => ({ key: n.key, label: n.label, firstSeen: Math.min(...n.docs.map((id) => created.get(id)!)) }));
  await recordNames(db, found, posts[posts.length - 1]!.lastSeenAt);
  return posts.length;
}

