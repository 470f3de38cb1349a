/** One entry point from a whole document to records, by page type. Pure: no storing, no messaging. */
import { detectPage, type PageType } from './page-type';
import { postIdFromUrl } from '../reddit/urls';
import { parseNewPosts } from './parsers/new-post';
import { parseNewComments } from './parsers/new-comments';
import { parseNewSearch } from './parsers/new-search';
import { parseOldPosts } from './parsers/old-post';
import { parseOldComments } from './parsers/old-comments';
import { emptyResult, type ParseResult } from './types';
import { OLD } from './selectors';

export function merge(...results: ParseResult[]): ParseResult {
  const out = emptyResult();
  for (const r of results) {
    out.posts.push(...r.posts);
    out.comments.push(...r.comments);
    out.skipped += r.skipped;
    out.ads += r.ads;
  }
  return out;
}

export function parsePage(doc: Document, url: string, seenAt: number, page: PageType = detectPage(doc, url)): ParseResult {
  if (page.kind === 'none') return emptyResult();
  switch (page.layout) {
    case 'new': {
      const posts = page.kind === 'search' ? merge(parseNewSearch(doc, seenAt), parseNewPosts(doc, seenAt)) : parseNewPosts(doc, seenAt);
      return page.kind === 'post' ? merge(posts, parseNewComments(doc, seenAt)) : posts;
    }
    case 'old': {
      const posts = parseOldPosts(doc, seenAt);
      if (page.kind !== 'post') return posts;
      const postId = doc.querySelector(OLD.commentsPagePost)?.getAttribute('data-fullname') ?? postIdFromUrl(url);
      return postId ? merge(posts, parseOldComments(doc, postId, seenAt)) : posts;
    }
    default:
      return emptyResult();
  }
}
