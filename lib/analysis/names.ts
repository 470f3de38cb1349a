/**
 * Names: the things people talk about (models with versions and sizes, projects, organisations,
 * benchmarks), found in titles and bodies by their shape, never from a list of known names:
 *   - a word with a letter and a digit ("Qwen3.5-35B-A3B", "GPT-5.2", "LFM2"), inner capitals ("NanoGPT",
 *     "DeepSeek", "vLLM"), a dot inside ("llama.cpp") or all capitals ("EGGROLL") is a name;
 *   - a capitalised word inside a sentence is a proper noun ("Gemini", "Pentagon"); in a Title Case
 *     title only if it is no common English word ("Lushan", not "Unveils"); at a sentence's start only if
 *     it is no common word and another post names it too ("Google", not "Dataset");
 *   - neighbours make one name: "Nano Banana Pro", "Moore Threads", "Strix Halo", "Qwen 3", "RTX 3090";
 *   - stop words, contractions ("don't"), the field's generic terms (lib/analysis/words.ts), months and
 *     the communities' own names never are.
 * Variants merge on a key without case, spaces or hyphens ("Qwen 3" = "Qwen3" = "qwen-3").
 * Pure and fast: about 10 µs a title.
 */
import { FUNCTION_WORDS, STOPWORDS, isCommonWord, isGenericTerm, perWord } from './words';
import { Interner, WORD, wordEnd, wordStart } from './word-scan';

export type NameKind = 'model' | 'project' | 'benchmark' | 'name';

export interface Name {
  key: string;
  /** The spelling used most. */
  label: string;
  kind: NameKind;
  /** Ids of the documents that mention it, in input order. */
  docs: string[];
}

export interface NameDoc {
  id: string;
  /** Title first: its capitals are read as a headline's. */
  title: string;
  body?: string | null;
}

export interface FoundNames {
  names: Map<string, Name>;
  /** Keys each document mentions, in the order first mentioned. */
  byDoc: Map<string, string[]>;
}

