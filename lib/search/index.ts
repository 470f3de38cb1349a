/**
 * Full-text search over every captured post and comment, with FlexSearch (docs/search-and-watches.md
 * says why it was chosen over MiniSearch and Orama, with the figures). Pure: documents in, ids out; the background
 * (lib/background/search.ts) keeps the index and reads the database.
 */
import { communityKey } from '../reddit/names';
import { Charset, Index } from 'flexsearch';
import type { CommentRow, PostRow } from '../db/schema';
import { hasPhrase, normalise, parseQuery, wordsOf, type ParsedQuery } from './query';
import type { SearchFilters, Snippet } from './types';

export type { SearchFilters, Snippet };

export interface SearchDoc {
  /** `t3_…` (a post) or `t1_…` (a comment). */
  id: string;
  kind: 'post' | 'comment';
  postId: string;
  title: string;
  body: string;
  flair: string;
  community: string;
  author: string;
  createdAt: number;
  score: number;
}

/** What a result carries besides its id: enough to filter and to find its post. */
interface Meta {
  id: string;
  kind: 'post' | 'comment';
  postId: string;
  community: string;
  flair: string;
  createdAt: number;
  score: number;
}

/** Matches read from the index per query before filters (more when filters may drop many). */
const LIMIT = 1_000;
const LIMIT_FILTERED = 5_000;
/** A page of results: enough that a word's other beginnings are not searched too. */
const ENOUGH = 50;
/** A word's beginning expands to at most this many words (the most frequent). */
const EXPANSIONS = 6;

/**
 * The index: FlexSearch over each document's words (title first, then body, flair, community, author;
 * words early in a document rank higher, so titles lead), with the words' frequencies kept beside it
 * for prefixes and typos, and each document's filter fields.
 */
export class SearchIndex {
  private readonly text = new Index({ tokenize: 'strict', encoder: Charset.Exact, resolution: 9 });
  private readonly seqOf = new Map<string, number>();
  private readonly meta: (Meta | undefined)[] = [];
  /** word → documents it was added with (not lowered on removal: it only ranks expansions). */
  private readonly frequency = new Map<string, number>();
  /** First two letters → the words starting so. */
  private readonly byStart = new Map<string, Set<string>>();

  get documentCount(): number {
    return this.seqOf.size;
  }

  has(id: string): boolean {
    return this.seqOf.has(id);
  }

  upsert(d: SearchDoc): void {
    const words = wordsOf(`${d.title}\n${d.body}\n${d.flair}\n${d.community}\n${d.author}`);
    for (const w of new Set(words)) {
      const n = this.frequency.get(w);
      this.frequency.set(w, (n ?? 0) + 1);
      if (n === undefined) {
        const start = w.slice(0, 2);
        let set = this.byStart.get(start);
        if (!set) this.byStart.set(start, (set = new Set()));
        set.add(w);
      }
    }
    const meta: Meta = { id: d.id, kind: d.kind, postId: d.postId, community: d.community, flair: d.flair, createdAt: d.createdAt, score: d.score };
    const seq = this.seqOf.get(d.id);
    if (seq === undefined) {
      const next = this.meta.length;
      this.seqOf.set(d.id, next);
      this.meta.push(meta);
      this.text.add(next, words.join(' '));
    } else {
      this.meta[seq] = meta;
      this.text.update(seq, words.join(' '));
    }
  }

  remove(id: string): void {
    const seq = this.seqOf.get(id);
    if (seq === undefined) return;
    this.text.remove(seq);
    this.meta[seq] = undefined;
    this.seqOf.delete(id);
  }

  /** Up to EXPANSIONS known words that begin with `prefix`, the most frequent first (itself first if known). */
  private expand(prefix: string): string[] {
    if (prefix.length < 2) return this.frequency.has(prefix) ? [prefix] : [];
    const found: [string, number][] = [];
    for (const w of this.byStart.get(prefix.slice(0, 2)) ?? []) if (w.startsWith(prefix)) found.push([w, this.frequency.get(w)!]);
    found.sort((a, b) => (a[0] === prefix ? -1 : b[0] === prefix ? 1 : b[1] - a[1]));
    return found.slice(0, EXPANSIONS).map(([w]) => w);
  }

