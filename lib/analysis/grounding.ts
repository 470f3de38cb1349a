/**
 * Grounding of generated text. A link survives only if it points at a post in that section's input;
 * any other link becomes its plain text. Scores and comment counts the model wrote next to a post are
 * dropped, and the data's own are written instead. Raw HTML and images never survive either.
 */
import { postIdOfLink as postIdOf, postLink } from '../reddit/urls';
import { inlineText } from '../markdown/escape';
import type { ShownPost } from '../rank/types';

// A URL may hold one level of balanced parentheses: [x](javascript:alert(1)) is one link, not "x)".
const LINK = /(!?)\[([^\]\n]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+"[^"]*")?\s*\)/g;
const MODEL_NUMBERS = /\s*\((?:\s*(?:Score|Upvotes?|Points|Comments?)\s*:?\s*[\d,.]+k?\s*,?\s*)+\)/gi;
const UPVOTES_BY = /\s*\(\s*[\d,.]+k?\s+upvotes?(?:,\s*by\s+u\/[\w-]+)?\s*\)/gi;

export type NumbersStyle = 'report' | 'review';

export function numbersFor(row: ShownPost, style: NumbersStyle): string {
  if (row.score == null) return style === 'review' ? `(score hidden, by u/${inlineText(row.author ?? '[unknown]')})` : `(Score: hidden, Comments: ${row.comments})`;
  return style === 'review' ? `(${row.score} upvotes, by u/${inlineText(row.author ?? '[unknown]')})` : `(Score: ${row.score}, Comments: ${row.comments})`;
}

/** Neutralises HTML: a model's `<script>` is shown as text, never markup, wherever this Markdown goes. */
export function escapeHtml(text: string): string {
  return text.replace(/&(?![#a-z0-9]+;)/gi, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function groundText(text: string, allowed: ShownPost[], style: NumbersStyle = 'report'): { text: string; removed: string[] } {
  const byId = new Map(allowed.map((r) => [r.id, r]));
  const removed: string[] = [];
  // Numbers the model attached to anything are its own claims: drop them all, then write the data's.
  let out = escapeHtml(text.replace(MODEL_NUMBERS, '').replace(UPVOTES_BY, ''));
  out = out.replace(LINK, (_all, bang: string, label: string, url: string) => {
    const id = postIdOf(url.replace(/&amp;/g, '&'));
    const row = id ? byId.get(id) : undefined;
    if (bang || !row) {
      removed.push(url);
      return label;
    }
    return `[${label.replace(/[[\]]/g, '')}](${postLink(row.id)}) ${numbersFor(row, style)}`;
  });
  // Every other web address: kept only where it is a post of the input (our own links written above are
  // such), wherever it stands (in parentheses too, which GFM would autolink); www. and e-mail addresses go.
  out = out.replace(/\bhttps?:\/\/[^\s)<>\]]*[^\s)<>\].,;:!?'"]/gi, (url) => {
    const id = postIdOf(url);
    if (id && byId.has(id)) return postLink(id);
    removed.push(url);
    return '[link removed]';
  });
  out = out.replace(/(?<!\/\/)\bwww\.[^\s)<>\]]*[^\s)<>\].,;:!?'"]/gi, (url) => {
    removed.push(url);
    return '[link removed]';
  });
  out = out.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (address) => {
    removed.push(address);
    return '[address removed]';
  });
  return { text: out.trim(), removed };
}
