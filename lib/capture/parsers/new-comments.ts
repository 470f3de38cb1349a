/** New Reddit `<shreddit-comment>` elements on a post page. Replies nest as child elements. */
import { NEW } from '../selectors';
import { attr, blockText, intAttr, tryParse } from '../dom';
import { fullname } from '../../reddit/ids';
import { parseRedditTime } from '../../reddit/time';
import type { CapturedComment, ParseResult } from '../types';
import { emptyResult } from '../types';

export function parseShredditComment(el: Element, seenAt: number): CapturedComment | null {
  const id = fullname(attr(el, 'thingid'), 't1');
  const postId = fullname(attr(el, 'postid'), 't3');
  const depth = intAttr(el, 'depth');
  if (!id || !postId || depth == null || depth < 0) return null;
  const bodyEl =
    el.querySelector(NEW.commentBody(id)) ??
    [...el.querySelectorAll(NEW.commentSlot)].find((c) => c.closest(NEW.comment) === el) ??
    null;
  const author = attr(el, 'author') || null;
  const deleted = el.hasAttribute('is-comment-deleted') || el.hasAttribute('is-comment-removed') || author === '[deleted]' || author === '[removed]';
  return {
    id,
    postId,
    parentId: depth === 0 ? null : fullname(attr(el, 'parentid'), 't1'),
    author: deleted ? null : author,
    score: deleted ? null : intAttr(el, 'score'),
    depth,
    createdAt: parseRedditTime(attr(el, 'created')),
    body: deleted ? null : bodyEl ? blockText(bodyEl) : '',
    deleted,
    seenAt,
  };
}

export function parseNewComments(root: ParentNode, seenAt: number): ParseResult {
  const out = emptyResult();
  for (const el of root.querySelectorAll(NEW.comment)) {
    const c = tryParse(() => parseShredditComment(el, seenAt));
    if (c) out.comments.push(c);
    else out.skipped++;
  }
  return out;
}
