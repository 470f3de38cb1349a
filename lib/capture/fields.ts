/**
 * A captured post and a captured comment, declared here and nowhere else. Two tables with the same keys,
 * one line per field in each (the compiler refuses a field in one and not the other):
 *  - POST_FIELDS / COMMENT_FIELDS: each field's rule, checked by the content script before sending, by
 *    the background on receipt, by keeping communities fresh and on import; `unset(…)` marks a field a
 *    page may not show (parsers that see little start from POST_DEFAULTS). The content script carries
 *    this table, and only this one (its budget is 25 kB; valibot alone took 9 kB).
 *  - POST_KEEPING / COMMENT_KEEPING: how a newer sighting merges into the stored row, and how a backup
 *    writes the field.
 * Derived from them: the CapturedPost and CapturedComment types (lib/capture/types.ts), POST_DEFAULTS,
 * the field shapes (lib/capture/schema.ts), the stored rows (lib/db/schema.ts), the merge of a sighting
 * (lib/db/posts.ts, lib/db/comments.ts), and the backup's records with their conversions
 * (lib/export/backup-format.ts). Adding a field is a line in each table plus the parsers that read it;
 * test/capture/fields.test.ts round-trips every declared field through capture, store, backup and import.
 */
import { PERMALINK } from '../reddit/urls';
import { COMMENT_ID, POST_ID } from '../reddit/ids';
import { COMMUNITY_NAME } from '../reddit/names';
import { MAX_TIME, MIN_TIME } from '../reddit/time';

/** A run-time check of one value, which also tells the compiler the value's type. */
export type Rule<T = unknown> = (v: unknown) => v is T;
/** A record's checks, one per field. */
export type Shape<T> = { [K in keyof T]-?: (v: unknown) => boolean };

