/**
 * Run-time checks of captured records (STYLE.md rule 7): types do not exist at run time, so the content
 * script checks what it sends and the background checks again what it receives. The same rules check
 * every record of an imported backup (lib/export/backup-format.ts): one set of field rules, with limits, whatever
 * the way in, declared with the fields themselves in lib/capture/fields.ts. FIELD_RULES says each rule in
 * words, for error messages.
 */
import { COMMENT_FIELDS, int, POST_FIELDS, str, type Shape } from './fields';
import { POST_ID } from '../reddit/ids';
import type { PageReport } from './health';
import type { CapturedComment, CapturedPost } from './types';

/** The field rules of a captured post and comment, from their declarations (lib/capture/fields.ts). */
export const CapturedPostShape: Shape<CapturedPost> = POST_FIELDS;
export const CapturedCommentShape: Shape<CapturedComment> = COMMENT_FIELDS;
const T3 = POST_ID;

const PageReportShape: Shape<PageReport> = { type: str(40, /^[a-z]+-[a-z]+$/), posts: int(0, 1e5), comments: int(0, 1e5), skipped: int(0, 1e5) };

export interface BodyPatch {
  postId: string;
  body: string;
}
export const BodyPatchShape: Shape<BodyPatch> = { postId: str(20, T3), body: str(200_000, undefined, 1) };

export interface CaptureBatch {
  /** Unique per batch; a batch sent again after no acknowledgement keeps its id. */
  batchId: string;
  /** Distinct posts captured in this tab so far, for the toolbar badge. */
  tabTotal: number;
  posts: unknown[];
  comments: unknown[];
  bodies?: unknown[];
  /** What the page's full read found (capture health), with the page's first batch. */
  page?: PageReport;
}
const list = (v: unknown) => Array.isArray(v) && v.length <= 5_000;
export const CaptureBatchShape: Shape<CaptureBatch> = {
  batchId: str(64, undefined, 8),
  tabTotal: int(0, 1e9),
  posts: list,
  comments: list,
  bodies: (v) => v === undefined || list(v),
  page: (v) => v === undefined || conforms(PageReportShape, v),
};

/** The first field that breaks its rule (or an unexpected field), or null if the object conforms. */
export function invalidField<T>(shape: Shape<T>, value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '(not an object)';
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(shape) as (keyof T & string)[]) if (!shape[key](obj[key])) return key;
  for (const key of Object.keys(obj)) if (!(key in shape)) return key;
  return null;
}

export function conforms<T>(shape: Shape<T>, value: unknown): value is T {
  return invalidField(shape, value) === null;
}

/** Keeps the records that pass, counts the ones that do not. */
export function validRecords<T>(shape: Shape<T>, items: unknown[]): { ok: T[]; rejected: number } {
  const ok: T[] = [];
  let rejected = 0;
  for (const item of items) {
    if (conforms(shape, item)) ok.push(item);
    else rejected++;
  }
  return { ok, rejected };
}

/** Each field's rule in words, for messages that name the first problem of a record. */
export const FIELD_RULES: Record<string, string> = {
  id: 'a Reddit id such as "t3_1psbx2q" (posts) or "t1_nv6xk2b" (comments)',
  postId: 'a post id such as "t3_1psbx2q"',
  parentId: 'null or a comment id such as "t1_nv6xk2b"',
  subreddit: 'a community name of 2 to 32 letters, digits or "_", without "r/"',
  title: 'one line of 1 to 2,000 characters, without control characters or bidi overrides',
  author: 'null or one line of up to 64 characters',
  permalink: 'a Reddit post path such as "/r/LocalLLaMA/comments/1psbx2q/title/"',
  url: 'an http(s) address of up to 4,000 characters',
  flair: 'null or one line of up to 200 characters',
  createdAt: 'a time between 2005 and now',
  seenAt: 'a time between 2005 and now',
  score: 'a whole number between -1,000,000,000 and 1,000,000,000 (or null where hidden)',
  comments: 'a whole number from 0 to 100,000,000',
  body: 'null or text of up to 200,000 characters (100,000 for a comment)',
  deleted: 'true or false',
  crosspostParent: 'null or a post id such as "t3_1psbx2q"',
  depth: 'a whole number from 0 to 1,000',
};

/** The background's answer to a batch. */
export interface CaptureAck {
  ok: boolean;
  /** Posts, comments written; records refused by validation. */
  stored: number;
  comments: number;
  rejected: number;
  /** Set when nothing was written: the sender keeps the batch and tries again later. */
  error?: string;
  /** Capture is switched off: the sender drops the batch and stops. */
  paused?: boolean;
}
