/**
 * Writing captures: one transaction per batch, bulk reads and writes, nothing but Dexie awaited inside.
 * Merge rules (each field's in lib/capture/fields.ts; docs/formats.md, "Database"):
 *  - the newest sighting (by seenAt) sets score, comment count, title, flair and flags;
 *  - a body or comment text captured once is never erased by a later sighting that lacks it;
 *  - a sighting row is written when score or comments change, or when the last row is 10 minutes old;
 *  - the same record sent twice changes nothing.
 */
import type { CapturedComment, CapturedPost } from '../capture/types';
import { mergedFields, mergeValue, POST_KEEPING } from '../capture/fields';
import type { BodyPatch } from '../capture/schema';
import type { ShownPost } from '../rank/types';
import type { PostDetail } from '../analysis/detail';
import { commentsOf, mergeComment } from './comments';
import { topComments } from '../analysis/detail';
import type { CommentRow, PostRow, RadarDB, SightingRow } from './schema';
import { deleteHistoryOf, SIGHTING_INTERVAL_MS } from './sightings';
import { nextStats, refreshStats, STATS_KEY } from './stats';
import { communityKey } from '../reddit/names';

export interface IngestResult {
  /** Posts new to the database. */
  added: number;
  /** Posts already known, now updated. */
  updated: number;
  sightings: number;
  comments: number;
}

const MERGED = mergedFields(POST_KEEPING);

export function newPostRow(c: CapturedPost): { row: PostRow; sighting: SightingRow | null } {
  const row = { score: c.score, scoreHidden: c.scoreHidden, firstSeenAt: c.seenAt, lastSeenAt: c.seenAt, sightedAt: c.score == null ? 0 : c.seenAt, sample: 0 } as PostRow;
  const fields = row as unknown as Record<string, unknown>;
  for (const [key] of MERGED) fields[key] = c[key];
  return { row, sighting: c.score == null ? null : { postId: c.id, at: c.seenAt, score: c.score, comments: c.comments } };
}

/** Pure: the row after one more sighting (each field by its merge rule, lib/capture/fields.ts), and the history point to append, if any. */
export function mergePost(existing: PostRow, c: CapturedPost): { row: PostRow; sighting: SightingRow | null } {
  const row: PostRow = { ...existing };
  const newer = c.seenAt >= existing.lastSeenAt;
  const fields = row as unknown as Record<string, unknown>;
  for (const [key, merge] of MERGED) fields[key] = mergeValue(merge, fields[key], c[key], newer);
  let sighting: SightingRow | null = null;
  if (newer) {
    row.lastSeenAt = c.seenAt;
    if (c.score != null) {
      const changed = c.score !== existing.score || c.comments !== existing.comments || existing.sightedAt === 0;
      if (changed || c.seenAt - existing.sightedAt >= SIGHTING_INTERVAL_MS) {
        sighting = { postId: c.id, at: c.seenAt, score: c.score, comments: c.comments };
        row.sightedAt = c.seenAt;
      }
      row.score = c.score;
      row.scoreHidden = c.scoreHidden;
    }
  } else if (c.seenAt < existing.firstSeenAt) {
    // A capture older than anything known (a batch delivered late, another tab's batch that waited on a
    // restarting worker): it extends the history backwards, under the same 10-minute rule as forwards: a
    // point only where the numbers differ from the earliest known, or 10 minutes before it.
    row.firstSeenAt = c.seenAt;
    // (The row's numbers stand in for the earliest known: a repeat of the same numbers adds nothing.)
    if (c.score != null && (c.score !== existing.score || c.comments !== existing.comments || existing.firstSeenAt - c.seenAt >= SIGHTING_INTERVAL_MS))
      sighting = { postId: c.id, at: c.seenAt, score: c.score, comments: c.comments };
  }
  return { row, sighting };
}

/** Keeps one record per id: the one seen last. */
function latestById<T extends { id: string; seenAt: number }>(items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const prev = byId.get(item.id);
    if (!prev || item.seenAt >= prev.seenAt) byId.set(item.id, item);
  }
  return [...byId.values()];
}

