/**
 * A question in plain words, read for retrieval (pure): the words that carry it (stop and question words
 * left out), a time range it names ("today", "this week", "last 3 days", "this month"), and communities it
 * names ("r/LocalLLaMA"). Nothing of it ever becomes pattern syntax: words are looked up, not matched.
 */
import { STOPWORDS } from '../analysis/words';
import { wordsOf } from '../search/query';
import { communityFromInput } from '../reddit/names';
import type { Question } from './types';

export type { Question };

/** A longer question is read up to here (what follows is left out, and the answer says so). */
export const MAX_QUESTION_CHARS = 500;
const MAX_WORDS = 16;
const DAY = 86_400_000;

/** Question words and fillers the stop-word list lacks. */
const FILLER = new Set(['people', 'say', 'said', 'saying', 'think', 'thought', 'talk', 'talking', 'talked', 'anyone', 'anything', 'reddit', 'redditors', 'posts', 'post', 'comments', 'comment', 'tell', 'happened', 'happening', 'news', 'latest']);

const RANGES: [RegExp, (m: RegExpExecArray) => { days: number; label: string }][] = [
  [/\b(?:in the )?(?:last|past) (\d{1,3}) days?\b/i, (m) => ({ days: Number(m[1]), label: `the last ${m[1]} days` })],
  [/\btoday\b|\bthe last 24 hours\b/i, () => ({ days: 1, label: 'today' })],
  [/\byesterday\b/i, () => ({ days: 2, label: 'since yesterday' })],
  [/\b(?:this|last|past) week\b|\bthe last 7 days\b/i, () => ({ days: 7, label: 'this week' })],
  [/\b(?:this|last|past) month\b|\bthe last 30 days\b/i, () => ({ days: 30, label: 'this month' })],
];

export function readQuestion(input: string, now: number): Question {
  const text = input.replace(/\s+/g, ' ').trim();
  const cut = text.length > MAX_QUESTION_CHARS;
  let rest = cut ? text.slice(0, MAX_QUESTION_CHARS) : text;
  let from: number | null = null;
  let range: string | null = null;
  for (const [re, read] of RANGES) {
    const m = re.exec(rest);
    if (!m) continue;
    const { days, label } = read(m);
    from = now - Math.max(1, Math.min(days, 3650)) * DAY;
    range = label;
    rest = rest.replace(m[0], ' ');
    break;
  }
  const communities: string[] = [];
  rest = rest.replace(/(?:^|\s)\/?r\/(\w+)/g, (_, name: string) => {
    const c = communityFromInput(`r/${name}`);
    if (c && !communities.includes(c)) communities.push(c);
    return ' ';
  });
  const words: string[] = [];
  const asked: string[] = [];
  for (const w of wordsOf(rest)) {
    if (w.length < 2 && !/\d/.test(w)) continue;
    if (STOPWORDS.has(w) || FILLER.has(w)) continue;
    if (!asked.includes(w)) asked.push(w);
    for (const form of [w, ...singular(w)]) if (!words.includes(form)) words.push(form);
    if (words.length >= MAX_WORDS) break;
  }
  return { text, cut, words, asked, from, range, communities };
}

/** "gpus" → "gpu", "reviews" → "review", "libraries" → "library": the singular too, never instead. */
function singular(w: string): string[] {
  if (w.length < 4 || /\d/.test(w) || !w.endsWith('s') || w.endsWith('ss')) return [];
  if (w.endsWith('ies')) return [`${w.slice(0, -3)}y`];
  return [w.slice(0, -1)];
}