  /** The most frequent known word one typo from `word` (same first two letters), if `word` is unknown. */
  private nearest(word: string): string | null {
    if (word.length < 5 || this.frequency.has(word)) return null;
    let best: string | null = null;
    let bestN = 0;
    for (const w of this.byStart.get(word.slice(0, 2)) ?? []) {
      const n = this.frequency.get(w)!;
      if (n > bestN && Math.abs(w.length - word.length) <= 1 && oneEdit(word, w)) [best, bestN] = [w, n];
    }
    return best;
  }

  private ids(words: readonly string[], limit: number): number[] {
    const usable = words.filter((w) => w.length > 1);
    return usable.length ? (this.text.search(usable.join(' '), { limit }) as number[]) : [];
  }

  /**
   * Documents ranked for a question's words (any of them, not all): each word found adds its rarity
   * (log(1 + N / documents with it)), a little less where the word comes late in the document; a post
   * counts a little more than a comment with the same words. Best first, filtered, at most `limit`.
   */
  rank(words: readonly string[], filters: SearchFilters, limit: number): Ranked[] {
    const n = Math.max(1, this.seqOf.size);
    const weight = new Map<number, number>();
    for (const w of new Set(words)) {
      const df = this.frequency.get(w);
      if (!df || w.length < 2) continue;
      const rarity = Math.log(1 + n / df);
      const found = this.ids([w], RANK_READ);
      found.forEach((seq, i) => weight.set(seq, (weight.get(seq) ?? 0) + rarity * (1 - (0.3 * i) / found.length)));
    }
    const communities = filters.communities?.length ? new Set(filters.communities.map((c) => c.toLowerCase())) : null;
    const out: Ranked[] = [];
    for (const [seq, w] of weight) {
      const m = this.meta[seq];
      if (!m) continue;
      if (communities && !communities.has(communityKey(m.community))) continue;
      if (filters.from != null && m.createdAt < filters.from) continue;
      if (filters.to != null && m.createdAt > filters.to) continue;
      out.push({ id: m.id, kind: m.kind, postId: m.postId, weight: w * (m.kind === 'post' ? 1.15 : 1), score: m.score });
    }
    return out.sort((a, b) => b.weight - a.weight || b.score - a.score).slice(0, limit);
  }

  /** Candidates for a query, best first, filtered; phrases still to be checked on the text. */
  candidates(q: ParsedQuery, filters: SearchFilters = {}): Candidate[] {
    if (q.error) return [];
    const filtered = Object.keys(filters).length > 0;
    const limit = filtered ? LIMIT_FILTERED : LIMIT;
    const seen = new Set<number>();
    const order: { seq: number; terms: string[] }[] = [];
    for (const group of q.any) {
      // Single words written with * and the group's last single word (typed as you search) match
      // words they begin; the others match whole.
      const lastSingle = group.map((p) => p.words.length === 1 && !p.prefix).lastIndexOf(true);
      const prefixed = group.filter((p, i) => p.words.length === 1 && (p.prefix || i === lastSingle));
      const exact = group.filter((p) => !prefixed.includes(p)).flatMap((p) => p.words);
      const run = (exactWords: string[], prefixes: string[]) => {
        let added = 0;
        // The words as typed first; then, while fewer than a page of results, one search per expansion
        // of each prefixed word (the others held at their most frequent expansion).
        const tries = new Map<string, string[]>([[[...exactWords, ...prefixes].join(' '), [...exactWords, ...prefixes]]]);
        const alternatives = prefixes.map((w) => this.expand(w));
        alternatives.forEach((alts, i) => {
          for (const alt of alts) {
            const words = [...exactWords, ...prefixes.map((w, j) => (j === i ? alt : (alternatives[j]![0] ?? w)))];
            tries.set(words.join(' '), words);
          }
        });
        let first = true;
        for (const words of tries.values()) {
          if (added >= ENOUGH) break;
          // The words as typed read the full limit (filters may drop many); expansions add a page or two.
          for (const seq of this.ids(words, first ? limit : ENOUGH * 4)) {
            if (seen.has(seq)) continue;
            seen.add(seq);
            order.push({ seq, terms: words });
            added++;
          }
          first = false;
        }
        return added;
      };
      const prefixes = prefixed.map((p) => p.words[0]!);
      // Nothing found: a word of 5 letters or more may carry one typo.
      if (!run(exact, prefixes)) {
        const all = [...exact, ...prefixes];
        const fixed = all.map((w) => this.nearest(w) ?? w);
        if (fixed.some((w, i) => w !== all[i])) run(fixed, []);
      }
    }
    const excluded = new Set(q.not.flatMap((p) => this.ids(p.words, LIMIT_FILTERED * 4)));
    const communities = filters.communities?.length ? new Set(filters.communities.map((c) => c.toLowerCase())) : null;
    const flair = filters.flair ? normalise(filters.flair) : null;
    const out: Candidate[] = [];
    for (const { seq, terms } of order) {
      const m = this.meta[seq];
      if (!m || excluded.has(seq)) continue;
      if (filters.comments === false && m.kind === 'comment') continue;
      if (communities && !communities.has(communityKey(m.community))) continue;
      if (flair && !normalise(m.flair).includes(flair)) continue;
      if (filters.from != null && m.createdAt < filters.from) continue;
      if (filters.to != null && m.createdAt > filters.to) continue;
      if (filters.minScore != null && m.score < filters.minScore) continue;
      out.push({ id: m.id, kind: m.kind, postId: m.postId, score: m.score, terms });
    }
    return out;
  }
}

