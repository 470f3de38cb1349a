/**
 * The JSON backup's format: what users keep, what `npm run report` reads, what import merges. Versioned;
 * documented in docs/formats.md ("JSON backup"). Pure (no Dexie, no browser): the types, the checks with
 * capture's own field rules, errors in plain words, and the conversions to and from capture records.
 * lib/db/backup.ts reads and writes the database with it.
 */
import * as v from 'valibot';
import type { CapturedPost } from '../capture/types';
import { CapturedCommentShape, CapturedPostShape, FIELD_RULES, invalidField } from '../capture/schema';
import { parseRedditTime } from '../reddit/time';
import { isCommunityName } from '../reddit/names';
import { isPostId } from '../reddit/ids';
import { PERMALINK } from '../reddit/urls';
import type { Follow, Watch } from '../settings/shape';

export const BACKUP_FORMAT = 'reddit-trend-radar';
/** Version 2 adds the watches and followed posts (optional; a version 1 file reads as having none). */
export const BACKUP_VERSION = 2;
const READS = [1, 2] as const;

const iso = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]00:?00)$/, 'expected an ISO 8601 UTC time such as 2025-12-21T17:28:00.000Z'),
  // Read as capture reads times: 2025-02-31 is no date (Date.parse would roll it over to March 3).
  v.check((s) => parseRedditTime(s) != null, 'not a real date between 2005 and now'),
);
// Types and presence only: the field rules are capture's own (checkPost, checkComment below).
const num = v.number();

const BackupPost = v.object({
  id: v.string(),
  subreddit: v.string(),
  title: v.string(),
  author: v.nullable(v.string()),
  permalink: v.string(),
  url: v.string(),
  flair: v.nullable(v.string()),
  createdAt: iso,
  // Null while unknown (a young post, a hidden score); files written before it could be read as before.
  score: v.nullable(num),
  comments: num,
  body: v.nullable(v.string()),
  scoreHidden: v.optional(v.boolean(), false),
  postType: v.optional(v.nullable(v.string()), null),
  domain: v.optional(v.nullable(v.string()), null),
  nsfw: v.optional(v.boolean(), false),
  spoiler: v.optional(v.boolean(), false),
  stickied: v.optional(v.boolean(), false),
  locked: v.optional(v.boolean(), false),
  crosspost: v.optional(v.boolean(), false),
  crosspostParent: v.optional(v.nullable(v.string()), null),
  firstSeenAt: v.optional(iso),
  lastSeenAt: v.optional(iso),
});

// `source`: "refresh" for a point read by keeping communities fresh; absent for one seen on screen.
const BackupSighting = v.object({ postId: v.string(), at: iso, score: num, comments: num, source: v.optional(v.picklist(['refresh'])) });

const BackupComment = v.object({
  id: v.string(),
  postId: v.string(),
  parentId: v.nullable(v.string()),
  author: v.nullable(v.string()),
  score: v.nullable(num),
  depth: num,
  createdAt: v.nullable(iso),
  // Null, with deleted true, for a comment deleted or removed on Reddit (files written before these
  // fields existed read as before: text present, not deleted).
  body: v.nullable(v.string()),
  deleted: v.optional(v.boolean(), false),
  firstSeenAt: v.optional(iso),
  lastSeenAt: v.optional(iso),
});

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));
const BackupWatch = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'expected an id of letters, digits, "_" or "-"')),
  query: text(500),
  communities: v.pipe(v.array(v.pipe(v.string(), v.check(isCommunityName, 'expected a community name without r/'))), v.maxLength(100)),
  flair: text(200),
  minScore: count,
  minComments: count,
  alerts: v.boolean(),
  digest: v.optional(v.boolean()),
  createdAt: iso,
});
const BackupFollow = v.object({
  postId: v.pipe(v.string(), v.check((id: string) => isPostId(id), 'expected a post id such as "t3_1psbx2q"')),
  title: text(2_000),
  community: v.pipe(v.string(), v.check(isCommunityName, 'expected a community name without r/')),
  permalink: v.pipe(v.string(), v.check((p) => PERMALINK.test(p), 'expected a Reddit post path such as "/r/LocalLLaMA/comments/1psbx2q/title/"')),
  score: v.number(),
  comments: v.number(),
  more: v.pipe(v.number(), v.integer(), v.minValue(1)),
  createdAt: iso,
});

