/**
 * The JSON backup: what users keep, what `npm run report` reads, what import merges. Versioned;
 * documented in README ("JSON backup"). Parsing is pure and runs in Node too.
 */
import * as v from 'valibot';
import type { CapturedPost } from '../capture/types';
import { COMMUNITY_NAME } from '../reddit/names';
import { COMMENT_ID, POST_ID } from '../reddit/ids';
import { mergeComment } from './comments';
import { mergePost, newPostRow } from './posts';
import { refreshStats } from './stats';
import type { CommentRow, PostRow, RadarDB, SightingRow } from './schema';

export const BACKUP_FORMAT = 'reddit-trend-radar';
export const BACKUP_VERSION = 1;

const iso = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]00:?00)$/, 'expected an ISO 8601 UTC time such as 2025-12-21T17:28:00.000Z'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not a real date'),
);
const int = v.pipe(v.number(), v.integer());
const fullname = (kind: 't1' | 't3') => v.pipe(v.string(), v.regex(kind === 't3' ? POST_ID : COMMENT_ID, `expected a Reddit id "${kind}_…"`));

const BackupPost = v.object({
  id: fullname('t3'),
  subreddit: v.pipe(v.string(), v.regex(COMMUNITY_NAME, 'expected a community name without "r/"')),
  title: v.pipe(v.string(), v.minLength(1)),
  author: v.nullable(v.string()),
  permalink: v.string(),
  url: v.string(),
  flair: v.nullable(v.string()),
  createdAt: iso,
  score: int,
  comments: v.pipe(int, v.minValue(0)),
  body: v.nullable(v.string()),
  scoreHidden: v.optional(v.boolean(), false),
  postType: v.optional(v.nullable(v.string()), null),
  domain: v.optional(v.nullable(v.string()), null),
  nsfw: v.optional(v.boolean(), false),
  spoiler: v.optional(v.boolean(), false),
  stickied: v.optional(v.boolean(), false),
  locked: v.optional(v.boolean(), false),
  crosspost: v.optional(v.boolean(), false),
  firstSeenAt: v.optional(iso),
  lastSeenAt: v.optional(iso),
});

const BackupSighting = v.object({ postId: fullname('t3'), at: iso, score: int, comments: v.pipe(int, v.minValue(0)) });

const BackupComment = v.object({
  id: fullname('t1'),
  postId: fullname('t3'),
  parentId: v.nullable(fullname('t1')),
  author: v.nullable(v.string()),
  score: v.nullable(int),
  depth: v.pipe(int, v.minValue(0)),
  createdAt: v.nullable(iso),
  body: v.string(),
  firstSeenAt: v.optional(iso),
  lastSeenAt: v.optional(iso),
});

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT, `expected "format": "${BACKUP_FORMAT}"`),
  version: v.literal(BACKUP_VERSION, `expected "version": ${BACKUP_VERSION} (this build reads version ${BACKUP_VERSION})`),
  exportedAt: iso,
  posts: v.array(BackupPost),
  sightings: v.array(BackupSighting),
  comments: v.array(BackupComment),
});

export type Backup = v.InferOutput<typeof BackupSchema>;
export type BackupPost = Backup['posts'][number];

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Parses and checks a backup file's text; throws a BackupError that says where and what is wrong. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BackupError(`not a JSON file (${(e as Error).message})`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new BackupError('not a Reddit Trend Radar backup: expected a JSON object');
  const r = v.safeParse(BackupSchema, json);
  if (!r.success) {
    const issue = r.issues[0]!;
    const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '');
    const more = r.issues.length > 1 ? ` (and ${r.issues.length - 1} more problem${r.issues.length > 2 ? 's' : ''})` : '';
    throw new BackupError(`${path || 'file'}: ${issue.message}${more}`);
  }
  const ids = new Set(r.output.posts.map((p) => p.id));
  const orphan = r.output.sightings.findIndex((s) => !ids.has(s.postId));
  if (orphan >= 0) throw new BackupError(`sightings[${orphan}].postId: no post ${r.output.sightings[orphan]!.postId} in this backup`);
  return r.output;
}

const toIso = (t: number) => new Date(t).toISOString();
const fromIso = (s: string) => Date.parse(s);

