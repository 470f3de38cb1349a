/**
 * The trend tables, with the seed series' exact rules (see README "Reports"):
 *   Today's Trending   created in (T−24 h, T], comments > 10, top 10 by score
 *   Rising             score gained per hour between a post's sightings in (T−24 h, T], two needed, top 10
 *   Weekly Popular     created in (T−7 d, T], top 20
 *   Monthly Popular    created in (T−30 d, T], top 20
 *   Top by Community   the Today set, top 3 per community, communities in code-point order
 * Ties: score, then comments (both descending), then id. Each post counts with its score and comment
 * count as known at T: its latest sighting at or before T, else its stored state.
 * Pure: the same input always gives the same report.
 */
import type { CommunityTable, RankPost, RankSettings, RankSighting, TrendReport, TrendRow } from './types';

import { DAY, HOUR, MIN_COMMENTS_TODAY, TABLE, WINDOWS } from './tables';

export { DAY, HOUR, WINDOWS };

export function utcDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function isTracked(settings: RankSettings): (subreddit: string) => boolean {
  if (settings.all) return () => true;
  const set = new Set(settings.tracked.map((s) => s.toLowerCase()));
  return (subreddit) => set.has(subreddit.toLowerCase());
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

/** Every tracked post of the 30-day window, as known at T, best first. */
export function windowRows(posts: RankPost[], sightings: RankSighting[], at: number, settings: RankSettings): TrendRow[] {
  const tracked = isTracked(settings);
  const history = historyByPost(sightings);
  return posts
    .filter((p) => tracked(p.subreddit) && inWindow(p.createdAt, at, WINDOWS.monthly))
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
    const key = r.subreddit.toLowerCase();
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const communities: CommunityTable[] = [...groups.values()]
    .map((g) => ({ name: g[0]!.subreddit, rows: g.slice(0, TABLE.communities.limit) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const rising = risingRows(rows, history, at);
  const all = [...todaySet, ...rising, ...weekly, ...monthly];
  return {
    at,
    date: utcDate(at),
    today: todaySet.slice(0, TABLE.today.limit),
    rising,
    weekly,
    monthly,
    communities,
    postsInWindow: rows.length,
    hasSample: all.some((r) => r.sample),
  };
}

/**
 * Score gained per hour between the first and the last sighting inside (T−24 h, T]. A post needs two
 * sightings there, and a gain, to rise. The row shows the post as known at T.
 */
function risingRows(rows: TrendRow[], history: Map<string, RankSighting[]>, at: number): TrendRow[] {
  const out: TrendRow[] = [];
  for (const r of rows) {
    const window = (history.get(r.id) ?? []).filter((s) => s.at > at - DAY && s.at <= at);
    if (window.length < 2) continue;
    const first = window[0]!;
    const last = window[window.length - 1]!;
    const hours = (last.at - first.at) / HOUR;
    const gained = last.score - first.score;
    if (hours <= 0 || gained <= 0) continue;
    out.push({ ...r, perHour: Math.round((gained / hours) * 10) / 10 });
  }
  return out.sort((a, b) => b.perHour! - a.perHour! || byScore(a, b)).slice(0, TABLE.rising.limit);
}
