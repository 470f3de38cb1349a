/**
 * The JSON backup's format: what users keep, what `npm run report` reads, what import merges. Versioned;
 * documented in docs/formats.md ("JSON backup"). Pure (no Dexie, no browser): the types, the checks with
 * capture's own field rules, errors in plain words, and the conversions to and from capture records.
 * lib/db/backup.ts reads and writes the database with it.
 */
import * as v from 'valibot';
import type { CapturedComment, CapturedPost } from '../capture/types';
import { CapturedCommentShape, CapturedPostShape, FIELD_RULES, invalidField } from '../capture/schema';
import { COMMENT_KEEPING, POST_KEEPING, type BackupRecordOf, type COMMENT_FIELDS, type Kept, type Keeping, type POST_FIELDS } from '../capture/fields';
import { parseRedditTime } from '../reddit/time';
import { isCommunityName } from '../reddit/names';
import { isPostId } from '../reddit/ids';
import { PERMALINK } from '../reddit/urls';
import { MAX_FOLLOWS, MAX_WATCHES, type Follow, type Watch } from '../settings/shape';
import { RESERVED_IDS } from '../settings/rules';

export const BACKUP_FORMAT = 'reddit-trend-radar';

/** Whether every item's key is its own. */
const distinct =
  <T>(key: (item: T) => string) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;
/** Version 2 adds the watches and followed posts (optional; a version 1 file reads as having none). */
export const BACKUP_VERSION = 2;
const READS = [1, 2] as const;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]00:?00)$/;
const NOT_ISO = 'expected an ISO 8601 UTC time such as 2025-12-21T17:28:00.000Z';
const NOT_A_DATE = 'not a real date between 2005 and now';
const iso = v.pipe(
  v.string(),
  v.regex(ISO, NOT_ISO),
  // Read as capture reads times: 2025-02-31 is no date (Date.parse would roll it over to March 3).
  v.check((s) => parseRedditTime(s) != null, NOT_A_DATE),
);
const num = v.number();

// `source`: "refresh" for a point read by keeping communities fresh; absent for one seen on screen.
const BackupSighting = v.object({ postId: v.string(), at: iso, score: num, comments: num, source: v.optional(v.picklist(['refresh'])) });

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
// The settings' own bounds (lib/settings/rules.ts): a watch or follow read here always fits them.
const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)));
const BackupWatch = v.object({
  id: v.pipe(
    v.string(),
    v.regex(/^[\w-]{1,64}$/, 'expected an id of letters, digits, "_" or "-"'),
    v.check((id) => !RESERVED_IDS.has(id), 'expected an id that is not a reserved word such as "__proto__"'),
  ),
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
  permalink: v.pipe(v.string(), v.maxLength(2_000), v.check((p) => PERMALINK.test(p), 'expected a Reddit post path such as "/r/LocalLLaMA/comments/1psbx2q/title/"')),
  score: v.pipe(v.number(), v.integer('expected a whole number'), v.minValue(-1e9), v.maxValue(1e9)),
  comments: v.pipe(v.number(), v.integer('expected a whole number'), v.minValue(0), v.maxValue(1e8)),
  more: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e6)),
  createdAt: iso,
});