export function postToBackup(p: PostRow): BackupPost {
  return {
    id: p.id, subreddit: p.subreddit, title: p.title, author: p.author, permalink: p.permalink, url: p.url, flair: p.flair,
    createdAt: toIso(p.createdAt), score: p.score, comments: p.comments, body: p.body, scoreHidden: p.scoreHidden,
    postType: p.postType, domain: p.domain, nsfw: p.nsfw, spoiler: p.spoiler, stickied: p.stickied, locked: p.locked,
    crosspost: p.crosspost, firstSeenAt: toIso(p.firstSeenAt), lastSeenAt: toIso(p.lastSeenAt),
  };
}

/** A backup post as the capture record it stands for, seen at its lastSeenAt. */
export function backupToCaptured(p: BackupPost, exportedAt: number): CapturedPost & { firstSeenAt: number } {
  const lastSeenAt = p.lastSeenAt ? fromIso(p.lastSeenAt) : exportedAt;
  return {
    id: p.id, subreddit: p.subreddit, title: p.title, author: p.author, permalink: p.permalink, url: p.url, flair: p.flair,
    createdAt: fromIso(p.createdAt), score: p.score, scoreHidden: p.scoreHidden, comments: p.comments, body: p.body,
    postType: p.postType, domain: p.domain, nsfw: p.nsfw, spoiler: p.spoiler, stickied: p.stickied, locked: p.locked,
    crosspost: p.crosspost, layout: 'unknown', seenAt: lastSeenAt, firstSeenAt: p.firstSeenAt ? fromIso(p.firstSeenAt) : lastSeenAt,
  };
}

export function sightingFromBackup(s: Backup['sightings'][number]): SightingRow {
  return { postId: s.postId, at: fromIso(s.at), score: s.score, comments: s.comments };
}

/** Everything the user captured (never the sample data). */
export async function exportBackup(db: RadarDB, now = Date.now()): Promise<Backup> {
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
      sightings: sightings.map((s) => ({ postId: s.postId, at: toIso(s.at), score: s.score, comments: s.comments })),
      comments: comments.map((c) => ({
        id: c.id, postId: c.postId, parentId: c.parentId, author: c.author, score: c.score, depth: c.depth,
        createdAt: c.createdAt == null ? null : toIso(c.createdAt), body: c.body,
        firstSeenAt: toIso(c.firstSeenAt), lastSeenAt: toIso(c.lastSeenAt),
      })),
    };
  });
}

export interface ImportReport {
  postsAdded: number;
  postsUpdated: number;
  sightingsAdded: number;
  commentsAdded: number;
}

/** Merges a parsed backup by id. Runs in one transaction: on any failure nothing changes. */
export async function importBackup(db: RadarDB, backup: Backup): Promise<ImportReport> {
  const exportedAt = fromIso(backup.exportedAt);
  return db.transaction('rw', [db.posts, db.sightings, db.comments, db.stats], async () => {
    const report: ImportReport = { postsAdded: 0, postsUpdated: 0, sightingsAdded: 0, commentsAdded: 0 };
    const sightings = backup.sightings.map(sightingFromBackup);
    const lastSighting = new Map<string, number>();
    for (const s of sightings) lastSighting.set(s.postId, Math.max(lastSighting.get(s.postId) ?? 0, s.at));

    const captured = backup.posts.map((p) => backupToCaptured(p, exportedAt));
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
    report.sightingsAdded = fresh.length;

    const prevComments = await db.comments.bulkGet(backup.comments.map((c) => c.id));
    const commentRows: CommentRow[] = backup.comments.map(({ firstSeenAt, lastSeenAt, ...c }, i) => {
      if (!prevComments[i]) report.commentsAdded++;
      const seenAt = lastSeenAt ? fromIso(lastSeenAt) : exportedAt;
      const row = mergeComment(prevComments[i], { ...c, createdAt: c.createdAt == null ? null : fromIso(c.createdAt), seenAt });
      return { ...row, firstSeenAt: Math.min(row.firstSeenAt, firstSeenAt ? fromIso(firstSeenAt) : seenAt) };
    });
    await db.comments.bulkPut(commentRows);
    await refreshStats(db);
    return report;
  });
}
