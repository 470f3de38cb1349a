/**
 * The communities the user browsed: a community's own feed or one of its posts opened in a tab (not a
 * search page, the front page or r/all, whose posts come from everywhere). Options suggests tracking
 * these, and only these. Kept by the background in storage.local; no page content, only names and counts.
 */
import { communityFromInput } from '../reddit/names';

export const BROWSED_KEY = 'browsed-communities';
/** At most this many communities are remembered (the least recently browsed go first). */
export const BROWSED_LIMIT = 500;

export interface BrowsedCommunity {
  name: string;
  /** Pages of it opened (a feed or a post). */
  pages: number;
  lastAt: number;
}
/** Keyed by the lowercase name. */
export type Browsed = Record<string, BrowsedCommunity>;

/** The community a tab's address belongs to: `/r/<name>/…` on Reddit; null for feeds of many communities. */
export function browsedCommunityOf(url: string): string | null {
  return /^https?:\/\//i.test(url) ? communityFromInput(url) : null;
}

/** `browsed` with one more page of `url`'s community (unchanged when the address names none). */
export function withBrowsedPage(browsed: Browsed, url: string, now: number): Browsed {
  const name = browsedCommunityOf(url);
  if (!name) return browsed;
  const key = name.toLowerCase();
  const prev = browsed[key];
  const next: Browsed = { ...browsed, [key]: { name: prev?.name ?? name, pages: (prev?.pages ?? 0) + 1, lastAt: now } };
  const keys = Object.keys(next);
  if (keys.length <= BROWSED_LIMIT) return next;
  keys.sort((a, b) => next[a]!.lastAt - next[b]!.lastAt);
  for (const k of keys.slice(0, keys.length - BROWSED_LIMIT)) delete next[k];
  return next;
}

/**
 * Communities to suggest tracking: browsed, not tracked, not a profile, with posts captured; most
 * captured first.
 */
export function trackSuggestions(counts: readonly { name: string; posts: number }[], browsed: Browsed, tracked: readonly string[], limit = 8) {
  const skip = new Set(tracked.map((s) => s.toLowerCase()));
  return counts.filter((c) => browsed[c.name.toLowerCase()] && !skip.has(c.name.toLowerCase()) && !c.name.startsWith('u_')).slice(0, limit);
}
