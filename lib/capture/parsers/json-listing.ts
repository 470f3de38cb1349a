/**
 * Reddit's JSON API (`/r/<sub>/hot.json`, a post's `.json`), as a browser shows it when the user opens
 * such a URL. Times are epoch seconds there.
 */
import { parseEpoch } from '../../reddit/time';
import { absoluteUrl, permalinkPath, permalinkUrl } from '../../reddit/urls';
import { collapse } from '../../reddit/text';
import { fullname, postIdFromBase36 } from '../../reddit/ids';
import type { CapturedComment, CapturedPost, ParseResult } from '../types';
import { emptyResult } from '../types';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

export function parseJsonPost(d: Json, seenAt: number): CapturedPost | 'ad' | null {
  const subreddit = str(d.subreddit) ?? '';
  if (d.promoted === true) return 'ad';
  const id = fullname(str(d.name) ?? postIdFromBase36(str(d.id)), 't3');
  const permalink = permalinkPath(str(d.permalink));
  const title = collapse(str(d.title));
  const createdAt = parseEpoch(typeof d.created_utc === 'number' ? d.created_utc : NaN);
  const score = int(d.score);
  const comments = int(d.num_comments);
  if (!id || !subreddit || !permalink || !title || createdAt == null || score == null || comments == null) return null;
  const body = str(d.selftext);
  const flair = collapse(str(d.link_flair_text));
  return {
    id,
    subreddit,
    title,
    author: str(d.author),
    permalink,
    url: absoluteUrl(str(d.url)) ?? permalinkUrl(permalink),
    flair: flair || null,
    createdAt,
    score,
    scoreHidden: d.hide_score === true,
    comments,
    body: body && body.trim() ? body.trim() : null,
    postType: d.is_self === true ? 'text' : str(d.post_hint),
    domain: str(d.domain),
    nsfw: d.over_18 === true,
    spoiler: d.spoiler === true,
    stickied: d.stickied === true,
    locked: d.locked === true,
    crosspost: Array.isArray(d.crosspost_parent_list) && d.crosspost_parent_list.length > 0,
    crosspostParent: fullname(str(d.crosspost_parent), 't3'),
    layout: 'json',
    seenAt,
  };
}

/** Reddit's own threads stop at depth 10 ("continue this thread"); a parser needs no more than this. */
const MAX_DEPTH = 1_000;

const isGone = (s: string | null) => s === '[deleted]' || s === '[removed]';

function parseJsonComment(d: Json, depth: number, seenAt: number): CapturedComment | null {
  const id = fullname(str(d.name), 't1');
  const postId = fullname(str(d.link_id), 't3');
  if (!id || !postId) return null;
  const parent = str(d.parent_id);
  // Reddit's API writes "[deleted]" / "[removed]" in place of a gone comment's author and text.
  const deleted = isGone(str(d.body)) && (isGone(str(d.author)) || d.author == null);
  return {
    id,
    postId,
    parentId: parent?.startsWith('t1_') ? parent : null,
    author: deleted ? null : str(d.author),
    score: deleted || d.score_hidden === true ? null : int(d.score),
    depth: int(d.depth) ?? depth,
    createdAt: parseEpoch(typeof d.created_utc === 'number' ? d.created_utc : NaN),
    body: deleted ? null : (str(d.body) ?? '').trim(),
    deleted,
    seenAt,
  };
}

/** A Listing, or a post's `[Listing(t3), Listing(t1)]`. Throws a clear error on anything else. */
export function parseJsonListing(value: unknown, seenAt: number): ParseResult {
  const out = emptyResult();
  const listings = Array.isArray(value) ? value : [value];
  // A thread is walked with a list, not recursion: a hostile answer nested 10,000 deep must not overflow
  // the stack; nothing deeper than MAX_DEPTH is read.
  const walkComments = (top: unknown) => {
    const stack: [unknown, number][] = [];
    const push = (children: unknown, depth: number) => {
      if (Array.isArray(children)) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth]);
    };
    push(top, 0);
    while (stack.length) {
      const [child, depth] = stack.pop()!;
      const c = obj(child);
      const d = obj(c?.data);
      if (!d || c?.kind !== 't1') continue;
      const comment = parseJsonComment(d, depth, seenAt);
      if (comment) out.comments.push(comment);
      else out.skipped++;
      if (depth < MAX_DEPTH) push(obj(obj(d.replies)?.data)?.children, depth + 1);
    }
  };
  for (const l of listings) {
    const listing = obj(l);
    if (listing?.kind !== 'Listing') throw new Error('not a Reddit JSON listing: expected {"kind":"Listing",…}');
    const children = obj(listing.data)?.children;
    if (!Array.isArray(children)) throw new Error('Reddit JSON listing has no data.children array');
    for (const child of children) {
      const c = obj(child);
      const d = obj(c?.data);
      if (c?.kind === 't3') {
        const post = d && parseJsonPost(d, seenAt);
        if (post === 'ad') out.ads++;
        else if (post) out.posts.push(post);
        else out.skipped++;
      }
    }
    walkComments(children);
  }
  return out;
}