const BackupHead = v.object({
  format: v.literal(BACKUP_FORMAT, `expected "format": "${BACKUP_FORMAT}"`),
  version: v.picklist(READS, `expected "version": 1 or 2 (this build reads versions ${READS.join(' and ')})`),
  exportedAt: iso,
  posts: v.array(v.unknown()),
  sightings: v.array(v.unknown()),
  comments: v.array(v.unknown()),
  // Version 2 (absent in version 1 files: none). Bounded here already: a file of 100,000 watches is refused before anything is read of it.
  watches: v.optional(v.pipe(v.array(BackupWatch), v.maxLength(10 * MAX_WATCHES, `expected at most ${10 * MAX_WATCHES} watches`), v.check(distinct((w) => w.id), 'expected each watch id once')), []),
  follows: v.optional(v.pipe(v.array(BackupFollow), v.maxLength(10 * MAX_FOLLOWS, `expected at most ${10 * MAX_FOLLOWS} followed posts`), v.check(distinct((f) => f.postId), 'expected each followed post once')), []),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  /** Always the current version once read (a version 1 file is migrated: no watches, no follows). */
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  /** Every field of lib/capture/fields.ts but what rendered the page, times as ISO 8601. */
  posts: BackupRecordOf<typeof POST_FIELDS, typeof POST_KEEPING>[];
  sightings: v.InferOutput<typeof BackupSighting>[];
  comments: BackupRecordOf<typeof COMMENT_FIELDS, typeof COMMENT_KEEPING>[];
  watches: v.InferOutput<typeof BackupWatch>[];
  follows: v.InferOutput<typeof BackupFollow>[];
}
export type BackupPost = Backup['posts'][number];
export type BackupComment = Backup['comments'][number];

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
    const where = `posts[${i}]`;
    const { record, firstSeenAt } = checkedRecord<CapturedPost>(POST_KEEPING, CapturedPostShape, raw, where, exportedAt);
    for (const [field, t] of [['createdAt', record.createdAt], ['lastSeenAt', record.seenAt], ['firstSeenAt', firstSeenAt]] as const)
      if (t > latest) throw new BackupError(`${where}.${field}: expected a time before now (got ${new Date(t).toISOString()})`);
    if (firstSeenAt > record.seenAt) throw new BackupError(`${where}.firstSeenAt: expected a time before lastSeenAt`);
    posts.push(postToBackup({ ...record, firstSeenAt, lastSeenAt: record.seenAt }));
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
    const where = `comments[${i}]`;
    const { record, firstSeenAt } = checkedRecord<CapturedComment>(COMMENT_KEEPING, CapturedCommentShape, raw, where, exportedAt);
    if (record.seenAt > latest || firstSeenAt > latest) throw new BackupError(`${where}.lastSeenAt: expected a time before now`);
    comments.push(commentToBackup({ ...record, firstSeenAt, lastSeenAt: record.seenAt }));
    if (++done % CHUNK === 0) yield done / total;
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: head.output.exportedAt, posts, sightings, comments, watches: head.output.watches, follows: head.output.follows };
}

/** A time a backup writes: ISO 8601 UTC, a real date. */
function timeOf(value: unknown, where: string): number {
  if (typeof value !== 'string' || !ISO.test(value)) throw new BackupError(`${where}: ${value === undefined ? 'missing' : NOT_ISO}`);
  if (parseRedditTime(value) == null) throw new BackupError(`${where}: ${NOT_A_DATE}`);
  return fromIso(value);
}

/**
 * A backup record as the capture record it stands for (seen at its lastSeenAt, or when the file was
 * written), and when it was first seen: each field converted by how the backup keeps it
 * (lib/capture/fields.ts). Throws a BackupError naming a time that is not one; the field rules are the
 * caller's.
 */
const keptOf = (keeping: Keeping): Kept => keeping[1] ?? 'value';

function recordFromBackup<R>(keeping: Record<string, Keeping>, raw: Record<string, unknown>, where: string, exportedAt: number): { record: R; firstSeenAt: number } {
  const record: Record<string, unknown> = {};
  let firstSeenAt = 0;
  for (const key in keeping) {
    const value = raw[key];
    switch (keptOf(keeping[key]!)) {
      case 'value':
        record[key] = value;
        break;
      case 'time':
        record[key] = timeOf(value, `${where}.${key}`);
        break;
      case 'time?':
        record[key] = value == null ? null : timeOf(value, `${where}.${key}`);
        break;
      case 'flag':
        record[key] = value ?? false;
        break;
      case 'added':
        record[key] = value ?? null;
        break;
      case 'seen':
        record[key] = raw.lastSeenAt == null ? exportedAt : timeOf(raw.lastSeenAt, `${where}.lastSeenAt`);
        firstSeenAt = raw.firstSeenAt == null ? (record[key] as number) : timeOf(raw.firstSeenAt, `${where}.firstSeenAt`);
        break;
      case 'none':
        // Not kept: read back as unknown (the only such field is the page's layout).
        record[key] = 'unknown';
    }
  }
  return { record: record as R, firstSeenAt };
}

/** The same, checked against capture's field rules: import never accepts what capture refuses. */
function checkedRecord<R>(keeping: Record<string, Keeping>, shape: object, raw: unknown, where: string, exportedAt: number) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new BackupError(`${where}: expected an object`);
  const read = recordFromBackup<R>(keeping, raw as Record<string, unknown>, where, exportedAt);
  const bad = invalidField(shape as never, read.record);
  if (bad) {
    const field = bad === 'seenAt' ? 'lastSeenAt' : bad;
    const value = (raw as Record<string, unknown>)[field];
    if (value === undefined && keeping[bad] && keptOf(keeping[bad]) === 'value') throw new BackupError(`${where}.${field}: missing`);
    throw fieldError(where, field, value);
  }
  return read;
}

