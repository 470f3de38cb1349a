/**
 * Checking what a refresh read, item by item (pure). The listing is parsed by capture's own JSON parser
 * and each record checked by capture's field rules; on top, what only a fetched answer can get wrong:
 * posts of another community, a thread's comments of another post, times in the future, more items than
 * a listing holds. Each refused item is counted with its reason; the rest is stored.
 */
import { parseJsonListing } from '../capture/parsers/json-listing';
import { CapturedCommentShape, CapturedPostShape, invalidField } from '../capture/schema';
import type { CapturedComment, CapturedPost } from '../capture/types';
import { sameCommunity } from '../reddit/names';
import type { Job } from './plan';

export interface CheckedAnswer {
  posts: CapturedPost[];
  comments: CapturedComment[];
  /** Reason → items refused for it. */
  refused: Record<string, number>;
}

/** More than a listing of 100 posts or a thread of 200 comments can hold: the rest is refused. */
export const MAX_POSTS = 500;
export const MAX_COMMENTS = 5_000;
/** A post created later than this after the request is refused (clocks differ by seconds, not hours). */
const FUTURE_MS = 10 * 60_000;

/** The checked records of an answer; throws (the answer is not a listing) with a plain message. */
export function checkAnswer(value: unknown, job: Job, now: number): CheckedAnswer {
  const parsed = parseJsonListing(value, now);
  const refused: Record<string, number> = {};
  const refuse = (reason: string) => (refused[reason] = (refused[reason] ?? 0) + 1);
  if (parsed.ads) refused['promoted'] = parsed.ads;
  if (parsed.skipped) refused['unreadable'] = parsed.skipped;
  const posts: CapturedPost[] = [];
  for (const p of parsed.posts) {
    const bad = invalidField(CapturedPostShape, p);
    if (bad) refuse(`field ${bad}`);
    else if (job.kind === 'listing' && !sameCommunity(p.subreddit, job.community)) refuse('another community');
    else if (job.kind === 'thread' && p.id !== job.postId) refuse('another post');
    else if (p.createdAt > now + FUTURE_MS) refuse('created in the future');
    else if (posts.length >= MAX_POSTS) refuse('too many posts');
    else posts.push(p);
  }
  const comments: CapturedComment[] = [];
  for (const c of parsed.comments) {
    const bad = invalidField(CapturedCommentShape, c);
    if (bad) refuse(`field ${bad}`);
    else if (job.kind !== 'thread' || c.postId !== job.postId) refuse('another post');
    else if (c.createdAt != null && c.createdAt > now + FUTURE_MS) refuse('created in the future');
    else if (comments.length >= MAX_COMMENTS) refuse('too many comments');
    else comments.push(c);
  }
  return { posts, comments, refused };
}

/**
 * What the store already knows refuses the rest: a post id is one post in one community for good, a
 * comment id one comment of one post, so an answer that files a known id under another community (or
 * another post) is refused, never merged over what is stored.
 */
export function againstStored(checked: CheckedAnswer, stored: { posts: readonly ({ subreddit: string } | undefined)[]; comments: readonly ({ postId: string } | undefined)[] }): CheckedAnswer {
  const refused = { ...checked.refused };
  const refuse = (reason: string) => (refused[reason] = (refused[reason] ?? 0) + 1);
  const posts = checked.posts.filter((p, i) => {
    const known = stored.posts[i];
    if (known && !sameCommunity(known.subreddit, p.subreddit)) return refuse('a known post of another community'), false;
    return true;
  });
  const comments = checked.comments.filter((c, i) => {
    const known = stored.comments[i];
    if (known && known.postId !== c.postId) return refuse('a known comment of another post'), false;
    return true;
  });
  return { posts, comments, refused };
}

export const refusedCount = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