/** A name's key: "Qwen 3", "qwen-3" and "Qwen3" are one. */
export const nameKey = (text: string) => text.toLowerCase().replace(/['’]s$/, '').replace(/[\s_-]+/g, '');
const keyOf = perWord(nameKey);

// What starts a sentence (its first word's capital says nothing): . ! ? : ; " “ ” [ ] … and a new line.
const SENTENCE_BREAK: ReadonlySet<number> = new Set([...'.!?:;"“”[]…\n'].map((c) => c.charCodeAt(0)));
// An address, and a cheap test that a text may hold one ("llama.cpp" and "GPT-5.2" hold dots, not addresses).
const ADDRESS = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+\.(?:com|org|net|io|dev|co|example|gov|edu)\b\S*/gi;
const ADDRESS_HINT = /:\/\/|www\.|\.(?:com|org|net|io|dev|co|example|gov|edu)\b/i;
// A compound with a stop word inside is a phrase, not a name: "Image-to-3D", "Human-in-the-Loop".
const PHRASE = /-(?:to|in|of|and|the|for|on|vs)-/i;

type Shape = 'num' | 'strong' | 'cap' | 'lower' | 'stop';

/**
 * What is known of a word wherever it stands, looked up once per word read (lib/analysis/word-scan.ts):
 * titles repeat their words, and one lookup serves its shape, the common-word test and its key.
 */
interface WordInfo {
  word: string;
  lower: string;
  /**
   * Its shape in a shouting text or not, at a sentence's start or not (index: shouting × 2 + initial);
   * made on first use.
   */
  shapes: (Shape | undefined)[];
  /** Common in English, inflected forms too; made on first use. */
  ordinary: boolean | undefined;
  /** Its name key; made on first use. */
  key: string | undefined;
  /**
   * The word as a name on its own, with strong and with weak evidence: one record shared by every
   * document where it stands so (most names are one word); made on first use.
   */
  alone: [Candidate | undefined, Candidate | undefined] | undefined;
}
const wordInfos = new Interner<WordInfo>((word) => ({ word, lower: word.toLowerCase(), shapes: [undefined, undefined, undefined, undefined], ordinary: undefined, key: undefined, alone: undefined }));

function shapeOf(word: string, info: WordInfo, shouting: boolean, initial: boolean): Shape {
  const i = (shouting ? 2 : 0) + (initial ? 1 : 0);
  return (info.shapes[i] ??= computeShape(word, info.lower, shouting, initial));
}

const ordinaryOf = (t: Token) => (t.info.ordinary ??= isOrdinary(t.word));
const keyOfWord = (t: Token) => (t.info.key ??= nameKey(t.word));

function computeShape(word: string, lower: string, shouting: boolean, initial: boolean): Shape {
  if (/['’]/.test(word)) return 'stop'; // a contraction: "don't", "it’s"
  if (isGenericTerm(lower)) return 'stop';
  if (/^\p{N}/u.test(word)) return 'num';
  if (!/\d/.test(word) && (initial || !/^\p{Lu}/u.test(word) ? STOPWORDS : FUNCTION_WORDS).has(lower)) return 'stop';
  if (PHRASE.test(word)) return /^\p{Lu}/u.test(word) ? 'cap' : 'lower';
  if (/\p{L}/u.test(word) && /\p{N}/u.test(word)) return 'strong';
  if (/\p{Ll}\p{Lu}/u.test(word)) return 'strong';
  if (/\p{L}\.\p{L}/u.test(word) && !/^(?:\p{L}\.)+\p{L}?$/u.test(word)) return 'strong';
  if (!shouting && /^\p{Lu}[\p{Lu}-]+$/u.test(word) && word.replace(/-/g, '').length >= 2) return 'strong';
  return /^\p{Lu}/u.test(word) ? 'cap' : 'lower';
}

interface Token {
  word: string;
  info: WordInfo;
  shape: Shape;
  /** First word of a sentence or clause. */
  initial: boolean;
  /** A space only between this word and the previous one. */
  joined: boolean;
  /** In a run of name words: how much it says it is part of a name (evidence, or -0.5 for a version). */
  e: number;
}

/**
 * The tokens of the text being read, reused from text to text: reading keeps none of them, and 9,000
 * posts make some 170,000 tokens a page would otherwise allocate and collect.
 */
const pool: Token[] = [];

/** Common in English, inflected forms too ("hosted", "summed", "changed"). */
function isOrdinary(word: string): boolean {
  const w = word.toLowerCase();
  if (PHRASE.test(w)) return true;
  if (w.includes('-')) return w.split('-').every((part) => STOPWORDS.has(part) || isOrdinary(part));
  if (isCommonWord(w)) return true;
  const stem = w.replace(/(?:ing|ed|es|s|er|d)$/, '');
  return stem !== w && stem.length >= 3 && (isCommonWord(stem) || isCommonWord(`${stem}e`) || isCommonWord(stem.replace(/(.)\1$/, '$1')));
}

/**
 * A text's words with their shapes, in pool[0, returned count). `alone` collects, lowercase, the words
 * that stand alone (not part of a longer word or name: wordMentions's rule), so a known name's lowercase
 * mentions are looked up without reading the text again.
 */
function tokens(raw: string, alone?: string[]): number {
  // Addresses are not names: "github.com/x" or "https://evil.example" say where, not what.
  const text = !raw.includes('.') || !ADDRESS_HINT.test(raw) ? raw : raw.replace(ADDRESS, ' ');
  let count = 0;
  let last = 0;
  const shouting = /\p{Lu}{4}/u.test(text) && isShouting(text);
  for (let start = wordStart(text, 0), end = 0; start >= 0; start = wordStart(text, end)) {
    end = wordEnd(text, start);
    // What stands between this word and the last: most gaps are one space; a sentence starts after
    // . ! ? : ; quotes, brackets, an ellipsis or a new line; a run of name words goes on only over
    // spaces and tabs.
    let plain = start === last + 1 && text.charCodeAt(last) === 32;
    let sentence = false;
    if (!plain) {
      plain = start > last;
      for (let i = last; i < start; i++) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9) plain = false;
        if (SENTENCE_BREAK.has(c)) sentence = true;
      }
    }
    // A possessive "'s" ("OpenAI's") is not part of the name.
    const apostrophe = end - start > 2 && text.charCodeAt(end - 1) === 115 ? text.charCodeAt(end - 2) : 0;
    const info = wordInfos.get(text, start, apostrophe === 39 || apostrophe === 0x2019 ? end - 2 : end);
    const word = info.word;
    const initial = !count || sentence;
    const shape = shapeOf(word, info, shouting, initial);
    // A stop word is no name's mention ("us" is not "US"): only the others are kept for the lookup.
    // Numbers neither: no name is a number alone.
    if (alone && shape !== 'stop' && shape !== 'num' && standsAlone(text, start, end - start)) alone.push(word.length === end - start ? info.lower : text.slice(start, end).toLowerCase());
    const t = (pool[count++] ??= { word, info, shape, initial, joined: plain, e: 0 });
    t.word = word;
    t.info = info;
    t.shape = shape;
    t.initial = initial;
    t.joined = plain;
    // "BREAKING:" opens a headline; "SHARP" inside one is a name.
    if (shape === 'strong' && initial && word.length > 4 && /^\p{Lu}+$/u.test(word) && ordinaryOf(t)) t.shape = 'cap';
    last = end;
  }
  // Capitals for emphasis ("Qwen is BACK and it is REAL this TIME"): two or more English words in
  // capitals in one title are shouting, not acronyms, there (one seen alone elsewhere still counts there).
  const loud = (t: Token) => t.shape === 'strong' && /^\p{Lu}{2,}$/u.test(t.word) && ordinaryOf(t);
  let louder = 0;
  for (let i = 0; i < count && louder < 2; i++) if (loud(pool[i]!)) louder++;
  if (louder >= 2) for (let i = 0; i < count; i++) if (loud(pool[i]!)) pool[i]!.shape = 'lower';
  // A title cut short ("… Hamiltonian Neural…"): its last word may be half a name; it never joins one.
  if (count && cutShort(text.trimEnd())) pool[count - 1]!.shape = 'stop';
  return count;
}

/** Ends in an ellipsis: a title cut short. */
const cutShort = (text: string) => text.endsWith('…') || text.endsWith('...');

/** A text mostly in capitals ("URGENT HELP NEEDED"): its capitals say nothing. */
function isShouting(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII at once; other characters by their case mappings.
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c > 127) {
      const ch = text[i]!;
      const lower = ch.toLowerCase();
      if (lower !== ch) upper++;
      if (lower !== ch.toUpperCase()) letters++;
    }
  }
  return letters > 12 && upper > letters * 0.7;
}