const BackupHead = v.object({
  format: v.literal(BACKUP_FORMAT, `expected "format": "${BACKUP_FORMAT}"`),
  version: v.picklist(READS, `expected "version": 1 or 2 (this build reads versions ${READS.join(' and ')})`),
  exportedAt: iso,
  posts: v.array(v.unknown()),
  sightings: v.array(v.unknown()),
  comments: v.array(v.unknown()),
  // Version 2. Absent in version 1 files: none.
  watches: v.optional(v.array(BackupWatch), []),
  follows: v.optional(v.array(BackupFollow), []),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  /** Always the current version once read (a version 1 file is migrated: no watches, no follows). */
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  posts: v.InferOutput<typeof BackupPost>[];
  sightings: v.InferOutput<typeof BackupSighting>[];
  comments: v.InferOutput<typeof BackupComment>[];
  watches: v.InferOutput<typeof BackupWatch>[];
  follows: v.InferOutput<typeof BackupFollow>[];
}
export type BackupPost = Backup['posts'][number];

export class BackupError extends Error {
  override name = 'BackupError';
}

const RECORD_KIND: Record<string, string> = { posts: 'Post', sightings: 'Score point', comments: 'Comment' };

/**
 * A BackupError in a reader's words, for the pages (the CLI keeps the exact field path): what is wrong,
 * where, and what to do. "format: missing" reads "This file is not a Reddit Trend Radar backup…".
 */
export function importProblem(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (!(e instanceof BackupError)) return `Something went wrong while reading the file (${message}). Nothing was changed; try again.`;
  if (/^not a JSON file/.test(message)) return 'This file is not JSON. Choose a .json file made with "Export backup".';
  if (/^(not a Reddit Trend Radar backup|format: )/.test(message))
    return 'This file is not a Reddit Trend Radar backup (it lacks "format": "reddit-trend-radar"). Choose a file made with "Export backup".';
  if (/^version: /.test(message)) return `This backup was made by another version of Reddit Trend Radar (${message.replace(/^version: /, '')}). Update the extension, then import it again.`;
  const head = /^(exportedAt|posts|sightings|comments): (.*)$/.exec(message);
  if (head)
    return head[2] === 'missing'
      ? `This backup is incomplete: it has no "${head[1]}". Export the backup again.`
      : `This backup's "${head[1]}" is wrong: ${head[2]}. Export the backup again.`;
  const record = /^(posts|sightings|comments)\[(\d+)\]\.?([\w.[\]]*): (.*)$/.exec(message);
  if (record) {
    const [, list, index, field, what] = record;
    return `${RECORD_KIND[list!]} ${Number(index) + 1} in the file has a bad "${field || 'record'}": ${what}. Nothing was imported. Fix or remove that record, or export the backup again.`;
  }
  return `The file could not be imported: ${message}. Nothing was changed.`;
}

/** A time may be up to a day ahead of the import (clocks differ); a later one is refused. */
const AHEAD_MS = 86_400_000;

function issueText(issues: readonly v.BaseIssue<unknown>[], prefix: string): string {
  const issue = issues[0]!;
  const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
  const field = `${prefix}${path}`.replace(/^\./, '');
  // "Invalid key: Expected "x" but received undefined" says, in a reader's words, that a field is missing.
  const message = issue.kind === 'schema' && issue.received === 'undefined' ? 'missing' : issue.message;
  return `${field || 'file'}: ${message}`;
}

function fieldError(where: string, field: string, value?: unknown): BackupError {
  const rule = FIELD_RULES[field];
  const shown = typeof value === 'string' ? ` (got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")` : typeof value === 'number' ? ` (got ${value})` : '';
  return new BackupError(`${where}.${field}: expected ${rule ?? 'a valid value'}${shown}`);
}

/**
 * Checks a backup in steps: the head, then every record against capture's own field rules (so import
 * never accepts what capture refuses), yielding progress after each chunk of records. The sync and
 * async drivers below run it.
 */
function* check(json: unknown, now: number): Generator<number, Backup> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new BackupError('not a Reddit Trend Radar backup: expected a JSON object');
  const head = v.safeParse(BackupHead, json);
  if (!head.success) throw new BackupError(issueText(head.issues, ''));
  const latest = now + AHEAD_MS;
  const exportedAt = fromIso(head.output.exportedAt);
  if (exportedAt > latest) throw new BackupError(`exportedAt: expected a time before now (got ${head.output.exportedAt})`);
  const total = head.output.posts.length + head.output.sightings.length + head.output.comments.length || 1;
  let done = 0;
  const CHUNK = 2_000;

  const posts: BackupPost[] = [];
  for (const [i, raw] of head.output.posts.entries()) {
    const r = v.safeParse(BackupPost, raw);
    if (!r.success) throw new BackupError(issueText(r.issues, `posts[${i}]`));
    const c = backupToCaptured(r.output, exportedAt);
    const bad = invalidField(CapturedPostShape, withoutFirstSeen(c));
    if (bad) throw fieldError(`posts[${i}]`, bad === 'seenAt' ? 'lastSeenAt' : bad, (r.output as Record<string, unknown>)[bad === 'seenAt' ? 'lastSeenAt' : bad]);
    for (const [field, t] of [['createdAt', c.createdAt], ['lastSeenAt', c.seenAt], ['firstSeenAt', c.firstSeenAt]] as const)
      if (t > latest) throw new BackupError(`posts[${i}].${field}: expected a time before now (got ${new Date(t).toISOString()})`);
    if (c.firstSeenAt > c.seenAt) throw new BackupError(`posts[${i}].firstSeenAt: expected a time before lastSeenAt`);
    posts.push(r.output);
    if (++done % CHUNK === 0) yield done / total;
  }
  const ids = new Set(posts.map((p) => p.id));
  const sightings: Backup['sightings'] = [];
  for (const [i, raw] of head.output.sightings.entries()) {
    const r = v.safeParse(BackupSighting, raw);
    if (!r.success) throw new BackupError(issueText(r.issues, `sightings[${i}]`));
    const s = r.output;
    if (!ids.has(s.postId)) throw new BackupError(`sightings[${i}].postId: no post ${s.postId.slice(0, 40)} in this backup`);
    if (!CapturedPostShape.score(s.score)) throw fieldError(`sightings[${i}]`, 'score', s.score);
    if (!CapturedPostShape.comments(s.comments)) throw fieldError(`sightings[${i}]`, 'comments', s.comments);
    if (fromIso(s.at) > latest) throw new BackupError(`sightings[${i}].at: expected a time before now (got ${s.at})`);
    sightings.push(s);
    if (++done % CHUNK === 0) yield done / total;
  }
  const comments: Backup['comments'] = [];
  for (const [i, raw] of head.output.comments.entries()) {
    const r = v.safeParse(BackupComment, raw);
    if (!r.success) throw new BackupError(issueText(r.issues, `comments[${i}]`));
    const { firstSeenAt, lastSeenAt, ...rest } = r.output;
    const seenAt = lastSeenAt ? fromIso(lastSeenAt) : exportedAt;
    const c = { ...rest, createdAt: rest.createdAt == null ? null : fromIso(rest.createdAt), seenAt };
    const bad = invalidField(CapturedCommentShape, c);
    if (bad) throw fieldError(`comments[${i}]`, bad === 'seenAt' ? 'lastSeenAt' : bad, (r.output as Record<string, unknown>)[bad === 'seenAt' ? 'lastSeenAt' : bad]);
    if (seenAt > latest || (firstSeenAt && fromIso(firstSeenAt) > latest)) throw new BackupError(`comments[${i}].lastSeenAt: expected a time before now`);
    comments.push(r.output);
    if (++done % CHUNK === 0) yield done / total;
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: head.output.exportedAt, posts, sightings, comments, watches: head.output.watches, follows: head.output.follows };
}

