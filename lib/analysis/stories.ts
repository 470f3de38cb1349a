/**
 * Stories: posts about one event, across communities and crossposts, grouped so a reader scans events
 * rather than posts. Two posts are one story when they share the outbound link, one crossposts the
 * other, they share two names, or one name and much of their titles, or most of their titles.
 * Candidate pairs come from indexes (link, parent, name, rare title word), never from all pairs.
 */
import { sameCommunity } from '../reddit/names';
import type { TrendRow } from '../rank/types';
import { STOPWORDS, isGenericTerm } from './words';
import { Interner, wordEnd, wordStart } from './word-scan';

export interface StoryInput extends TrendRow {
  /** Outbound link (or the permalink's URL for a self post). */
  url?: string | null;
  crosspostParent?: string | null;
}

export interface Story {
  /** The lead post's id. */
  id: string;
  /** The most upvoted discussion. */
  lead: TrendRow;
  /** Every discussion, best first. */
  posts: TrendRow[];
  /** Name keys, most mentioned first. */
  names: string[];
  score: number;
  comments: number;
  /** Communities as Reddit spells them, by their best post. */
  communities: string[];
  firstAt: number;
}

/** Title words that say what a post is about: no stop words, no generic terms, no numbers alone. */
export function contentWords(title: string): Set<string> {
  const out = new Set<string>();
  // The name finder's words (lib/analysis/word-scan.ts) without their trailing + and #.
  const text = title.toLowerCase();
  for (let start = wordStart(text, 0), end = 0; start >= 0; start = wordStart(text, end)) {
    end = wordEnd(text, start);
    let last = end;
    while (text.charCodeAt(last - 1) === 43 || text.charCodeAt(last - 1) === 35) last--;
    const w = titleWords.get(text, start, last);
    if (w.counts) out.add(w.word);
  }
  return out;
}

/** Title words, each with whether it counts when comparing titles. */
const titleWords = new Interner((word) => ({ word, counts: word.length >= 3 && /\p{L}/u.test(word) && !/['’]/.test(word) && !STOPWORDS.has(word) && !isGenericTerm(word) }));

function without(a: Set<string>, b: Set<string>): Set<string> {
  return b.size ? new Set([...a].filter((x) => !b.has(x))) : a;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

/** A name mentioned by more posts than this in the window is a topic, not one event. */
const EVENT_NAME_MAX_POSTS = 8;

const REDDIT_LINK = /^https?:\/\/(?:[^/?#@]*\.)?(?:reddit\.com|redd\.it)(?:[/?#:]|$)/i;
const linkKey = (url: string | null | undefined) => {
  // Most posts link to Reddit itself: told without parsing the address.
  if (!url || REDDIT_LINK.test(url)) return null;
  try {
    const u = new URL(url);
    // Reddit's own pages (self posts, galleries) and its media hosts are one post each, never a shared link.
    if (/(^|\.)(reddit\.com|redd\.it)$/.test(u.hostname)) return null;
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/$/, '')}`;
  } catch {
    return null;
  }
};

/**
 * Groups posts into stories. `namesOf`: a post's name keys (lib/analysis/names.ts). Stories are sorted
 * by total score, then comments.
 */
export function groupStories(posts: StoryInput[], namesOf: (id: string) => string[]): Story[] {
  const parent = posts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  // Posts by shared link, crossposted parent, name and title word.
  const links = new Map<string, number[]>();
  const parents = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, i: number) => (index.get(key) ?? index.set(key, []).get(key)!).push(i);
  const words = posts.map((p) => contentWords(p.title));
  const names = posts.map((p) => new Set(namesOf(p.id)));
  // Title words that belong to a name: "altman" in "Sam Altman" (keys hold no spaces, words none either).
  const nameWords = posts.map((_, i) => {
    const inNames = new Set<string>();
    for (const w of words[i]!)
      for (const k of names[i]!)
        if (k.includes(w)) {
          inNames.add(w);
          break;
        }
    return inNames;
  });
  // Each title's words besides its names, made once (not once per pair compared).
  const rest = posts.map((_, i) => without(words[i]!, nameWords[i]!));
  const byId = new Map(posts.map((p, i) => [p.id, i]));
  posts.forEach((p, i) => {
    const link = linkKey(p.url);
    if (link) add(links, link, i);
    if (p.crosspostParent) add(parents, p.crosspostParent, i);
    for (const n of names[i]!) add(byName, n, i);
    for (const w of words[i]!) add(byWord, w, i);
  });
  // Crossposts of a post in the set join it.
  posts.forEach((p, i) => {
    const j = p.crosspostParent ? byId.get(p.crosspostParent) : undefined;
    if (j !== undefined) union(i, j);
  });
  for (const index of [links, parents])
    for (const list of index.values()) for (let k = 1; k < list.length; k++) union(list[0]!, list[k]!);
  for (const index of [byName, byWord])
    for (const list of index.values()) {
      // Only keys rare enough to name one event propose pairs.
      if (list.length < 2 || list.length > EVENT_NAME_MAX_POSTS) continue;
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length; b++) {
          const [i, j] = [list[a]!, list[b]!];
          if (find(i) === find(j)) continue;
          let shared = 0;
          for (const n of names[i]!) if (names[j]!.has(n) && (byName.get(n)?.length ?? 0) <= EVENT_NAME_MAX_POSTS) shared++;
          // Beside a shared name, the rest of the titles must agree too: "Sam Altman in 2050" is not his interview.
          const others = jaccard(rest[i]!, rest[j]!);
          const similar = jaccard(words[i]!, words[j]!);
          if (shared >= 2 || (shared >= 1 && others >= 0.2) || (similar >= 0.5 && Math.min(words[i]!.size, words[j]!.size) >= 3)) union(i, j);
        }
    }
  const groups = new Map<number, number[]>();
  posts.forEach((_, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(i));
  const stories: Story[] = [];
  for (const members of groups.values()) {
    const rows = members.map((i) => posts[i]!).sort((a, b) => b.score - a.score || b.comments - a.comments || (a.id < b.id ? -1 : 1));
    const counts = new Map<string, number>();
    for (const i of members) for (const n of names[i]!) counts.set(n, (counts.get(n) ?? 0) + 1);
    const communities: string[] = [];
    for (const r of rows) if (!communities.some((c) => sameCommunity(c, r.subreddit))) communities.push(r.subreddit);
    stories.push({
      id: rows[0]!.id,
      lead: rows[0]!,
      posts: rows,
      names: [...counts].sort((a, b) => b[1] - a[1]).map(([n]) => n),
      score: rows.reduce((s, r) => s + r.score, 0),
      comments: rows.reduce((s, r) => s + r.comments, 0),
      communities,
      firstAt: Math.min(...rows.map((r) => r.createdAt)),
    });
  }
  return stories.sort((a, b) => b.score - a.score || b.comments - a.comments || (a.id < b.id ? -1 : 1));
}
