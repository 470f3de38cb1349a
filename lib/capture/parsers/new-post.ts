/**
 * New Reddit `<shreddit-post>`: feeds (subreddit, home, popular, all, custom feeds, user pages) and the
 * post itself on a post page. Exact numbers from attributes; body only on a post page, where it is whole.
 */
import { NEW } from '../selectors';
import { attr, blockText, flag, intAttr, tryParse } from '../dom';
import { absoluteUrl, permalinkPath, permalinkUrl, postIdFromUrl } from '../../reddit/urls';
import { collapse } from '../../reddit/text';
import { communityName } from '../../reddit/names';
import { fullname } from '../../reddit/ids';
import { parseRedditTime } from '../../reddit/time';
import type { CapturedPost, ParseResult } from '../types';
import { emptyResult } from '../types';

export type ElementOutcome<T> = T | 'ad' | null;

export function parseShredditPost(el: Element, seenAt: number): ElementOutcome<CapturedPost> {
  if (flag(el, 'promoted') || el.classList.contains('promotedlink')) return 'ad';
  const id = fullname(attr(el, 'id') ?? attr(el, 'post-id'), 't3');
  const subreddit = attr(el, 'subreddit-name') ?? communityName(attr(el, 'subreddit-prefixed-name'));
  const permalink = permalinkPath(attr(el, 'permalink'));
  const title = collapse(attr(el, 'post-title') ?? el.querySelector(NEW.postTitle)?.textContent);
  const createdAt = parseRedditTime(attr(el, 'created-timestamp'));
  // Reddit leaves `score` off young posts, and off posts in communities that hide scores for a while:
  // such a post is kept with its score unknown (null), never as 0.
  const score = intAttr(el, 'score');
  const comments = intAttr(el, 'comment-count');
  // A score attribute that is there but no number ("14.6k") is unreadable markup, not a hidden score.
  if (!id || !subreddit || !permalink || !title || createdAt == null || comments == null || (score == null && el.hasAttribute('score'))) return null;
  const onPostPage = attr(el, 'view-context') === 'CommentsPage';
  const bodyEl = onPostPage ? el.querySelector(NEW.postBody) : null;
  const body = bodyEl ? blockText(bodyEl) : null;
  const postType = attr(el, 'post-type');
  const isCrosspost = flag(el, 'is-crosspost') || postType === 'crosspost';
  return {
    id,
    subreddit,
    title,
    author: attr(el, 'author') || null,
    permalink,
    url: absoluteUrl(attr(el, 'content-href')) ?? permalinkUrl(permalink),
    flair: readFlair(el),
    createdAt,
    score,
    scoreHidden: score == null,
    comments,
    body: body || null,
    postType,
    domain: attr(el, 'domain'),
    nsfw: flag(el, 'nsfw'),
    spoiler: flag(el, 'spoiler'),
    stickied: flag(el, 'stickied'),
    locked: flag(el, 'locked'),
    crosspost: isCrosspost,
    // A crosspost's outbound link is the original post.
    crosspostParent: isCrosspost ? postIdFromUrl(attr(el, 'content-href') ?? '') : null,
    layout: 'new',
    seenAt,
  };
}

function readFlair(post: Element): string | null {
  // The post's own flair chip, not one inside an embedded crosspost.
  const chip = [...post.querySelectorAll(NEW.postFlair)].find((f) => f.closest(NEW.post) === post);
  if (!chip) return null;
  const text = collapse(chip.textContent);
  if (text) return text;
  const label = chip.querySelector(NEW.flairLabel)?.getAttribute('aria-label');
  return label ? collapse(label.slice('Flair:'.length)) || null : null;
}

/** Every shreddit-post under `root`. */
export function parseNewPosts(root: ParentNode, seenAt: number): ParseResult {
  const out = emptyResult();
  out.ads = root.querySelectorAll(NEW.ad).length;
  for (const el of root.querySelectorAll(NEW.post)) collect(out, tryParse(() => parseShredditPost(el, seenAt)));
  return out;
}

export function collect(out: ParseResult, outcome: ElementOutcome<CapturedPost>): void {
  if (outcome === 'ad') out.ads++;
  else if (outcome === null) out.skipped++;
  else out.posts.push(outcome);
}