export async function ingest(
  db: RadarDB,
  capturedPosts: CapturedPost[],
  capturedComments: CapturedComment[] = [],
  bodies: BodyPatch[] = [],
  now = Date.now(),
  /** Where the records came from: a page (absent) or keeping communities fresh; sightings keep it. */
  source?: 'refresh',
): Promise<IngestResult> {
  const posts = latestById(capturedPosts);
  const comments = latestById(capturedComments);
  return db.transaction('rw', [db.posts, db.sightings, db.comments, db.stats], async () => {
    const result: IngestResult = { added: 0, updated: 0, sightings: 0, comments: comments.length };
    // The kept figures are read with the rows (one round trip): ingest keeps them in this transaction.
    const [existing, kept, prevComments] = await Promise.all([
      db.posts.bulkGet(posts.map((p) => p.id)),
      db.stats.get(STATS_KEY),
      comments.length ? db.comments.bulkGet(comments.map((c) => c.id)) : Promise.resolve([]),
    ]);
    const rows: PostRow[] = [];
    const sightings: SightingRow[] = [];
    const newCommunities = new Set<string>();
    // A real capture of a post the built-in sample also holds takes the row over: the sample mark and its
    // made-up score curve go, so "Remove sample" never deletes a real capture and backups include it.
    const sampleIds = posts.filter((_, i) => existing[i]?.sample === 1).map((c) => c.id);
    for (const id of sampleIds) await deleteHistoryOf(db, id);
    posts.forEach((c, i) => {
      const prev = existing[i]?.sample === 1 ? undefined : existing[i];
      const { row, sighting } = prev ? mergePost(prev, c) : newPostRow(c);
      if (existing[i]) result.updated++;
      else {
        result.added++;
        newCommunities.add(c.subreddit);
      }
      rows.push(row);
      if (sighting) sightings.push(source ? { ...sighting, source } : sighting);
    });
    if (bodies.length) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      const missing = bodies.filter((b) => !byId.has(b.postId));
      const found = await db.posts.bulkGet(missing.map((b) => b.postId));
      found.forEach((r) => r && byId.set(r.id, r));
      for (const b of bodies) {
        const row = byId.get(b.postId);
        if (row && !row.body) {
          row.body = b.body;
          if (!rows.includes(row)) rows.push(row);
        }
      }
    }
    result.sightings = sightings.length;
    const commentsAdded = prevComments.filter((c) => !c).length;
    const lastCaptureAt = posts.length ? Math.max(...posts.map((p) => p.seenAt)) : null;
    const stats = sampleIds.length ? 'recount' : nextStats(kept, { posts: result.added, comments: commentsAdded, communities: newCommunities, lastCaptureAt });
    // The writes go out together: Dexie queues them in order in this one transaction.
    await Promise.all([
      db.posts.bulkPut(rows),
      sightings.length ? db.sightings.bulkPut(sightings) : undefined,
      comments.length ? db.comments.bulkPut(comments.map((c, i) => mergeComment(prevComments[i], c))) : undefined,
      stats && stats !== 'recount' ? db.stats.put(stats) : undefined,
    ]);
    if (stats === 'recount') await refreshStats(db, now);
    return result;
  });
}


/**
 * Captured communities with how many posts each, most first (sample rows left out). Counted on the
 * subreddit index (its distinct keys, then a count per key), never by reading the posts: pages keep this
 * live, and at 100,000 posts reading them all took 300 ms of the page's main thread after every batch.
 */
export async function communityCounts(db: RadarDB): Promise<{ name: string; posts: number }[]> {
  const names = (await db.posts.orderBy('subreddit').uniqueKeys()) as string[];
  const [counts, samples] = await Promise.all([Promise.all(names.map((n) => db.posts.where('subreddit').equals(n).count())), db.posts.where('sample').equals(1).toArray()]);
  const sampleOf = new Map<string, number>();
  for (const p of samples) sampleOf.set(p.subreddit, (sampleOf.get(p.subreddit) ?? 0) + 1);
  const byKey = new Map<string, { name: string; posts: number }>();
  names.forEach((name, i) => {
    const posts = counts[i]! - (sampleOf.get(name) ?? 0);
    if (posts <= 0) return;
    const key = communityKey(name);
    const c = byKey.get(key);
    if (c) c.posts += posts;
    else byKey.set(key, { name, posts });
  });
  return [...byKey.values()].sort((a, b) => b.posts - a.posts || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

/** Posts stored of one community, whatever its capitalization. */
export function countInCommunity(db: RadarDB, name: string): Promise<number> {
  return db.posts.where('subreddit').equalsIgnoreCase(name).count();
}

/**
 * A stored batch as the database now holds it: its posts, its comments, and each comment's post (from
 * the batch, else read), for what follows capture (the search index, watches).
 */
export async function storedBatch(db: RadarDB, postIds: readonly string[], commentIds: readonly string[]): Promise<{ posts: PostRow[]; comments: CommentRow[]; postOf: Map<string, PostRow> }> {
  const posts = (await db.posts.bulkGet([...postIds])).filter((p): p is PostRow => p != null);
  const comments = (await db.comments.bulkGet([...commentIds])).filter((c): c is CommentRow => c != null);
  const postOf = new Map(posts.map((p) => [p.id, p]));
  const missing = [...new Set(comments.map((c) => c.postId))].filter((id) => !postOf.has(id));
  for (const p of await db.posts.bulkGet(missing)) if (p) postOf.set(p.id, p);
  return { posts, comments, postOf };
}

export async function getPost(db: RadarDB, id: string): Promise<PostRow | null> {
  return (await db.posts.get(id)) ?? null;
}

/** Posts created in [from, to]. */
export function postsCreatedBetween(db: RadarDB, from: number, to: number): Promise<PostRow[]> {
  return db.posts.where('createdAt').between(from, to, true, true).toArray();
}

/** Posts created in (from, to]: the windows ranking reads. */
export function postsInWindow(db: RadarDB, from: number, to: number): Promise<PostRow[]> {
  return db.posts.where('createdAt').between(from, to, false, true).toArray();
}

/** The newest stored state of any post (by lastSeenAt), or undefined for an empty store. */
export function newestPost(db: RadarDB): Promise<PostRow | undefined> {
  return db.posts.orderBy('lastSeenAt').last();
}

export interface PostWithDetail {
  row: ShownPost;
  detail: PostDetail;
  /** Top 5 comments, for the single-post export. */
  comments: CommentRow[];
}

/** One post with what its TL;DR and export read: body and top comments. */
export async function postDetail(db: RadarDB, id: string): Promise<PostWithDetail | null> {
  const post = await db.posts.get(id);
  if (!post) return null;
  const all = await commentsOf(db, id);
  const top = topComments(all);
  const read = { comments: all.filter((c) => c.body?.trim()).length, of: Math.max(post.comments, all.length) };
  return {
    row: { ...post, sample: post.sample === 1 },
    detail: { body: post.body, comments: top.map(({ author, score, body }) => ({ author, score, body: body ?? '' })), read },
    comments: top,
  };
}
