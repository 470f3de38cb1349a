/**
 * The trend tables, with the seed series' exact rules (see docs/ranking-and-analysis.md, "Trend tables and reports"):
 *   Today's Trending   created in (T−24 h, T], comments > 10, top 10 by score
 *   Rising             points gained between sightings ≥ 30 min apart in (T−24 h, T], ≥ 10, posts < 48 h old
 *   Weekly Popular     created in (T−7 d, T], top 20
 *   Monthly Popular    created in (T−30 d, T], top 20
 *   Top by Community   the Today set, top 3 per community, communities in code-point order
 * Ties: score, then comments (both descending), then id. Each post counts with its score and comment
 * count as known at T: its latest sighting at or before T, else its stored state.
 * Pure: the same input always gives the same report.
 */
import { communityKey } from '../reddit/names';
import type { CommunityTable, RankPost, RankSettings, RankSighting, RisingWaiting, TrendReport, TrendRow } from './types';

import { DAY, HOUR, MIN_COMMENTS_TODAY, TABLE, WINDOWS } from './tables';

export { DAY, HOUR, WINDOWS };

export function utcDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function isTracked(settings: RankSettings): (subreddit: string) => boolean {
  if (settings.all) return () => true;
  const set = new Set(settings.tracked.map((s) => s.toLowerCase()));
  return (subreddit) => set.has(communityKey(subreddit));
}

