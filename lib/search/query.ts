/**
 * The search and watch query language, parsed without ever throwing:
 *
 *   llama quant          both words (AND is the default; "AND" may be written)
 *   "nano banana"        a phrase: these words next to each other
 *   qwen OR deepseek     either side (OR, in capitals, binds loosest: `a b OR c` is `(a b) OR c`)
 *   -meme, NOT meme      without this word or phrase
 *   quant*               words starting so (search matches word beginnings anyway; watches need the *)
 *
 * Words are letters and digits; everything else separates them (so `c++`, `(`, `[D]`, regex characters
 * and stray quotes cannot break a query). Parentheses group nothing: they are read as spaces.
 */

/** Longer queries are refused with a message (a watch or a search is a few words, not a page). */
export const MAX_QUERY_CHARS = 500;
const MAX_TERMS = 32;

export interface Phrase {
  /** The words, normalised. */
  words: string[];
  /** Written with a trailing `*` (a prefix). Single words only. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** Groups joined by OR; inside a group every phrase must match (AND). A single word is a phrase of one. */
  any: Phrase[][];
  /** Phrases that must not match. */
  not: Phrase[];
  /** Why the query cannot run, in words for the page; then `any` is empty. */
  error?: string;
}

/** Lowercase, accents folded: "Déjà" and "deja" are one word. */
export function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a text, normalised, in order. */
export function wordsOf(text: string): string[] {
  return normalise(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_CHARS)
    return { any: [], not: [], error: `That search is ${input.length.toLocaleString('en')} characters long; the limit is ${MAX_QUERY_CHARS}. Search for a few words or a phrase.` };
  const any: Phrase[][] = [[]];
  const not: Phrase[] = [];
  let negate = false;
  let count = 0;
  // A quoted phrase (an unclosed quote runs to the end), or a run of anything but spaces and quotes.
  for (const m of input.matchAll(/(-?)"([^"]*)"?|(\S+?)(?=\s|"|$)/g)) {
    const quoted = m[2] != null;
    const raw = quoted ? m[2]! : m[3]!;
    if (!quoted && raw === 'OR') {
      if (any[any.length - 1]!.length) any.push([]);
      continue;
    }
    if (!quoted && raw === 'AND') continue;
    if (!quoted && raw === 'NOT') {
      negate = true;
      continue;
    }
    const minus = quoted ? m[1] === '-' : raw.startsWith('-');
    const body = !quoted && minus ? raw.slice(1) : raw;
    const words = wordsOf(body);
    if (!words.length) continue;
    if (++count > MAX_TERMS) return { any: [], not: [], error: `That search has more than ${MAX_TERMS} words or phrases. Keep the few that matter.` };
    const phrase: Phrase = { words, prefix: !quoted && words.length === 1 && /\*\s*$/.test(body) };
    if (negate || minus) not.push(phrase);
    else any[any.length - 1]!.push(phrase);
    negate = false;
  }
  const groups = any.filter((g) => g.length);
  if (!groups.length) return { any: [], not: [], error: not.length ? 'Say what to look for, not only what to leave out (for example: llama -meme).' : 'Type a word or a "phrase" to search for.' };
  return { any: groups, not };
}

/** Does `words` (a text's words, in order) contain the phrase? */
export function hasPhrase(words: readonly string[], phrase: Phrase, prefixAlways = false): boolean {
  const [first, ...rest] = phrase.words;
  const starts = (w: string, p: string) => w === p || ((phrase.prefix || prefixAlways) && rest.length === 0 && w.startsWith(p));
  for (let i = 0; i + phrase.words.length <= words.length; i++) {
    if (!starts(words[i]!, first!)) continue;
    if (rest.every((w, j) => words[i + 1 + j] === w)) return true;
  }
  return false;
}

/**
 * Whether a text matches the query: some group's phrases all present, and no excluded one.
 * `prefixAlways`: every single word also matches a longer word it begins (search); watches match whole
 * words unless written with `*`.
 */
export function matchesText(q: ParsedQuery, text: string, prefixAlways = false): boolean {
  if (q.error) return false;
  const words = wordsOf(text);
  if (q.not.some((p) => hasPhrase(words, p, prefixAlways))) return false;
  return q.any.some((group) => group.every((p) => hasPhrase(words, p, prefixAlways)));
}