/** Whether two words differ by one insertion, deletion or substitution (or not at all). */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export function createIndex(): SearchIndex {
  return new SearchIndex();
}

export function docOfPost(p: Pick<PostRow, 'id' | 'title' | 'body' | 'flair' | 'subreddit' | 'author' | 'createdAt' | 'score'>): SearchDoc {
  return { id: p.id, kind: 'post', postId: p.id, title: p.title, body: p.body ?? '', flair: p.flair ?? '', community: p.subreddit, author: p.author ?? '', createdAt: p.createdAt, score: p.score ?? 0 };
}

/** A comment, under its post's community (and flair, so "flair:" narrows comments too). */
export function docOfComment(c: Pick<CommentRow, 'id' | 'postId' | 'body' | 'author' | 'createdAt' | 'score' | 'firstSeenAt'>, post: { subreddit: string; flair: string | null } | undefined): SearchDoc | null {
  if (!c.body) return null;
  return { id: c.id, kind: 'comment', postId: c.postId, title: '', body: c.body, flair: post?.flair ?? '', community: post?.subreddit ?? '', author: c.author ?? '', createdAt: c.createdAt ?? c.firstSeenAt, score: c.score ?? 0 };
}

/** Adds or replaces documents (a post seen again with a new score, a comment edited). */
export function upsert(index: SearchIndex, docs: readonly SearchDoc[]): void {
  for (const d of docs) index.upsert(d);
}

/** Removes documents that are in the index (others are ignored). */
export function remove(index: SearchIndex, ids: readonly string[]): void {
  for (const id of ids) index.remove(id);
}

/** Documents read from the index per word when ranking for a question. */
const RANK_READ = 3_000;

export interface Ranked {
  id: string;
  kind: 'post' | 'comment';
  postId: string;
  weight: number;
  score: number;
}

export interface Candidate {
  id: string;
  kind: 'post' | 'comment';
  postId: string;
  score: number;
  /** The words searched for it (for the snippet). */
  terms: string[];
}

/** Candidates for a query, best first, filtered; phrases and exclusions still to be checked on the text. */
export function candidates(index: SearchIndex, q: ParsedQuery, filters: SearchFilters = {}): Candidate[] {
  return index.candidates(q, filters);
}

/** Whether the text meets what the index could not check: phrases in order, exclusions absent. */
export function confirms(q: ParsedQuery, text: string): boolean {
  const words = wordsOf(text);
  if (q.not.some((p) => hasPhrase(words, p, true))) return false;
  return q.any.some((g) => g.every((p) => p.words.length === 1 || hasPhrase(words, p)));
}


export { snippet } from './snippet';
export { parseQuery };