/** A stored row (or a checked record) as a backup writes it: each field by how the backup keeps it. */
function backupRecord(keeping: Record<string, Keeping>, row: object & { firstSeenAt: number; lastSeenAt: number }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in keeping) {
    const value = (row as Record<string, unknown>)[key];
    switch (keptOf(keeping[key]!)) {
      case 'value':
        out[key] = value;
        break;
      case 'time':
        out[key] = toIso(value as number);
        break;
      case 'time?':
        out[key] = value == null ? null : toIso(value as number);
        break;
      case 'flag':
        out[key] = value ?? false;
        break;
      case 'added':
        out[key] = value ?? null;
        break;
      case 'seen':
        out.firstSeenAt = toIso(row.firstSeenAt);
        out.lastSeenAt = toIso(row.lastSeenAt);
    }
  }
  return out;
}

/** A stored post (or a checked one) as a backup writes it. */
export const postToBackup = (row: Omit<CapturedPost, 'seenAt' | 'layout'> & { firstSeenAt: number; lastSeenAt: number }) => backupRecord(POST_KEEPING, row) as BackupPost;
/** A stored comment (or a checked one) as a backup writes it. */
export const commentToBackup = (row: Omit<CapturedComment, 'seenAt' | 'deleted'> & { deleted?: boolean; firstSeenAt: number; lastSeenAt: number }) =>
  backupRecord(COMMENT_KEEPING, row) as BackupComment;

/**
 * The longest text a backup holds, as JSON writes it: a post's body of 200,000 characters, each escaped
 * in at most 6 (\uXXXX). A file with a longer string is refused before it is parsed whole (a 27 MB file
 * of huge strings froze Options 4.3 s before its fields were refused).
 */
export const MAX_JSON_STRING = 6 * 200_000 + 2;

/** A backup file larger than this is refused before it is read: a page cannot hold it as one text. */
export const MAX_BACKUP_BYTES = 1024 ** 3;

/** Checks a file's size before anything of it is read. */
export function checkBackupSize(bytes: number): void {
  if (bytes > MAX_BACKUP_BYTES) throw new BackupError(`a file of ${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB; a backup this extension reads is at most ${(MAX_BACKUP_BYTES / 1024 ** 2).toLocaleString('en')} MB`);
}

/** Where the first string longer than `max` starts, and its length, or null: one pass of indexOf over the quotes. */
export function overlongString(text: string, max = MAX_JSON_STRING): { at: number; length: number } | null {
  for (let open = text.indexOf('"'); open >= 0; ) {
    let close = text.indexOf('"', open + 1);
    // An escaped quote ends nothing: an odd number of backslashes before it.
    for (;;) {
      if (close < 0) return null;
      let slashes = 0;
      while (text.charCodeAt(close - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    if (close - open - 1 > max) return { at: open, length: close - open - 1 };
    open = text.indexOf('"', close + 1);
  }
  return null;
}

function readJson(text: string): unknown {
  const long = overlongString(text);
  if (long)
    throw new BackupError(`a text of ${long.length.toLocaleString('en')} characters at character ${long.at.toLocaleString('en')} of the file; no field of a backup holds more than 200,000 (a post's body)`);
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

/** A backup post (already checked) as the capture record it stands for, seen at its lastSeenAt. */
export function backupToCaptured(p: BackupPost, exportedAt: number): CapturedPost & { firstSeenAt: number } {
  const { record, firstSeenAt } = recordFromBackup<CapturedPost>(POST_KEEPING, p, 'post', exportedAt);
  return { ...record, firstSeenAt };
}

/** A backup comment (already checked) as the capture record it stands for. */
export function backupToComment(c: BackupComment, exportedAt: number): CapturedComment & { firstSeenAt: number } {
  const { record, firstSeenAt } = recordFromBackup<CapturedComment>(COMMENT_KEEPING, c, 'comment', exportedAt);
  return { ...record, firstSeenAt };
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
  /** Watches and followed posts of the file not added: the user's would have passed MAX_WATCHES, MAX_FOLLOWS. */
  watchesRefused?: number;
  followsRefused?: number;
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