/**
 * Most ordinary words capitalised: a headline in Title Case, where capitals say little. Only English
 * words count: "Elon Musk, Sam Altman in 2050" is names, not Title Case.
 */
function isTitleCase(count: number): boolean {
  let plain = 0;
  let capped = 0;
  for (let i = 0; i < count; i++) {
    const t = pool[i]!;
    if (t.word.length >= 4 && (t.shape === 'cap' || t.shape === 'lower') && ordinaryOf(t)) {
      plain++;
      if (t.shape === 'cap') capped++;
    }
  }
  return capped >= 2 && capped >= plain * 0.7;
}

/**
 * How much a word says it is (part of) a name: 2 surely, 1 likely, 0.5 if another post agrees, 0 only
 * beside a name, -1 never.
 */
function evidence(t: Token, titleCase: boolean): number {
  if (t.shape === 'strong') return 2;
  if (t.shape !== 'cap' || t.word.length < 3) return -1;
  const common = ordinaryOf(t);
  if (t.initial || titleCase) return common ? 0 : t.initial ? 0.5 : 1;
  return common ? 0.5 : 1;
}

interface Candidate {
  text: string;
  key: string;
  /** Without the ordinary words after the name ("Anthropic" of "Anthropic Rejects"). */
  core: string;
  coreKey: string;
  /** Only weak evidence ("Google" opening a title): needs a second document to count. */
  weak: boolean;
  /**
   * With the capitalised ordinary words dropped before it ("Hugging Face" of "Face" opening "Hugging
   * Face releases…"): the name where other documents know it whole.
   */
  wide: string | undefined;
  wideKey: string | undefined;
}

/** The words pool[from, to) as one text. */
function words(from: number, to: number): string {
  let text = pool[from]!.word;
  for (let i = from + 1; i < to; i++) text += ` ${pool[i]!.word}`;
  return text;
}

const keyOfWords = (from: number, to: number, text: string) => (to - from === 1 ? keyOfWord(pool[from]!) : keyOf(text));

/**
 * The names of a run of name words, pool[from, to), added to `out`: the run trimmed of the ordinary
 * words at its edges, or cut in two where too many come together.
 */