/** Score first, then comments, both descending; then id, ascending. */
export function byScore(a: TrendRow, b: TrendRow): number {
  return b.score - a.score || b.comments - a.comments || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export const inWindow = (createdAt: number, at: number, span: number) => createdAt > at - span && createdAt <= at;

/** Sightings grouped by post, each list sorted by time. */
function historyByPost(sightings: RankSighting[]): Map<string, RankSighting[]> {
  const map = new Map<string, RankSighting[]>();
  for (const s of sightings) {
    const list = map.get(s.postId);
    if (list) list.push(s);
    else map.set(s.postId, [s]);
  }
  for (const list of map.values()) list.sort((a, b) => a.at - b.at);
  return map;
}

/** The post as known at T; null when its score was never known (it is in no table then). */
function asOf(post: RankPost, history: RankSighting[] | undefined, at: number): TrendRow | null {
  let score = post.score;
  let comments = post.comments;
  if (history && post.lastSeenAt > at) {
    // The stored state is newer than the report time: use what was known then, if anything was.
    const before = history.filter((s) => s.at <= at);
    const last = before[before.length - 1];
    if (last) ({ score, comments } = last);
  }
  // An unknown score never counts as 0: the post waits for a sighting with a number.
  if (score == null) return null;
  return {
    id: post.id,
    subreddit: post.subreddit,
    title: post.title,
    author: post.author,
    permalink: post.permalink,
    flair: post.flair,
    createdAt: post.createdAt,
    score,
    comments,
    sample: post.sample === 1,
  };
}

/** Flairs of jokes rather than news: "Funny", "Meme", "Shitposting", "Humor", "Humour", "Joke". */
export const MEME_FLAIR = /\b(?:memes?|shitpost\w*|humou?r\w*|funny|jokes?)\b/i;

/** Every tracked post of the 30-day window, as known at T, best first (memes left out where asked). */
export function windowRows(posts: RankPost[], sightings: RankSighting[], at: number, settings: RankSettings): TrendRow[] {
  const tracked = isTracked(settings);
  const shown = (p: RankPost) => tracked(p.subreddit) && !(settings.hideMemes && p.flair && MEME_FLAIR.test(p.flair));
  const history = historyByPost(sightings);
  return posts
    .filter((p) => shown(p) && inWindow(p.createdAt, at, WINDOWS.monthly))
    .map((p) => asOf(p, history.get(p.id), at))
    .filter((r): r is TrendRow => r != null)
    .sort(byScore);
}

export function rank(posts: RankPost[], sightings: RankSighting[], at: number, settings: RankSettings): TrendReport {
  return rankRows(windowRows(posts, sightings, at, settings), historyByPost(sightings), at);
}

function rankRows(rows: TrendRow[], history: Map<string, RankSighting[]>, at: number): TrendReport {

  const todaySet = rows.filter((r) => inWindow(r.createdAt, at, TABLE.today.window) && r.comments > MIN_COMMENTS_TODAY);
  const weekly = rows.filter((r) => inWindow(r.createdAt, at, WINDOWS.weekly)).slice(0, TABLE.weekly.limit);
  const monthly = rows.slice(0, TABLE.monthly.limit);

  const groups = new Map<string, TrendRow[]>();
  for (const r of todaySet) {
    const key = communityKey(r.subreddit);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const communities: CommunityTable[] = [...groups.values()]
    .map((g) => ({ name: g[0]!.subreddit, rows: g.slice(0, TABLE.communities.limit) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const { rows: rising, waiting } = risingRows(rows, history, at);
  const all = [...todaySet, ...rising, ...weekly, ...monthly];
  return {
    at,
    date: utcDate(at),
    today: todaySet.slice(0, TABLE.today.limit),
    rising,
    risingWaiting: waiting,
    weekly,
    monthly,
    communities,
    postsInWindow: rows.length,
    hasSample: all.some((r) => r.sample),
  };
}

/** Rising's rules: what a gain must show before a post rises (docs/ranking-and-analysis.md, the Rising row). */
export const RISING = {
  /** The first and last sighting in the window at least this far apart: no rate from seconds. */
  minSpan: 30 * 60_000,
  /** Points gained between them, at least. */
  minGain: 10,
  /** Only posts younger than this: a three-week-old post is not rising. */
  maxAge: 2 * DAY,
} as const;

/**
 * Posts that gained at least RISING.minGain points between sightings at least 30 minutes apart in
 * (T−24 h, T], created in the last 48 hours; ordered by gain per hour, shown as observed ("+45 in 2 h").
 * Sightings only: an unknown or hidden score is never one. Also counts why other posts are not there.
 */
function risingRows(rows: TrendRow[], history: Map<string, RankSighting[]>, at: number): { rows: TrendRow[]; waiting: RisingWaiting } {
  const out: { row: TrendRow; rate: number }[] = [];
  const waiting: RisingWaiting = { oneSighting: 0, tooClose: 0, smallGain: 0, tooOld: 0 };
  for (const r of rows) {
    if (r.createdAt <= at - DAY * 30) continue;
    const window = (history.get(r.id) ?? []).filter((s) => s.at > at - DAY && s.at <= at);
    if (!window.length) continue;
    if (r.createdAt <= at - RISING.maxAge) {
      waiting.tooOld++;
      continue;
    }
    if (window.length < 2) {
      waiting.oneSighting++;
      continue;
    }
    const first = window[0]!;
    const last = window[window.length - 1]!;
    const span = last.at - first.at;
    const gained = last.score - first.score;
    if (span < RISING.minSpan) waiting.tooClose++;
    else if (gained < RISING.minGain) waiting.smallGain++;
    else out.push({ row: { ...r, gain: { points: gained, ms: span } }, rate: gained / span });
  }
  out.sort((a, b) => b.rate - a.rate || byScore(a.row, b.row));
  return { rows: out.slice(0, TABLE.rising.limit).map((x) => x.row), waiting };
}

/** Why Rising is empty, in words, from the counts ranking kept. */
export function risingEmptyText(w: RisingWaiting | undefined): string {
  if (!w) return TABLE.rising.empty;
  const parts: string[] = [];
  if (w.oneSighting) parts.push(`${w.oneSighting} seen once so far (a second sighting, 30 minutes or more later, is needed)`);
  if (w.tooClose) parts.push(`${w.tooClose} seen twice less than 30 minutes apart`);
  if (w.smallGain) parts.push(`${w.smallGain} gained fewer than ${RISING.minGain} points`);
  if (w.tooOld) parts.push(`${w.tooOld} older than 48 hours`);
  if (!parts.length) return TABLE.rising.empty;
  return `Nothing is rising yet. Of the posts seen in the last 24 hours: ${parts.join('; ')}. Revisit a feed later to see them move.`;
}
