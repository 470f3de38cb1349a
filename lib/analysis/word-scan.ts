/**
 * The name finder's words, read without a pattern in its hot loop (9,000 posts a page, lib/analysis/
 * names.ts). WORD is the rule; `wordStart` and `wordEnd` read exactly its matches (test/analysis/
 * word-scan.test.ts holds them equal), with no match array made per word. An `Interner` hands back one
 * string and one record per distinct word, found from the word's place in the text: a word seen before
 * makes no new string.
 */

// A word: letters and digits, with . ' ’ - inside (between letters or digits), + and # after.
export const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}_]|[.'’-](?=[\p{L}\p{N}]))*[+#]*/gu;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
// Characters of the Basic Multilingual Plane beyond ASCII, told once each: 0 not yet, 1 a letter or digit, 2 neither.
const bmp = new Uint8Array(0x10000);

/** The code units of the letter or digit at `i` (1, or 2 for a surrogate pair); 0 where none is. */
function letterOrDigitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff && LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (c !== c) return 0; // past the end (NaN)
  bmp[c] ||= LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return bmp[c] === 1 ? 1 : 0;
}

/** A mark allowed inside a word: . ' ’ - */
const isInnerMark = (c: number) => c === 46 || c === 39 || c === 0x2019 || c === 45;

/** Where the next match of WORD in `text` at or after `from` starts; -1 where none does. */
export function wordStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (letterOrDigitAt(text, i)) return i;
  return -1;
}

/** Where the match of WORD that starts at `start` (a letter or digit) ends. */
export function wordEnd(text: string, start: number): number {
  let i = start + letterOrDigitAt(text, start);
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 95) i++; // _
    else if (isInnerMark(c)) {
      const after = letterOrDigitAt(text, i + 1);
      if (!after) break;
      i += 1 + after;
    } else {
      const n = letterOrDigitAt(text, i);
      if (!n) break;
      i += n;
    }
  }
  while (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 35) i++; // + #
  return i;
}

/**
 * One record per distinct word, found from the word's place in a text: `get` makes the word's string
 * only the first time. Bounded: all is forgotten once `max` words are held. (An open-addressing table
 * of the words' hashes: a lookup reads two arrays, with no call into a Map.)
 */
export class Interner<V extends { word: string }> {
  /** Each slot's hash plus one (0: empty), and its record. */
  private hashes = new Int32Array(1024);
  private values: (V | undefined)[] = new Array<V | undefined>(1024).fill(undefined);
  private size = 0;
  constructor(
    private readonly make: (word: string) => V,
    private readonly max = 50_000,
  ) {}

  get(text: string, start: number, end: number): V {
    let hash = 0;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) & 0x3fffffff;
    hash++;
    const length = end - start;
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    for (let h = this.hashes[slot]!; h !== 0; h = this.hashes[(slot = (slot + 1) & mask)]!) {
      if (h !== hash) continue;
      const v = this.values[slot]!;
      const w = v.word;
      if (w.length !== length) continue;
      let i = 0;
      while (i < length && w.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === length) return v;
    }
    const v = this.make(text.slice(start, end));
    if (this.size >= this.max) this.clear();
    // At most half full: grow before this word goes in.
    if (++this.size * 2 > this.hashes.length) this.grow();
    this.put(hash, v);
    return v;
  }

  private put(hash: number, v: V): void {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.hashes[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.values[slot] = v;
  }

  private grow(): void {
    const { hashes, values } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.values = new Array<V | undefined>(hashes.length * 2).fill(undefined);
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== 0) this.put(hashes[i]!, values[i]!);
  }

  private clear(): void {
    this.hashes.fill(0);
    this.values.fill(undefined);
    this.size = 0;
  }
}
