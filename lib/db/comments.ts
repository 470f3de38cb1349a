/**
 * The comments table: merging a sighting of a comment into its row, and reading a post's comments.
 * Writes happen inside ingest's transaction (posts.ts) and import's (backup.ts).
 */
import type { CapturedComment } from '../capture/types';
import type { CommentRow, RadarDB } from './schema';

/** Pure: the row after one more sighting of the comment (or a new row). */
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
    // Deleted later: the flag is set, the text captured before stays (never erased by a sighting lacking it).
    deleted: (existing.deleted ?? false) || c.deleted,
    firstSeenAt: Math.min(existing.firstSeenAt, c.seenAt),
    lastSeenAt: Math.max(existing.lastSeenAt, c.seenAt),
  };
}

/** A post's comments, by id (the order a backup writes them in). */
export function commentsOf(db: RadarDB, postId: string): Promise<CommentRow[]> {
  return db.comments.where('postId').equals(postId).sortBy('id');
}

/** The comments of several posts, sorted by id, so the extension and `npm run report` agree on ties. */
export async function commentsOfPosts(db: RadarDB, postIds: string[]): Promise<CommentRow[]> {
  if (!postIds.length) return [];
  const comments = await db.comments.where('postId').anyOf(postIds).toArray();
  return comments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