/** The capture record a backup post stands for, without the field capture does not have. */
function withoutFirstSeen(c: CapturedPost & { firstSeenAt?: number }): CapturedPost {
  const record = { ...c };
  delete record.firstSeenAt;
  return record;
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BackupError(`not a JSON file (${(e as Error).message})`);
  }
}

/** Parses and checks a backup file's text; throws a BackupError that says where and what is wrong. */
export function parseBackup(text: string, now = Date.now()): Backup {
  return checkBackup(readJson(text), now);
}

/** Checks a backup already parsed (a part a page sent as a message): the same rules, the same errors. */
export function checkBackup(json: unknown, now = Date.now()): Backup {
  const steps = check(json, now);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The same check, giving the page back between chunks and reporting progress (0..1). */
export async function parseBackupInSteps(text: string, onProgress?: (fraction: number) => void, now = Date.now()): Promise<Backup> {
  const steps = check(readJson(text), now);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    onProgress?.(r.value);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export const toIso = (t: number) => new Date(t).toISOString();
export const fromIso = (s: string) => Date.parse(s);

/** A backup post as the capture record it stands for, seen at its lastSeenAt. */
export function backupToCaptured(p: BackupPost, exportedAt: number): CapturedPost & { firstSeenAt: number } {
  const lastSeenAt = p.lastSeenAt ? fromIso(p.lastSeenAt) : exportedAt;
  return {
    id: p.id, subreddit: p.subreddit, title: p.title, author: p.author, permalink: p.permalink, url: p.url, flair: p.flair,
    createdAt: fromIso(p.createdAt), score: p.score, scoreHidden: p.scoreHidden, comments: p.comments, body: p.body,
    postType: p.postType, domain: p.domain, nsfw: p.nsfw, spoiler: p.spoiler, stickied: p.stickied, locked: p.locked,
    crosspost: p.crosspost, crosspostParent: p.crosspostParent ?? null, layout: 'unknown', seenAt: lastSeenAt, firstSeenAt: p.firstSeenAt ? fromIso(p.firstSeenAt) : lastSeenAt,
  };
}

export function sightingFromBackup(s: Backup['sightings'][number]): { postId: string; at: number; score: number; comments: number; source?: 'refresh' } {
  return { postId: s.postId, at: fromIso(s.at), score: s.score, comments: s.comments, ...(s.source ? { source: s.source } : {}) };
}

/** The watches and followed posts as a backup holds them (times as ISO 8601). */
export function watchesToBackup(watches: readonly Watch[], follows: readonly Follow[]): Pick<Backup, 'watches' | 'follows'> {
  return { watches: watches.map((w) => ({ ...w, createdAt: toIso(w.createdAt) })), follows: follows.map((f) => ({ ...f, createdAt: toIso(f.createdAt) })) };
}

/** A backup's watches and followed posts as the settings hold them. */
export function watchesFromBackup(b: Pick<Backup, 'watches' | 'follows'>): { watches: Watch[]; follows: Follow[] } {
  return { watches: b.watches.map((w) => ({ ...w, createdAt: fromIso(w.createdAt) })), follows: b.follows.map((f) => ({ ...f, createdAt: fromIso(f.createdAt) })) };
}

export interface ImportReport {
  postsAdded: number;
  postsUpdated: number;
  sightingsAdded: number;
  commentsAdded: number;
}

/** Posts merged per transaction: large files go in steps, so the page stays responsive and shows progress. */
export const IMPORT_CHUNK = 2_000;

/** One record per id: the one seen last (a file holding an id twice counts it once). */
export function lastById<T extends { id: string; lastSeenAt?: string }>(items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const prev = byId.get(item.id);
    if (!prev || (item.lastSeenAt ?? '') >= (prev.lastSeenAt ?? '')) byId.set(item.id, item);
  }
  return [...byId.values()];
}

/**
 * A parsed backup cut into parts of up to IMPORT_CHUNK posts, each with its posts' history and comments
 * (comments of posts not in the file, and the watches, go with the first part). A page sends the parts
 * to the background one message at a time: each part is one transaction, short enough for a service
 * worker Chrome may stop when idle, and the next message wakes it again.
 */
export function backupParts(backup: Backup): Backup[] {
  const posts = lastById(backup.posts);
  const comments = lastById(backup.comments);
  const sightingsOf = new Map<string, Backup['sightings']>();
  for (const s of backup.sightings) (sightingsOf.get(s.postId) ?? sightingsOf.set(s.postId, []).get(s.postId)!).push(s);
  const commentsOf = new Map<string, Backup['comments']>();
  for (const c of comments) (commentsOf.get(c.postId) ?? commentsOf.set(c.postId, []).get(c.postId)!).push(c);
  const inFile = new Set(posts.map((p) => p.id));
  const orphans = comments.filter((c) => !inFile.has(c.postId));
  const parts: Backup[] = [];
  for (let at = 0; at === 0 || at < posts.length; at += IMPORT_CHUNK) {
    const chunk = posts.slice(at, at + IMPORT_CHUNK);
    parts.push({
      ...backup,
      posts: chunk,
      sightings: chunk.flatMap((p) => sightingsOf.get(p.id) ?? []),
      comments: [...chunk.flatMap((p) => commentsOf.get(p.id) ?? []), ...(at === 0 ? orphans : [])],
      watches: at === 0 ? backup.watches : [],
      follows: at === 0 ? backup.follows : [],
    });
  }
  return parts;
}

