/** Old Reddit comments: `div.thing.comment`, score only in the tagline, replies in `.child > .sitetable`. */
import { OLD } from '../selectors';
import { attr, blockText, parseInteger, tryParse } from '../dom';
import { collapse } from '../../reddit/text';
import { fullname } from '../../reddit/ids';
import { parseRedditTime } from '../../reddit/time';
import type { CapturedComment, ParseResult } from '../types';
import { emptyResult } from '../types';

export function parseOldComment(el: Element, postId: string, seenAt: number): CapturedComment | null {
  const id = fullname(attr(el, 'data-fullname'), 't1');
  if (!id) return null;
  let depth = 0;
  let parentId: string | null = null;
  for (let p = el.parentElement?.closest(OLD.comment); p; p = p.parentElement?.closest(OLD.comment)) {
    if (depth === 0) parentId = fullname(attr(p, 'data-fullname'), 't1');
    depth++;
  }
  const bodyEl = el.querySelector(OLD.commentBody);
  const author = attr(el, 'data-author') ?? (collapse(el.querySelector(OLD.commentAuthor)?.textContent) || null);
  return {
    id,
    postId,
    parentId,
    author: author || (el.classList.contains('deleted') ? '[deleted]' : null),
    score: parseInteger(el.querySelector(OLD.commentScore)?.getAttribute('title')),
    depth,
    createdAt: parseRedditTime(el.querySelector(OLD.commentTime)?.getAttribute('datetime')),
    body: bodyEl ? blockText(bodyEl) : '',
    seenAt,
  };
}

/** The comments of the post `postId` (the page's one link thing). */
export function parseOldComments(root: ParentNode, postId: string, seenAt: number): ParseResult {
  const out = emptyResult();
  for (const el of Array.from(root.querySelectorAll(OLD.comment))) {
    const c = tryParse(() => parseOldComment(el, postId, seenAt));
    if (c) out.comments.push(c);
    else out.skipped++;
  }
  return out;
}
