/**
 * The name finder reads words without a pattern (lib/analysis/word-scan.ts): its reader must find
 * exactly what the pattern WORD finds, on real pages and on text made to trip it (marks at the edges,
 * letters beyond ASCII and beyond the Basic Multilingual Plane, lone surrogates, emoji, combining marks).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Interner, WORD, wordEnd, wordStart } from '@/lib/analysis/word-scan';
import { FIXTURE_DIR, fixtureText, hasFixtures } from '../support/fixtures';

const byPattern = (text: string) => [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
function byReader(text: string): number[][] {
  const out: number[][] = [];
  for (let start = wordStart(text, 0), end = 0; start >= 0; start = wordStart(text, end)) {
    end = wordEnd(text, start);
    out.push([start, end]);
  }
  return out;
}

describe('reading words', () => {
  test('finds what the pattern finds, word by word', () => {
    const text = "Qwen3.5-35B-A3B's C++ and F# (llama.cpp) — don't -x- a..b _under_ 1,000 'quoted' it’s #tag+ end.";
    expect(byReader(text)).toEqual(byPattern(text));
    expect(byReader(text).map(([s, e]) => text.slice(s, e))).toEqual([
      "Qwen3.5-35B-A3B's", 'C++', 'and', 'F#', 'llama.cpp', "don't", 'x', 'a', 'b', 'under_', '1', '000', 'quoted', 'it’s', 'tag+', 'end',
    ]);
  });

  test('letters beyond ASCII and beyond the Basic Multilingual Plane are letters; emoji, marks and lone surrogates are not', () => {
    const text = 'Zürich ÉCOLE Москва 漢字 𝒜𝒷 🦙x e\u0301 \ud835 a\udc9cb 𝟘1';
    expect(byReader(text)).toEqual(byPattern(text));
    expect(byReader(text).map(([s, e]) => text.slice(s, e))).toEqual(['Zürich', 'ÉCOLE', 'Москва', '漢字', '𝒜𝒷', 'x', 'e', 'a', 'b', '𝟘1']);
  });

  test('random text over the characters that matter', () => {
    const alphabet = ['a', 'Z', '7', '.', "'", '’', '-', '_', '+', '#', ' ', '\n', 'é', 'Ж', '漢', '𝒜', '🦙', '\u0301', '\ud835', '\udc9c', ',', '…'];
    let seed = 42;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % alphabet.length;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let j = 0; j < 1 + (i % 40); j++) text += alphabet[next()];
      expect(byReader(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  test.runIf(hasFixtures)('every saved Reddit page, whole', () => {
    const names = readdirSync(FIXTURE_DIR).filter((n) => /\.(html|json)$/.test(n));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const text = fixtureText(name);
      const found = byReader(text);
      expect(found.length, name).toBeGreaterThan(100);
      expect(found, name).toEqual(byPattern(text));
    }
  });
});

describe('Interner', () => {
  test('one record per distinct word, wherever it stands; the word itself kept', () => {
    let made = 0;
    const words = new Interner((word) => ({ word, n: ++made }));
    const text = 'Qwen and qwen and Qwen';
    const first = words.get(text, 0, 4);
    expect(first).toEqual({ word: 'Qwen', n: 1 });
    expect(words.get(text, 18, 22)).toBe(first);
    expect(words.get(text, 9, 13)).toEqual({ word: 'qwen', n: 2 });
    expect(words.get(text, 5, 8)).toEqual({ word: 'and', n: 3 });
    expect(words.get('xx and', 3, 6)).toBe(words.get(text, 14, 17));
    expect(made).toBe(3);
  });

  test('words whose hashes collide are told apart', () => {
    // "Aa" and "BB" share Java's string hash (31 × 65 + 97 = 31 × 66 + 66), which the interner uses.
    const words = new Interner((word) => ({ word }));
    expect(words.get('Aa BB', 0, 2).word).toBe('Aa');
    expect(words.get('Aa BB', 3, 5).word).toBe('BB');
    expect(words.get('BB', 0, 2).word).toBe('BB');
    expect(words.get('Aa', 0, 2).word).toBe('Aa');
  });

  test('bounded: past its size it forgets, and still answers right', () => {
    let made = 0;
    const words = new Interner((word) => ({ word, n: ++made }), 3);
    for (const w of ['a', 'b', 'c']) words.get(w, 0, 1);
    expect(made).toBe(3);
    expect(words.get('d', 0, 1)).toEqual({ word: 'd', n: 4 });
    // "a" was forgotten with the rest: made again.
    expect(words.get('a', 0, 1)).toEqual({ word: 'a', n: 5 });
    expect(words.get('d', 0, 1).n).toBe(4);
  });
});
