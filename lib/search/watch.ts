/**
 * Watches: saved queries checked as capture writes (lib/background/watches.ts), and "follow this post".
 * Pure: what matched, given what was stored. Watches and follows live in the settings (version 4) and
 * in the JSON backup (version 2); their matches in storage.local (WATCH_STATE_KEY).
 */
import { communityKey } from '../reddit/names';
import { matchesText, normalise, parseQuery, type ParsedQuery } from './query';
import { snippet } from './snippet';
import type { Follow, Watch } from '../settings/shape';

export type { Follow, Watch };

export interface WatchHit {
  /** `<watch id>:<post or comment id>` (a follow: `follow:<post id>:<time>`); one hit per key. */
  key: string;
  /** The watch's id, or `follow:<post id>`. */
  watchId: string;
  kind: 'post' | 'comment' | 'follow';
  postId: string;
  commentId: string | null;
  title: string;
  community: string;
  permalink: string;
  /** What matched, in a line (a comment's first words, a follow's change). */
  detail: string;
  at: number;
  seen: boolean;
}

export interface WatchState {
  /** Newest first, at most MAX_HITS. */
  hits: WatchHit[];
  /** Keys matched before (a post seen again does not match again), at most MAX_MATCHED. */
  matched: string[];
  /** Last notification per watch (10 minutes apart at least). */
  notified: Record<string, number>;
}

export const WATCH_STATE_KEY = 'watch-state';
export const MAX_HITS = 200;
const MAX_MATCHED = 5_000;
export const NOTIFY_EVERY_MS = 10 * 60_000;
export const EMPTY_WATCH_STATE: WatchState = { hits: [], matched: [], notified: {} };

export interface StoredPost {
  id: string;
  subreddit: string;
  title: string;
  body: string | null;
  flair: string | null;
  score: number | null;
  comments: number;
  permalink: string;
}
export interface StoredComment {
  id: string;
  postId: string;
  body: string | null;
}

/** The words around the first one the query names (the query's words, as a search snippet). */
const excerpt = (text: string, q: ParsedQuery) => snippet(text, q.any.flat().flatMap((p) => p.words), 140).map((p) => p.text).join('');

/** Whether a watch can be saved, and why not: its query's own message. */
export function watchProblem(w: Pick<Watch, 'query'>): string | null {
  if (w.query.length > 500) return `A watch's search has at most 500 characters (this one has ${w.query.length.toLocaleString('en')}).`;
  return parseQuery(w.query).error ?? null;
}

/**
 * The new matches of `watches` among a batch's posts and comments as stored (`postOf` gives a comment's
 * post). A key already in `matched` does not match again.
 */
export function matchWatches(watches: readonly Watch[], posts: readonly StoredPost[], comments: readonly StoredComment[], postOf: (id: string) => StoredPost | undefined, matched: ReadonlySet<string>, now: number): WatchHit[] {
  const hits: WatchHit[] = [];
  for (const w of watches) {
    const q = parseQuery(w.query);
    if (q.error) continue;
    const communities = new Set(w.communities.map((c) => c.toLowerCase()));
    const fits = (p: StoredPost) =>
      (!communities.size || communities.has(communityKey(p.subreddit))) &&
      (!w.flair || normalise(p.flair ?? '').includes(normalise(w.flair))) &&
      (w.minScore == null || (p.score ?? 0) >= w.minScore) &&
      (w.minComments == null || p.comments >= w.minComments);
    for (const p of posts) {
      const key = `${w.id}:${p.id}`;
      if (matched.has(key) || !fits(p) || !matchesText(q, `${p.title}\n${p.body ?? ''}\n${p.flair ?? ''}`)) continue;
      hits.push({ key, watchId: w.id, kind: 'post', postId: p.id, commentId: null, title: p.title, community: p.subreddit, permalink: p.permalink, detail: excerpt(matchesText(q, p.body ?? '') ? p.body! : p.title, q), at: now, seen: false });
    }
    for (const c of comments) {
      const key = `${w.id}:${c.id}`;
      const p = postOf(c.postId);
      if (!c.body || !p || matched.has(key) || !fits(p) || !matchesText(q, c.body)) continue;
      hits.push({ key, watchId: w.id, kind: 'comment', postId: p.id, commentId: c.id, title: p.title, community: p.subreddit, permalink: p.permalink, detail: excerpt(c.body, q), at: now, seen: false });
    }
  }
  return hits;
}

/** Follows whose post was seen with enough more comments or points: a hit each, and the follow rebased. */
export function matchFollows(follows: readonly Follow[], posts: readonly StoredPost[], now: number): { hits: WatchHit[]; follows: Follow[] } {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const hits: WatchHit[] = [];
  const next = follows.map((f) => {
    const p = byId.get(f.postId);
    if (!p) return f;
    const score = p.score ?? f.score;
    const dc = p.comments - f.comments;
    const ds = score - f.score;
    if (dc < f.more && ds < f.more) return f;
    const parts = [dc >= f.more ? `+${dc} comments` : null, ds >= f.more ? `+${ds} points` : null].filter(Boolean);
    hits.push({ key: `follow:${f.postId}:${now}`, watchId: `follow:${f.postId}`, kind: 'follow', postId: f.postId, commentId: null, title: p.title, community: p.subreddit, permalink: p.permalink, detail: `${parts.join(', ')} since you were last told (now ${score} points, ${p.comments} comments)`, at: now, seen: false });
    return { ...f, score, comments: p.comments };
  });
  return { hits, follows: next };
}

/** The state with new hits added (newest first) and their keys remembered, both bounded. */
export function withHits(state: WatchState, hits: readonly WatchHit[]): WatchState {
  if (!hits.length) return state;
  return {
    ...state,
    hits: [...[...hits].reverse(), ...state.hits].slice(0, MAX_HITS),
    matched: [...state.matched, ...hits.map((h) => h.key)].slice(-MAX_MATCHED),
  };
}

export const unseenCount = (state: WatchState) => state.hits.filter((h) => !h.seen).length;

/**
 * Inside the quiet period? `from`/`to` are local "HH:MM" ('' : none); a period may cross midnight
 * (22:00–07:00). `minutesNow`: minutes since local midnight.
 */
export function isQuiet(from: string, to: string, minutesNow: number): boolean {
  const m = (s: string) => (/^\d{2}:\d{2}$/.test(s) ? Number(s.slice(0, 2)) * 60 + Number(s.slice(3)) : null);
  const a = m(from);
  const b = m(to);
  if (a == null || b == null || a === b) return false;
  return a < b ? minutesNow >= a && minutesNow < b : minutesNow >= a || minutesNow < b;
}

/** Whether a watch may notify now: not in the quiet period, and 10 minutes since its last notification. */
export function mayNotify(state: WatchState, watchId: string, now: number, quiet: boolean): boolean {
  return !quiet && now - (state.notified[watchId] ?? 0) >= NOTIFY_EVERY_MS;
}
