/**
 * Old Reddit posts: `div.thing` on listings and comments pages (old.reddit.com, or the old layout served
 * on www.reddit.com), and `div.search-result-link` on search pages.
 */
import { OLD } from '../selectors';
import { attr, blockText, flag, intAttr, leadingInteger, parseInteger, tryParse } from '../dom';
import { absoluteUrl, permalinkPath, permalinkUrl, postIdFromUrl } from '../../reddit/urls';
import { collapse } from '../../reddit/text';
import { communityName } from '../../reddit/names';
import { fullname } from '../../reddit/ids';
import { parseEpoch, parseRedditTime } from '../../reddit/time';
import type { CapturedPost, ParseResult } from '../types';
import { emptyResult, POST_DEFAULTS } from '../types';
import { collect, type ElementOutcome } from './new-post';

export function parseOldThing(el: Element, seenAt: number): ElementOutcome<CapturedPost> {
  const is = (name: string) => el.classList.contains(name);
  const subreddit = attr(el, 'data-subreddit') ?? '';
  if (attr(el, 'data-promoted') === 'true' || is('promoted') || is('promotedlink')) return 'ad';
  const id = fullname(attr(el, 'data-fullname'), 't3');
  const permalink = permalinkPath(attr(el, 'data-permalink'));
  const title = collapse(el.querySelector(OLD.postTitle)?.textContent);
  const createdAt =
    parseEpoch(Number(attr(el, 'data-timestamp'))) ?? parseRedditTime(el.querySelector(OLD.postTime)?.getAttribute('datetime'));
  const comments = intAttr(el, 'data-comments-count');
  if (!id || !subreddit || !permalink || !title || createdAt == null || comments == null) return null;
  const shown = el.querySelector(OLD.postScore);
  // "•" with no title attribute: Reddit hides the score of young posts. data-score still holds a number
  // then, but not a real score: the score is unknown (null), flagged, and never counts in a table or a rate.
  const hidden = shown != null && !shown.hasAttribute('title') && collapse(shown.textContent) === '•';
  const score = hidden ? null : (intAttr(el, 'data-score') ?? parseInteger(shown?.getAttribute('title')));
  const bodyEl = attr(el, 'data-context') === 'comments' ? el.querySelector(OLD.postBody) : null;
  const body = bodyEl ? blockText(bodyEl) : '';
  const author = attr(el, 'data-author');
  const linked = absoluteUrl(attr(el, 'data-url'));
  const crosspost = el.hasAttribute('data-crosspost-root-author');
  return {
    id,
    subreddit,
    title,
    author: author || null,
    permalink,
    url: linked ?? permalinkUrl(permalink),
    flair: readFlair(el),
    createdAt,
    score,
    scoreHidden: hidden || score == null,
    comments,
    body: body || null,
    postType: is('self') ? 'text' : null,
    domain: attr(el, 'data-domain'),
    nsfw: flag(el, 'data-nsfw') || is('over18'),
    spoiler: flag(el, 'data-spoiler') || is('spoiler'),
    stickied: is('stickied'),
    locked: is('locked'),
    crosspost,
    // Old Reddit links a crosspost to the original post (data-url).
    crosspostParent: crosspost ? postIdFromUrl(linked ?? '') : null,
    layout: 'old',
    seenAt,
  };
}

function readFlair(el: Element): string | null {
  const f = [...el.querySelectorAll(OLD.postFlair)].find((x) => x.closest(OLD.ownThing) === el);
  if (!f) return null;
  return collapse(f.textContent) || collapse(f.getAttribute('title')) || null;
}

export function parseOldSearchResult(el: Element, seenAt: number): ElementOutcome<CapturedPost> {
  const id = fullname(attr(el, 'data-fullname'), 't3');
  const titleLink = el.querySelector(OLD.searchTitle);
  const permalink = permalinkPath(titleLink?.getAttribute('href') ?? el.querySelector(OLD.searchComments)?.getAttribute('href'));
  const subreddit = communityName(collapse(el.querySelector(OLD.searchSubreddit)?.textContent));
  const title = collapse(titleLink?.textContent);
  const createdAt = parseRedditTime(el.querySelector(OLD.searchTime)?.getAttribute('datetime'));
  const comments = leadingInteger(el.querySelector(OLD.searchComments)?.textContent);
  const scoreEl = el.querySelector(OLD.searchScore);
  // Young posts show no score at all in search: record it as hidden, never invent a number.
  const score = scoreEl ? leadingInteger(scoreEl.textContent) : null;
  if (!id || !permalink || !subreddit || !title || createdAt == null || comments == null || (scoreEl && score == null)) return null;
  // Search shows a collapsed preview of the self-text: bodies come from post pages, where they are whole.
  return {
    ...POST_DEFAULTS,
    id,
    subreddit,
    title,
    author: collapse(el.querySelector(OLD.searchAuthor)?.textContent) || null,
    permalink,
    url: permalinkUrl(permalink),
    flair: readFlair(el),
    createdAt,
    score,
    scoreHidden: score == null,
    comments,
    nsfw: el.querySelector(OLD.nsfwStamp) != null,
    spoiler: el.querySelector(OLD.spoilerStamp) != null,
    layout: 'old',
    seenAt,
  };
}

export function parseOldPosts(root: ParentNode, seenAt: number): ParseResult {
  const out = emptyResult();
  for (const el of root.querySelectorAll(OLD.post)) collect(out, tryParse(() => parseOldThing(el, seenAt)));
  for (const el of root.querySelectorAll(OLD.searchPost)) collect(out, tryParse(() => parseOldSearchResult(el, seenAt)));
  return out;
}
