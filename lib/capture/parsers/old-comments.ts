/** Old Reddit comments: `div.thing.comment`, score only in the tagline, replies in `.child > .sitetable`. */
import { OLD } from '../selectors';
import { attr, blockText, parseInteger, tryParse } from '../dom';
import { collapse } from '../../reddit/text';
import { fullname } from '../../reddit/ids';
import { commentIdFromPermalink } from '../../reddit/urls';
import { parseRedditTime } from '../../reddit/time';
import type { CapturedComment, ParseResult } from '../types';
import { emptyResult } from '../types';

/**
 * A comment's id: its full name, or, for a deleted comment (which has none), the last segment of its
 * permalink (`/r/aww/comments/8dyrb3/slug/dxkrvyr/`).
 */
export function oldCommentId(el: Element): string | null {
  return fullname(attr(el, 'data-fullname'), 't1') ?? commentIdFromPermalink(attr(el, 'data-permalink'));
}

export function parseOldComment(el: Element, postId: string, seenAt: number): CapturedComment | null {
  const id = oldCommentId(el);
  if (!id) return null;
  let depth = 0;
  let parentId: string | null = null;
  // Every enclosing comment counts, deleted ones too: a reply keeps its true parent and depth.
  for (let p = el.parentElement?.closest(OLD.comment); p; p = p.parentElement?.closest(OLD.comment)) {
    if (depth === 0) parentId = oldCommentId(p);
    depth++;
  }
  const deleted = el.classList.contains('deleted');
  const bodyEl = el.querySelector(OLD.commentBody);
  const author = attr(el, 'data-author') ?? (collapse(el.querySelector(OLD.commentAuthor)?.textContent) || null);
  return {
    id,
    postId,
    parentId,
    author: deleted || author === '[deleted]' ? null : author || null,
    score: deleted ? null : parseInteger(el.querySelector(OLD.commentScore)?.getAttribute('title')),
    depth,
    createdAt: parseRedditTime(el.querySelector(OLD.commentTime)?.getAttribute('datetime')),
    body: deleted ? null : bodyEl ? blockText(bodyEl) : '',
    deleted,
    seenAt,
  };
}

/** The comments of the post `postId` (the page's one link thing). */
export function parseOldComments(root: ParentNode, postId: string, seenAt: number): ParseResult {
  const out = emptyResult();
  for (const el of root.querySelectorAll(OLD.comment)) {
    const c = tryParse(() => parseOldComment(el, postId, seenAt));
    if (c) out.comments.push(c);
    else out.skipped++;
  }
  return out;
}