export const int = (min: number, max: number): Rule<number> => (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
export const str = (max: number, re?: RegExp, min = 0): Rule<string> => (v): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max && (!re || re.test(v));
export const nullable = <T>(r: Rule<T>): Rule<T | null> => (v): v is T | null => v === null || r(v);
/** One line of text: no line breaks, no other control characters, no bidi overrides (they reorder what a reader sees). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the rule refuses
const LINE = /^[^\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]*$/;
export const line = (max: number, min = 0): Rule<string> => str(max, LINE, min);
export const bool: Rule<boolean> = (v): v is boolean => typeof v === 'boolean';
const time = int(MIN_TIME, MAX_TIME);
const count = int(-1e9, 1e9);
const postId = str(20, POST_ID);
const commentId = str(20, COMMENT_ID);
const LAYOUTS = ['new', 'old', 'json', 'unknown'] as const;
const layout = (v: unknown): v is (typeof LAYOUTS)[number] => LAYOUTS.includes(v as never);

/**
 * How one more sighting changes a stored field:
 *  - `first`: the first known value stays (ids, community, creation time, depth);
 *  - `latest`: the newest sighting's value;
 *  - `known`: the newest sighting's value where it shows one, else what was known;
 *  - `sticky`: once true, stays true (NSFW, spoiler, crosspost, deleted);
 *  - `score`: the post's score, its hidden flag and its history points: mergePost's own rule;
 *  - `seen`: not stored as it is: it becomes firstSeenAt and lastSeenAt;
 *  - `page`: not stored: what rendered the page.
 */
export type Merge = 'first' | 'latest' | 'known' | 'sticky' | 'score' | 'seen' | 'page';

/**
 * How a backup writes the field: `value` as it is; `time` as ISO 8601 (`time?` where it may be null);
 * `flag` false where an older file lacks it; `added` null where an older file lacks it; `seen` as
 * firstSeenAt and lastSeenAt; `none`: not written (read back as "unknown").
 */
export type Kept = 'value' | 'time' | 'time?' | 'flag' | 'added' | 'seen' | 'none';

/** How a field is stored and kept: its merge rule, and how a backup writes it where not as it is. */
export type Keeping = readonly [Merge] | readonly [Merge, Kept];

declare const UNSET: unique symbol;
/** The rule of a field a page may not show: unset, it is null (or false for a flag). */
type UnsetRule<T> = Rule<T> & { readonly [UNSET]: true };
const unsetRules = new WeakSet<Rule>();
const unset = <T>(rule: Rule<T>): UnsetRule<T> => {
  const marked = (v: unknown): v is T => rule(v);
  unsetRules.add(marked);
  return marked as UnsetRule<T>;
};

/** A post as the page showed it at one moment. Times are UTC epoch milliseconds. */
export const POST_FIELDS = {
  /** Reddit fullname, `t3_…`. */
  id: postId,
  /** Community name as Reddit capitalizes it, without `r/`. */
  subreddit: str(32, COMMUNITY_NAME),
  title: line(2_000, 1),
  /** Null where the page does not show the author (new Reddit search results). */
  author: unset(nullable(line(64))),
  /** Path on reddit.com, `/r/<sub>/comments/<id>/<slug>/`. */
  permalink: str(2_000, PERMALINK),
  /** Outbound URL for link posts, the permalink's full URL for self posts. */
  url: str(4_000, /^https?:\/\//),
  flair: unset(nullable(line(200))),
  createdAt: time,
  /**
   * Exact score from an attribute. Null where the page shows no real number: young posts (new Reddit
   * leaves `score` off, old Reddit shows "•"), hidden scores. The store then keeps what it knew (a known
   * score, or unknown) and writes no sighting; an unknown score never counts as 0 in a table or a rate.
   */
  score: nullable(count),
  /** True where Reddit shows "•" (or nothing) instead of the score. */
  scoreHidden: bool,
  comments: int(0, 1e8),
  /** Self-text, only where the page shows it whole (a post page). Never erased by a sighting that lacks it. */
  body: unset(nullable(str(200_000))),
  postType: unset(nullable(str(40))),
  domain: unset(nullable(str(300))),
  nsfw: unset(bool),
  spoiler: unset(bool),
  stickied: unset(bool),
  locked: unset(bool),
  crosspost: unset(bool),
  /** For a crosspost: the original post's id (`t3_…`), where the page says it; stories group on it. */
  crosspostParent: unset(nullable(postId)),
  /** Which Reddit front end rendered the page: decided from the DOM, never the hostname. */
  layout,
  /** When the page showed it. */
  seenAt: time,
};

/** How each post field is stored and kept (same keys as POST_FIELDS: the compiler refuses a field in one only). */
export const POST_KEEPING = {
  id: ['first'],
  subreddit: ['first'],
  title: ['latest'],
  author: ['known'],
  permalink: ['latest'],
  url: ['latest'],
  flair: ['known'],
  createdAt: ['first', 'time'],
  score: ['score'],
  scoreHidden: ['score', 'flag'],
  comments: ['latest'],
  body: ['known'],
  postType: ['known', 'added'],
  domain: ['known', 'added'],
  nsfw: ['sticky', 'flag'],
  spoiler: ['sticky', 'flag'],
  stickied: ['latest', 'flag'],
  locked: ['latest', 'flag'],
  crosspost: ['sticky', 'flag'],
  crosspostParent: ['known', 'added'],
  layout: ['page', 'none'],
  seenAt: ['seen', 'seen'],
} as const satisfies KeepingOf<typeof POST_FIELDS>;

export const COMMENT_FIELDS = {
  /** `t1_…` */
  id: commentId,
  /** `t3_…` */
  postId,
  /** `t1_…` of the parent comment; null for a top-level comment. */
  parentId: nullable(commentId),
  author: nullable(str(64)),
  /** Null where the page shows no score (deleted, hidden). */
  score: nullable(count),
  depth: int(0, 1_000),
  createdAt: nullable(time),
  /** Null for a deleted or removed comment (its text is gone); text captured once is never erased. */
  body: nullable(str(100_000)),
  /** Deleted or removed on Reddit: kept as a row so its replies keep their true parent and depth. */
  deleted: bool,
  seenAt: time,
};

/** How each comment field is stored and kept. */
export const COMMENT_KEEPING = {
  id: ['first'],
  postId: ['first'],
  parentId: ['first'],
  author: ['known'],
  score: ['known'],
  depth: ['first'],
  createdAt: ['first', 'time?'],
  body: ['known'],
  deleted: ['sticky', 'flag'],
  seenAt: ['seen', 'seen'],
} as const satisfies KeepingOf<typeof COMMENT_FIELDS>;

/** A table of field rules. */
export type Fields = Record<string, Rule>;
export type KeepingOf<F> = { [K in keyof F]: Keeping };
/** The record a table of fields declares. */
export type RecordOf<F> = { -readonly [K in keyof F]: F[K] extends Rule<infer T> ? T : never };
type KeptOf<E> = E extends readonly [Merge, infer K] ? K : 'value';
type KeptAs<K, T> = K extends 'time' ? string : K extends 'time?' ? string | null : T;
/** The record a backup writes for a table of fields and its keeping (lib/export/backup-format.ts). */
export type BackupRecordOf<F, P extends KeepingOf<F>> = {
  -readonly [K in keyof F as KeptOf<P[K]> extends 'none' | 'seen' ? never : K]: KeptAs<KeptOf<P[K]>, RecordOf<F>[K]>;
} & { firstSeenAt?: string; lastSeenAt?: string };
type UnsetKeys<F> = { [K in keyof F]: F[K] extends { readonly [UNSET]: true } ? K : never }[keyof F];

/** The values of the fields a page may not show. */
export function unsetOf<F extends Fields>(fields: F): Pick<RecordOf<F>, UnsetKeys<F>> {
  const values: Record<string, unknown> = {};
  for (const key in fields) if (unsetRules.has(fields[key]!)) values[key] = fields[key]!(null) ? null : false;
  return values as Pick<RecordOf<F>, UnsetKeys<F>>;
}

const isKnown = (v: unknown) => v != null && v !== '';

/** The fields a row stores as they are, with their merge rules (`score`, `seen` and `page` left to the caller). */
export function mergedFields<P extends Record<string, Keeping>>(keeping: P): [keyof P & string, Merge][] {
  return Object.entries(keeping)
    .filter(([, [merge]]) => merge !== 'score' && merge !== 'seen' && merge !== 'page')
    .map(([key, [merge]]) => [key, merge]);
}

/**
 * One field after one more sighting, by its merge rule (`score`, `seen` and `page` are the caller's).
 * `newer`: the sighting is at least as recent as the row's last.
 */
export function mergeValue(merge: Merge, stored: unknown, seen: unknown, newer: boolean): unknown {
  switch (merge) {
    case 'first':
      return stored ?? seen;
    case 'latest':
      return newer ? seen : stored;
    case 'known':
      return newer ? (isKnown(seen) ? seen : (stored ?? null)) : isKnown(stored) ? stored : (seen ?? null);
    case 'sticky':
      return Boolean(stored) || Boolean(seen);
    default:
      return stored;
  }
}
