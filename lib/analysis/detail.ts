/**
 * What the analysis reads of one post beyond its row: its text and top comments. A light module (no
 * word lists) that the database code and the pages import without the analyser.
 */
export interface PostDetail {
  body: string | null;
  /** Top comments by score. */
  comments: { author: string | null; score: number | null; body: string }[];
  /** Text of the linked article, when "Read linked articles" is on. */
  article?: string | null;
  /** Comments captured (with text) and the count Reddit shows: a summary says how much it read. */
  read?: { comments: number; of: number };
}

/** "1 post", "3 posts", "2 communities". */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** "read 24 of 268 comments", so a summary never pretends to have read a whole thread. */
export function readLine(read: { comments: number; of: number }): string {
  return `read ${read.comments} of ${plural(read.of, 'comment')}`;
}

export interface CommentLike {
  postId: string;
  author: string | null;
  score: number | null;
  /** Null for a deleted comment: never among the top comments. */
  body: string | null;
}

export const TOP_COMMENTS = 5;

/** The top comments of a post, by score (unknown scores last), then by position. */
export function topComments<T extends CommentLike>(comments: T[], n = TOP_COMMENTS): T[] {
  return comments
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.body?.trim())
    .sort((a, b) => (b.c.score ?? -Infinity) - (a.c.score ?? -Infinity) || a.i - b.i)
    .slice(0, n)
    .map(({ c }) => c);
}
