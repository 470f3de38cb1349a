/**
 * One post in the format of ../shared/seeds/002_*.txt: Post Title, Author, Score, URL, Number of
 * comments, Created UTC (epoch seconds, as Python prints a float), Post Content, Top 5 comments.
 */
import { permalinkUrl } from '../reddit/urls';

export interface PostForExport {
  title: string;
  author: string | null;
  /** Null while unknown (hidden on Reddit). */
  score: number | null;
  permalink: string;
  comments: number;
  createdAt: number;
  body: string | null;
}
export interface CommentForExport {
  author: string | null;
  score: number | null;
  createdAt: number | null;
  /** Null for a deleted comment. */
  body: string | null;
}

/** Epoch seconds as Python's repr of a float: 1766851467.0, 1766851467.5. */
export function pythonSeconds(ms: number | null): string {
  if (ms == null) return 'None';
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s}.0` : String(s);
}

export function postMarkdown(post: PostForExport, top: CommentForExport[]): string {
  const out = [
    `Post Title: ${post.title}`,
    `Author: ${post.author ?? '[unknown]'}`,
    `Score: ${post.score ?? 'hidden'}`,
    `URL: ${permalinkUrl(post.permalink)}`,
    `Number of comments: ${post.comments}`,
    `Created UTC: ${pythonSeconds(post.createdAt)}`,
    '',
    'Post Content:',
    post.body ?? '',
    '',
    '',
    'Top 5 comments:',
    '',
  ];
  top.slice(0, 5).forEach((c, i) => {
    out.push(`Comment ${i + 1}:`, `Author: ${c.author ?? '[deleted]'}`, `Score: ${c.score ?? 0}`, `Created UTC: ${pythonSeconds(c.createdAt)}`, `Comment: ${c.body ?? '[deleted]'}`, '');
  });
  return out.join('\n');
}
