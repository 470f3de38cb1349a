/**
 * The comments table: merging a sighting of a comment into its row, and reading a post's comments.
 * Writes happen inside ingest's transaction (posts.ts) and import's (backup.ts).
 */
import type { CapturedComment } from '../capture/types';
import { COMMENT_KEEPING, mergedFields, mergeValue } from '../capture/fields';
import type { CommentRow, RadarDB } from './schema';

const MERGED = mergedFields(COMMENT_KEEPING);

/** Pure: the row after one more sighting of the comment (each field by its rule in lib/capture/fields.ts), or a new row. */
export function mergeComment(existing: CommentRow | undefined, c: CapturedComment): CommentRow {
  if (!existing) {
    const { seenAt, ...rest } = c;
    return { ...rest, firstSeenAt: seenAt, lastSeenAt: seenAt };
  }
  const newer = c.seenAt >= existing.lastSeenAt;
  const row: CommentRow = { ...existing, firstSeenAt: Math.min(existing.firstSeenAt, c.seenAt), lastSeenAt: Math.max(existing.lastSeenAt, c.seenAt) };
  const fields = row as unknown as Record<string, unknown>;
  for (const [key, merge] of MERGED) fields[key] = mergeValue(merge, fields[key], c[key], newer);
  return row;
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
