/** What pages and the background exchange about search (lib/messaging.ts). */

/** What a search may be narrowed to, besides its words. */
export interface SearchFilters {
  /** Community names (any of them), without r/. */
  communities?: string[];
  flair?: string;
  /** Created at or after / before (epoch ms). */
  from?: number;
  to?: number;
  minScore?: number;
  /** Comments too (default), or posts only. */
  comments?: boolean;
}

/** The parts of a snippet: text, with the matched words marked (pages render them as text, never HTML). */
export type Snippet = { text: string; hit: boolean }[];

export interface SearchRequest {
  query: string;
  filters?: SearchFilters;
  /** At most this many results (default 50). */
  limit?: number;
}

export interface SearchHit {
  id: string;
  kind: 'post' | 'comment';
  postId: string;
  /** The post's title (for a comment: the post it was written under). */
  title: string;
  community: string;
  score: number;
  comments: number;
  createdAt: number;
  permalink: string;
  author: string | null;
  /** From the built-in sample data, not the user's browsing. */
  sample: boolean;
  snippet: Snippet;
}

export type SearchAnswer =
  | {
      ok: true;
      hits: SearchHit[];
      /** Candidates before phrases and exclusions were checked on the text (an upper bound). */
      candidates: number;
      /** Candidates checked: fewer than `candidates` when the reading stopped (enough hits, or its time was up). */
      checked: number;
      ms: number;
    }
  | { ok: false; error: string };

/** The index's state, in storage.local for the pages (a progress bar while it builds). */
export type SearchStatus =
  | { state: 'building'; done: number; total: number; since: number }
  | { state: 'ready'; docs: number; builtAt: number; buildMs: number }
  | { state: 'failed'; error: string };

export const SEARCH_STATUS_KEY = 'search-status';
