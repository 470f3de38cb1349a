/**
 * The JSON backup in the database: export everything captured, and merge a checked backup by id. The
 * format itself (types, checks, errors, conversions) is pure, in lib/export/backup-format.ts.
 */
import { resetNames } from './names';
import { mergeComment } from './comments';
import { mergePost, newPostRow } from './posts';
import { refreshStats } from './stats';
import type { CommentRow, RadarDB, SightingRow } from './schema';
import type { Follow, Watch } from '../settings/shape';
import {
  BACKUP_FORMAT, BACKUP_VERSION, backupToCaptured, commentToBackup, postToBackup, backupToComment, fromIso, IMPORT_CHUNK, lastById, sightingFromBackup, toIso, watchesToBackup,
  type Backup, type ImportReport,
} from '../export/backup-format';

export * from '../export/backup-format';

/** Everything the user captured (never the sample data), and their watches and followed posts. */
export async function exportBackup(db: RadarDB, now = Date.now(), kept: { watches: readonly Watch[]; follows: readonly Follow[] } = { watches: [], follows: [] }): Promise<Backup> {
  return db.transaction('r', db.posts, db.sightings, db.comments, async () => {
    const posts = await db.posts.where('sample').equals(0).toArray();
    const real = new Set(posts.map((p) => p.id));
    const sightings = (await db.sightings.toArray()).filter((s) => real.has(s.postId));
    const comments = await db.comments.toArray();
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: toIso(now),
      posts: posts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(postToBackup),
      sightings: sightings.map((s) => ({ postId: s.postId, at: toIso(s.at), score: s.score, comments: s.comments, ...(s.source ? { source: s.source } : {}) })),
      comments: comments.map(commentToBackup),
      ...watchesToBackup(kept.watches, kept.follows),
    };
  });
}

/**
 * Merges a parsed backup by id. Up to IMPORT_CHUNK posts (with their history and comments) merge in one
 * transaction: on any failure that part changes nothing, and importing the file again completes it (a
 * repeat adds nothing). Progress goes from 0 to 1.
 */
export async function importBackup(db: RadarDB, backup: Backup, onProgress?: (fraction: number) => void): Promise<ImportReport> {
  const exportedAt = fromIso(backup.exportedAt);
  const report: ImportReport = { postsAdded: 0, postsUpdated: 0, sightingsAdded: 0, commentsAdded: 0 };
  const posts = lastById(backup.posts);
  const comments = lastById(backup.comments);
  const sightingsOf = new Map<string, SightingRow[]>();
  for (const s of backup.sightings) {
    const row = sightingFromBackup(s);
    (sightingsOf.get(row.postId) ?? sightingsOf.set(row.postId, []).get(row.postId)!).push(row);
  }
  const commentsOf = new Map<string, Backup['comments']>();
  for (const c of comments) (commentsOf.get(c.postId) ?? commentsOf.set(c.postId, []).get(c.postId)!).push(c);
  const inFile = new Set(posts.map((p) => p.id));
  const orphans = comments.filter((c) => !inFile.has(c.postId));

  const steps = Math.max(1, Math.ceil(posts.length / IMPORT_CHUNK));
  for (let step = 0; step < steps; step++) {
    const chunk = posts.slice(step * IMPORT_CHUNK, (step + 1) * IMPORT_CHUNK);
    const chunkComments = [...chunk.flatMap((p) => commentsOf.get(p.id) ?? []), ...(step === 0 ? orphans : [])];
    await db.transaction('rw', [db.posts, db.sightings, db.comments, db.stats], async () => {
      const sightings = chunk.flatMap((p) => sightingsOf.get(p.id) ?? []);
      const lastSighting = new Map<string, number>();
      for (const s of sightings) lastSighting.set(s.postId, Math.max(lastSighting.get(s.postId) ?? 0, s.at));

      const captured = chunk.map((p) => backupToCaptured(p, exportedAt));
      const existing = await db.posts.bulkGet(captured.map((c) => c.id));
      const rows = captured.map((c, i) => {
        const prev = existing[i];
        if (prev) {
          const { row } = mergePost(prev, c);
          row.firstSeenAt = Math.min(row.firstSeenAt, c.firstSeenAt);
          row.sightedAt = Math.max(row.sightedAt, lastSighting.get(c.id) ?? 0);
          if (JSON.stringify(row) !== JSON.stringify(prev)) report.postsUpdated++;
          return row;
        }
        report.postsAdded++;
        const { row } = newPostRow(c);
        return { ...row, firstSeenAt: c.firstSeenAt, sightedAt: lastSighting.get(c.id) ?? 0 };
      });
      await db.posts.bulkPut(rows);

      const known = await db.sightings.bulkGet(sightings.map((s) => [s.postId, s.at] as [string, number]));
      const fresh = sightings.filter((_, i) => !known[i]);
      await db.sightings.bulkPut(fresh);
      report.sightingsAdded += fresh.length;

      const prevComments = await db.comments.bulkGet(chunkComments.map((c) => c.id));
      const commentRows: CommentRow[] = chunkComments.map((backed, i) => {
        if (!prevComments[i]) report.commentsAdded++;
        const { firstSeenAt, ...c } = backupToComment(backed, exportedAt);
        const row = mergeComment(prevComments[i], c);
        return { ...row, firstSeenAt: Math.min(row.firstSeenAt, firstSeenAt) };
      });
      await db.comments.bulkPut(commentRows);
      if (step === steps - 1) await refreshStats(db);
    });
    onProgress?.((step + 1) / steps);
  }
  // Older posts may have arrived: the names' first mentions are indexed again from the start.
  await resetNames(db);
  return report;
}
