/**
 * Full-text search over every captured post and comment, with MiniSearch (README "Search" says why it
 * was chosen over FlexSearch and Orama, with the figures). Pure: documents in, ids out; the background
 * (lib/background/search.ts) keeps the index and reads the database.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { CommentRow, PostRow } from '../db/schema';
import { hasPhrase, normalise, parseQuery, wordsOf, type ParsedQuery, type Phrase } from './query';
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

const STORED = ['kind', 'postId', 'community', 'createdAt', 'score', 'flair'] as const;
type Stored = Pick<SearchDoc, (typeof STORED)[number]>;

export function createIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: ['title', 'body', 'flair', 'community', 'author'],
    storeFields: [...STORED],
    // The same words the query language reads (lib/search/query.ts).
    tokenize: (text) => wordsOf(text),
    processTerm: (term) => term || null,
    searchOptions: { boost: { title: 3, community: 2, flair: 1.5 } },
  });
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
export function upsert(index: MiniSearch<SearchDoc>, docs: readonly SearchDoc[]): void {
  for (const d of docs) {
    if (index.has(d.id)) index.replace(d);
    else index.add(d);
  }
}

/** Removes documents that are in the index (others are ignored). */
export function remove(index: MiniSearch<SearchDoc>, ids: readonly string[]): void {
  for (const id of ids) if (index.has(id)) index.discard(id);
}

// Single words match words they begin ("quant" finds "quantization"); words of 5 letters or more also
// match one typo away. Phrases are matched word by word here, then checked in order on the text.
const leaf = (p: Phrase): Query => ({
  queries: p.words,
  combineWith: 'AND',
  prefix: p.words.length === 1,
  fuzzy: (term: string) => (p.words.length === 1 && !p.prefix && term.length >= 5 ? 1 : false),
});

function toQuery(q: ParsedQuery): Query {
  const positive: Query = { queries: q.any.map((g) => ({ queries: g.map(leaf), combineWith: 'AND' })), combineWith: 'OR' };
  return q.not.length ? { queries: [positive, { queries: q.not.map(leaf), combineWith: 'OR' }], combineWith: 'AND_NOT' } : positive;
}

export interface Candidate {
  id: string;
  kind: 'post' | 'comment';
  postId: string;
  score: number;
  /** MiniSearch's relevance. */
  relevance: number;
  /** The query words that matched, as indexed (for the snippet). */
  terms: string[];
}

/** Candidates for a query, best first, filtered; phrases and exclusions still to be checked on the text. */
export function candidates(index: MiniSearch<SearchDoc>, q: ParsedQuery, filters: SearchFilters = {}): Candidate[] {
  if (q.error) return [];
  const communities = filters.communities?.length ? new Set(filters.communities.map((c) => c.toLowerCase())) : null;
  const flair = filters.flair ? normalise(filters.flair) : null;
  const keep = (r: SearchResult) => {
    const s = r as unknown as Stored;
    if (filters.comments === false && s.kind === 'comment') return false;
    if (communities && !communities.has(s.community.toLowerCase())) return false;
    if (flair && !normalise(s.flair).includes(flair)) return false;
    if (filters.from != null && s.createdAt < filters.from) return false;
    if (filters.to != null && s.createdAt > filters.to) return false;
    if (filters.minScore != null && s.score < filters.minScore) return false;
    return true;
  };
  return index.search(toQuery(q), { filter: keep }).map((r) => {
    const s = r as unknown as Stored;
    return { id: String(r.id), kind: s.kind, postId: s.postId, score: s.score, relevance: r.score, terms: r.terms };
  });
}

/** Whether the text meets what the index could not check: phrases in order, exclusions absent. */
export function confirms(q: ParsedQuery, text: string): boolean {
  const words = wordsOf(text);
  if (q.not.some((p) => hasPhrase(words, p, true))) return false;
  return q.any.some((g) => g.every((p) => p.words.length === 1 || hasPhrase(words, p)));
}


export { snippet } from './snippet';
export { parseQuery };
