/**
 * Writing captures: one transaction per batch, bulk reads and writes, nothing but Dexie awaited inside.
 * Merge rules (README "Database"):
 *  - the newest sighting (by seenAt) sets score, comment count, title, flair and flags;
 *  - a body or comment text captured once is never erased by a later sighting that lacks it;
 *  - a sighting row is written when score or comments change, or when the last row is 10 minutes old;
 *  - the same record sent twice changes nothing.
 */
import type { CapturedComment, CapturedPost } from '../capture/types';
import type { BodyPatch } from '../capture/schema';
import type { CommentRow, PostRow, RadarDB, SightingRow } from './schema';

export const SIGHTING_INTERVAL_MS = 10 * 60_000;

export interface IngestResult {
  /** Posts new to the database. */
  added: number;
  /** Posts already known, now updated. */
  updated: number;
  sightings: number;
  comments: number;
}

export function newPostRow(c: CapturedPost): { row: PostRow; sighting: SightingRow | null } {
  const row: PostRow = {
    id: c.id,
    subreddit: c.subreddit,
    title: c.title,
    author: c.author,
    permalink: c.permalink,
    url: c.url,
    flair: c.flair,
    createdAt: c.createdAt,
    score: c.score ?? 0,
    scoreHidden: c.scoreHidden,
    comments: c.comments,
    body: c.body,
    postType: c.postType,
    domain: c.domain,
    nsfw: c.nsfw,
    spoiler: c.spoiler,
    stickied: c.stickied,
    locked: c.locked,
    crosspost: c.crosspost,
    firstSeenAt: c.seenAt,
    lastSeenAt: c.seenAt,
    sightedAt: c.score == null ? 0 : c.seenAt,
    sample: 0,
  };
  return { row, sighting: c.score == null ? null : { postId: c.id, at: c.seenAt, score: c.score, comments: c.comments } };
}

/** Pure: the row after one more sighting, and the history point to append, if any. */
export function mergePost(existing: PostRow, c: CapturedPost): { row: PostRow; sighting: SightingRow | null } {
  const row: PostRow = { ...existing, body: c.body ?? existing.body };
  const newer = c.seenAt >= existing.lastSeenAt;
  let sighting: SightingRow | null = null;
  if (newer) {
    row.title = c.title;
    row.author = c.author ?? existing.author;
    row.permalink = c.permalink;
    row.url = c.url;
    row.flair = c.flair ?? existing.flair;
    row.postType = c.postType ?? existing.postType;
    row.domain = c.domain ?? existing.domain;
    row.nsfw = c.nsfw || existing.nsfw;
    row.spoiler = c.spoiler || existing.spoiler;
    row.crosspost = c.crosspost || existing.crosspost;
    row.stickied = c.stickied;
    row.locked = c.locked;
    row.comments = c.comments;
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
  } else if (c.score != null && c.seenAt < existing.firstSeenAt) {
    // A capture older than anything known (a batch delivered late): it extends the history backwards.
    sighting = { postId: c.id, at: c.seenAt, score: c.score, comments: c.comments };
    row.firstSeenAt = c.seenAt;
  }
  return { row, sighting };
}

export function mergeComment(existing: CommentRow | undefined, c: CapturedComment): CommentRow {
  if (!existing) {
    const { seenAt, ...rest } = c;
    return { ...rest, firstSeenAt: seenAt, lastSeenAt: seenAt };
  }
  const newer = c.seenAt >= existing.lastSeenAt;
  return {
    ...existing,
    parentId: existing.parentId ?? c.parentId,
    author: (newer ? c.author : existing.author) ?? existing.author ?? c.author,
    score: newer && c.score != null ? c.score : existing.score,
    createdAt: existing.createdAt ?? c.createdAt,
    body: c.body && (newer || !existing.body) ? c.body : existing.body,
    firstSeenAt: Math.min(existing.firstSeenAt, c.seenAt),
    lastSeenAt: Math.max(existing.lastSeenAt, c.seenAt),
  };
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
): Promise<IngestResult> {
  const posts = latestById(capturedPosts);
  const comments = latestById(capturedComments);
  return db.transaction('rw', db.posts, db.sightings, db.comments, async () => {
    const result: IngestResult = { added: 0, updated: 0, sightings: 0, comments: comments.length };
    const existing = await db.posts.bulkGet(posts.map((p) => p.id));
    const rows: PostRow[] = [];
    const sightings: SightingRow[] = [];
    posts.forEach((c, i) => {
      const prev = existing[i];
      const { row, sighting } = prev ? mergePost(prev, c) : newPostRow(c);
      if (prev) result.updated++;
      else result.added++;
      rows.push(row);
      if (sighting) sightings.push(sighting);
    });
    if (bodies.length) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      const missing = bodies.filter((b) => !byId.has(b.postId));
      const known = await db.posts.bulkGet(missing.map((b) => b.postId));
      known.forEach((r) => r && byId.set(r.id, r));
      for (const b of bodies) {
        const row = byId.get(b.postId);
        if (row && !row.body) {
          row.body = b.body;
          if (!rows.includes(row)) rows.push(row);
        }
      }
    }
    await db.posts.bulkPut(rows);
    if (sightings.length) await db.sightings.bulkPut(sightings);
    result.sightings = sightings.length;
    if (comments.length) {
      const prev = await db.comments.bulkGet(comments.map((c) => c.id));
      await db.comments.bulkPut(comments.map((c, i) => mergeComment(prev[i], c)));
    }
    return result;
  });
}

export interface StoreStats {
  posts: number;
  communities: number;
  comments: number;
  lastCaptureAt: number | null;
  samplePosts: number;
}

/** Recounts and keeps the figures (background after re-ranking; pages after sample, import, delete). */
export async function refreshStats(db: RadarDB, now = Date.now()): Promise<StoreStats> {
  const stats = await storeStats(db);
  await db.stats.put({ key: 'stats', computedAt: now, stats });
  return stats;
}

/**
 * The figures for a page header: the kept ones while no capture is newer than them, else counted now.
 * Reading one row instead of counting keeps the popup fast on a large store.
 */
export async function currentStats(db: RadarDB): Promise<StoreStats> {
  const [kept, newest] = await Promise.all([db.stats.get('stats'), db.posts.orderBy('lastSeenAt').last()]);
  if (kept && kept.computedAt >= (newest?.lastSeenAt ?? 0)) return kept.stats;
  return storeStats(db);
}

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

/** Captured communities with how many posts each, most first (sample rows left out). */
export async function communityCounts(db: RadarDB): Promise<{ name: string; posts: number }[]> {
  const counts = new Map<string, { name: string; posts: number }>();
  await db.posts.orderBy('subreddit').each((p) => {
    if (p.sample) return;
    const key = p.subreddit.toLowerCase();
    const c = counts.get(key);
    if (c) c.posts++;
    else counts.set(key, { name: p.subreddit, posts: 1 });
  });
  return [...counts.values()].sort((a, b) => b.posts - a.posts || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}