function flush(from: number, to: number, titleCase: boolean, out: Candidate[]): void {
  // Leading ordinary capitals go ("Building RAG" → "RAG"); ordinary ones after a name stay ("Moore
  // Threads", "Nano Banana Pro"), at most one in a Title Case headline; more end the name there.
  const maxOrdinary = titleCase ? 1 : 2;
  while (from < to) {
    let first = from;
    while (first < to && pool[first]!.e <= 0) first++;
    if (first === to) return;
    let end = to;
    for (let i = first + 1, ordinary = 0; i < to; i++) {
      ordinary = pool[i]!.e === 0 ? ordinary + 1 : 0;
      if (ordinary > maxOrdinary) {
        end = i;
        break;
      }
    }
    // Kept: pool[first, kept); its core: pool[first, core).
    const kept = Math.min(end, first + 5);
    let core = kept;
    while (core > first + 1 && pool[core - 1]!.e <= 0 && !(pool[core - 1]!.shape === 'num' && pool[core - 2]!.e > 0)) core--;
    let weak = true;
    let allCaps = true;
    for (let i = first; i < kept; i++) {
      const t = pool[i]!;
      if (t.e >= 1) weak = false;
      if (t.initial || t.shape !== 'cap') allCaps = false;
    }
    // Several capitalised words together are a name: "Moore Threads" opening a headline (its first word
    // no English word), "Hugging Face" inside a sentence.
    const named = kept - first > 1 && ((pool[first]!.e === 0.5 && pool[first]!.initial) || (!titleCase && allCaps));
    let capsBefore = first > from;
    for (let i = from; i < first && capsBefore; i++) capsBefore = pool[i]!.shape === 'cap';
    if (kept - first === 1 && !capsBefore) {
      // One word alone (never "named", its core itself).
      const t = pool[first]!;
      const alone = (t.info.alone ??= [undefined, undefined]);
      out.push((alone[weak ? 1 : 0] ??= { text: t.word, key: keyOfWord(t), core: t.word, coreKey: keyOfWord(t), weak, wide: undefined, wideKey: undefined }));
    } else {
      const text = words(first, kept);
      const coreText = core === kept ? text : words(first, core);
      const wide = capsBefore ? words(from, kept) : undefined;
      out.push({ text, key: keyOfWords(first, kept, text), core: coreText, coreKey: keyOfWords(first, core, coreText), weak: weak && !named, wide, wideKey: wide && keyOf(wide) });
    }
    from = kept;
  }
}

/**
 * Names in one text, added to `out`: runs of name-like words, trimmed of the ordinary words at their
 * edges. `caps` collects the words capitalised inside a sentence (lowercase), the evidence a weak name
 * needs.
 */
function candidates(text: string, caps: string[], alone: string[] | undefined, out: Candidate[]): void {
  const count = tokens(text, alone);
  const titleCase = isTitleCase(count);
  for (let i = 0; i < count; i++) {
    const t = pool[i]!;
    if (!t.initial && t.shape === 'cap' && !caps.includes(t.info.lower)) caps.push(t.info.lower);
  }
  // A run of name words: each word read either joins it or ends it, so it is pool[run, i) (-1: none).
  let run = -1;
  for (let i = 0; i < count; i++) {
    const t = pool[i]!;
    const next = i + 1 < count ? pool[i + 1] : undefined;
    if (run >= 0 && !t.joined) {
      flush(run, i, titleCase, out);
      run = -1;
    }
    // A version or size after a name: "Qwen 3", "RTX 3090", "GPT Image 1.5"; a year only after capitals.
    // "Nano banana 2": a lowercase word between a name and its version.
    const version = t.shape === 'num' && run >= 0 && !(/^(?:19[5-9]\d|20[0-4]\d)$/.test(t.word) && !/^\p{Lu}+$/u.test(pool[i - 1]!.word));
    const between = t.shape === 'lower' && run >= 0 && next?.shape === 'num' && next.joined && t.word.length > 2;
    const e = version || between ? -0.5 : t.shape === 'num' ? -1 : evidence(t, titleCase);
    if (e < -0.5) {
      if (run >= 0) flush(run, i, titleCase, out);
      run = -1;
      continue;
    }
    t.e = e;
    if (run < 0) run = i;
  }
  if (run >= 0) flush(run, count, titleCase, out);
}

