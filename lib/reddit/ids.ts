/**
 * Reddit's ids ("fullnames"): a kind prefix and a base-36 id. `t3_1psbx2q` is a post, `t1_nv6xk2b` a
 * comment. Every check or construction of an id in the extension goes through this file.
 */
export type IdKind = 't1' | 't3';

/** A post's fullname, as stored: `t3_` and 1 to 16 base-36 characters, lower case. */
export const POST_ID = /^t3_[0-9a-z]{1,16}$/;
/** A comment's fullname. */
export const COMMENT_ID = /^t1_[0-9a-z]{1,16}$/;
/** A base-36 id without its kind, as it appears in URLs (`/comments/1psbx2q/`). */
export const BASE36_ID = /^[0-9a-z]{1,16}$/i;

/** The fullname of the given kind, lower-cased, or null when `value` is not one. */
export function fullname(value: string | null | undefined, kind: IdKind): string | null {
  const s = (value ?? '').trim().toLowerCase();
  return (kind === 't3' ? POST_ID : COMMENT_ID).test(s) ? s : null;
}

/** `t3_<id>` from a bare base-36 id (`1psbx2q`), or null. */
export function postIdFromBase36(id: string | null | undefined): string | null {
  return id && BASE36_ID.test(id) ? `t3_${id.toLowerCase()}` : null;
}

/** `t1_<id>` from a bare base-36 id, or null. */
export function commentIdFromBase36(id: string | null | undefined): string | null {
  return id && BASE36_ID.test(id) ? `t1_${id.toLowerCase()}` : null;
}

/** The base-36 part of a fullname: `t3_1psbx2q` → `1psbx2q`. */
export function bareId(fullname: string): string {
  return fullname.replace(/^t[13]_/, '');
}

export function isPostId(value: unknown): value is string {
  return typeof value === 'string' && POST_ID.test(value);
}

export function isCommentId(value: unknown): value is string {
  return typeof value === 'string' && COMMENT_ID.test(value);
}
