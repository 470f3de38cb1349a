import { COMMENT_FIELDS, POST_FIELDS, unsetOf, type RecordOf } from './fields';

/** A post as the page showed it at one moment: declared, field by field, in lib/capture/fields.ts. */
export type CapturedPost = RecordOf<typeof POST_FIELDS>;
/** A comment as the page showed it at one moment: declared in lib/capture/fields.ts. */
export type CapturedComment = RecordOf<typeof COMMENT_FIELDS>;
/** Which Reddit front end rendered the page: decided from the DOM, never the hostname. */
export type Layout = CapturedPost['layout'];

/** What one parse of a page (or of newly added elements) found. */
export interface ParseResult {
  posts: CapturedPost[];
  comments: CapturedComment[];
  /** Elements that looked like posts or comments but could not be read; counted, never stored. */
  skipped: number;
  /** Ads seen and left out. */
  ads: number;
}

export const emptyResult = (): ParseResult => ({ posts: [], comments: [], skipped: 0, ads: 0 });

/** What a page that shows little of a post (search results) leaves unknown or unset. */
export const POST_DEFAULTS = unsetOf(POST_FIELDS);