const KIND_RULES: [NameKind, RegExp][] = [
  ['benchmark', /bench|eval\b|arena|leaderboard|arc-?agi|humanity's last exam|\bhle\b/i],
  ['model', /\p{N}/u],
  // Spelled like code: "llama.cpp", "vLLM", "ComfyUI", "Node.js".
  ['project', /^\p{Ll}/u],
  ['project', /\.(?:cpp|js|py|rs|ai|sh)$|ui$|cli$|sdk$/i],
];
export function kindOf(label: string): NameKind {
  return KIND_RULES.find(([, re]) => re.test(label))?.[0] ?? 'name';
}

// A document's candidates depend on its text alone: kept per document, so a page that recomputes its
// analysis after each capture reads only the new posts (bounded; a changed text is read again).
interface ReadDoc {
  cands: readonly Candidate[];
  /** Its words capitalised inside a sentence, lowercase, each once (a few: an array, not a set). */
  caps: readonly string[];
  /** Its words that stand alone, lowercase, in order (wordMentions's rule, addresses left out). */
  alone: readonly string[];
}
const perDocument = new Map<string, ReadDoc & { texts: string[] }>();

function readDoc(id: string, texts: string[], remember: boolean): ReadDoc {
  const known = remember ? perDocument.get(id) : undefined;
  if (known && known.texts.length === texts.length && known.texts.every((t, i) => t === texts[i])) return known;
  const found: Candidate[] = [];
  const capitals: string[] = [];
  const lone: string[] = [];
  for (let i = 0; i < texts.length; i++) candidates(texts[i]!, capitals, lone, found);
  // Kept at their exact size (an array grown by push holds room for 17 or more).
  const cands = exact(found);
  const caps = exact(capitals);
  const alone = exact(lone);
  if (!remember) return { cands, caps, alone };
  if (perDocument.size > 100_000) perDocument.clear();
  perDocument.set(id, { texts, cands, caps, alone });
  return { cands, caps, alone };
}

const NONE: readonly never[] = Object.freeze([]);
const exact = <T>(xs: T[]): readonly T[] => (xs.length ? xs.slice() : NONE);

/** Forgets what readDoc kept (the benchmark's cold runs; tests). */
export function forgetReadDocuments(): void {
  perDocument.clear();
}

// Characters that join a word to what is before it ("-qwen3", "#qwen3") or after it ("qwen3_moe").
const JOINED_BEFORE = /[\p{L}\p{N}.+#_-]/u;
const JOINED_AFTER = /[\p{L}\p{N}_+#]/u;
const INNER_MARK = /[.'’-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A space, or nothing: the common case around a word, told without a pattern. */
const isSpace = (text: string, i: number) => i < 0 || i >= text.length || text.charCodeAt(i) === 32;

/** Whether the word at `index` of `text` stands alone: not part of a longer word or name. */
function standsAlone(text: string, index: number, length: number): boolean {
  if (isSpace(text, index - 1) && isSpace(text, index + length)) return true;
  const before = text[index - 1];
  const after = text[index + length];
  const next = text[index + length + 1];
  if (before && JOINED_BEFORE.test(before)) return false;
  return !(after && (JOINED_AFTER.test(after) || (INNER_MARK.test(after) && next && LETTER_OR_DIGIT.test(next))));
}

/** The lowercase words of `text` that are in `keys`, standing alone (not part of a longer word or name). */
export function wordMentions(text: string, keys: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const k = m[0].toLowerCase();
    if (keys.has(k) && standsAlone(text, m.index, m[0].length)) out.push(k);
  }
  return out;
}

/**
 * The names of a set of documents. `exclude`: names never reported (the communities, for a start).
 * `remember: false` for a one-pass reader (the background's index), which would only fill memory.
 * A name found only at sentence starts needs two documents; once a name is known, its lowercase
 * mentions count too ("qwen" in another title).
 */
export function findNames(docs: NameDoc[], exclude: Iterable<string> = [], options: { remember?: boolean } = {}): FoundNames {
  const remember = options.remember ?? true;
  // Callers pass a community per post: each distinct one is keyed once.
  const excluded = new Set([...new Set(exclude)].map(nameKey));
  // What each document holds (docs[d] read as reads[d]).
  const reads: ReadDoc[] = [];
  // In how many documents each name is found, and found with more than weak evidence.
  const docCount = new Map<string, number>();
  // In how many documents each word is capitalised inside a sentence ("Pentagon", in any headline).
  const capDocs = new Map<string, number>();
  const sure = new Set<string>();
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    // A title cut with an ellipsis (the sample's, a seed table's) ends in half a word: "ChatGPT Imag…".
    const title = cutShort(doc.title) ? doc.title.replace(/\s*\S*(?:…|\.\.\.)$/, '') : doc.title;
    const texts = doc.body ? [title, doc.body.slice(0, 1500)] : [title];
    const read = readDoc(doc.id, texts, remember);
    const { cands, caps } = read;
    for (let i = 0; i < caps.length; i++) capDocs.set(caps[i]!, (capDocs.get(caps[i]!) ?? 0) + 1);
    // (A document's few keys: an array.)
    const keys: string[] = [];
    for (let i = 0; i < cands.length; i++) {
      const { key, weak } = cands[i]!;
      if (!weak) sure.add(key);
      if (keys.includes(key)) continue;
      docCount.set(key, (docCount.get(key) ?? 0) + 1);
      keys.push(key);
    }
    reads.push(read);
  }
  const isKnown = (key: string) =>
    key.length >= 2 && !excluded.has(key) && (sure.has(key) || Math.max(docCount.get(key) ?? 0, docCount.has(key) ? (capDocs.get(key) ?? 0) : 0) >= 2);
  // Spellings of each name, and each document's names: "Anthropic Rejects", found once, is "Anthropic"
  // where "Anthropic" alone is a name.
  const spellings = new Map<string, Map<string, number>>();
  // The names of docs[d].
  const docKeys: string[][] = [];
  for (let d = 0; d < reads.length; d++) {
    const { cands } = reads[d]!;
    const keys: string[] = [];
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i]!;
      let { text, key } = c;
      const core = c.coreKey;
      // A community's name with ordinary words after it ("RAG System" in r/Rag) is that name still.
      if (excluded.has(core)) continue;
      if (core !== key && (docCount.get(key) ?? 0) < 2 && isKnown(core)) [text, key] = [c.core, core];
      // "Face" opening "Hugging Face releases…" is Hugging Face where other documents name it so.
      const wide = c.wideKey;
      if (wide && !excluded.has(wide) && isKnown(wide)) [text, key] = [c.wide!, wide];
      if (!isKnown(key)) continue;
      if (!keys.includes(key)) keys.push(key);
      const s = spellings.get(key) ?? new Map<string, number>();
      s.set(text, (s.get(text) ?? 0) + 1);
      spellings.set(key, s);
    }
    // At its exact size: thousands of these outlive the call.
    docKeys.push(keys.slice());
  }
  // Single-word names, for their lowercase mentions: each text's words (read once, with its names)
  // looked up in one set. No text of a post ever becomes pattern syntax ("Qwen3#" once did, and an
  // invalid pattern blanked the analysis).
  const single = new Set([...spellings.keys()].filter((k) => /^[\p{L}\p{N}.+#]+$/u.test(k)));
  const names = new Map<string, Name>();
  const byDoc = new Map<string, string[]>();
  for (let d = 0; d < docs.length; d++) {
    const { id } = docs[d]!;
    const keys = docKeys[d]!;
    const { alone } = reads[d]!;
    // "elon" in a post about "Elon Musk" is that name already.
    if (single.size)
      for (let i = 0; i < alone.length; i++) {
        const k = alone[i]!;
        if (single.has(k) && !keys.includes(k) && !keys.some((x) => x.includes(k))) keys.push(k);
      }
    byDoc.set(id, keys);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      let n = names.get(k);
      if (!n) {
        // The spelling used most; on a tie, not the one in capitals ("Sam Altman", not "SAM ALTMAN").
        const shouted = (t: string) => (t === t.toUpperCase() && /\p{Lu}{2}.*\s/u.test(t) ? 1 : 0);
        const label = [...spellings.get(k)!].sort((a, b) => b[1] - a[1] || shouted(a[0]) - shouted(b[0]))[0]![0];
        n = { key: k, label, kind: kindOf(label), docs: [] };
        names.set(k, n);
      }
      n.docs.push(id);
    }
  }
  return { names, byDoc };
}
