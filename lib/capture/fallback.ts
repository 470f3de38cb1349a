/**
 * The Readability fallback's contract (a post page of unknown markup), kept apart from the parser so the
 * background checks what it gets without bundling Readability.
 */
import { collapse } from '../reddit/text';

/** What the fallback hands the background: the body, and the titles the page shows, to check it is that post. */
export interface FallbackArticle {
  body: string | null;
  /** The document's title and its first heading. */
  titles: string[];
  /** Why the page holds no post (an error, login or bot-check page): nothing is stored. */
  blocked?: string;
}

const norm = (s: string) => collapse(s).toLowerCase().replace(/\s+:\s+r\/\w+\s*$/, '').replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether a page showing these titles is the post with this stored title: one of them (without Reddit's
 * " : r/sub" suffix) is at least 12 letters long and found in the stored title, or holds it. An error,
 * login or bot-check page at a post's URL shows none of the post's title, so its text is never stored.
 */
export function showsPost(storedTitle: string, titles: string[]): boolean {
  const stored = norm(storedTitle);
  return titles.some((t) => {
    const shown = norm(t);
    return shown.length >= 12 && (stored.includes(shown) || shown.includes(stored));
  });
}
