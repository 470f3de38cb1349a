/**
 * The layer the offline analyser and the model both stand on: the names of the last weeks with their
 * novelty and counts, and the stories of the week. Pure; computed once per report input.
 *
 * Novelty: a name is "new this week" when nothing in the user's history mentioned it before the last
 * 7 days (its first-seen time comes from the whole history where the caller has it, else from the posts
 * given). Rise and fall are counted in posts: the last 7 days against the 7 before, and against the
 * weekly average of the 30 days before the week.
 */
import { communityKey } from '../reddit/names';
import { DAY, NAME_HISTORY } from '../rank/tables';
import type { TrendRow } from '../rank/types';
import { findNames, type NameKind } from './names';
import { groupStories, type Story, type StoryInput } from './stories';

export const WEEK = 7 * DAY;
export { NAME_HISTORY };
export interface NameStat {
  key: string;
  label: string;
  kind: NameKind;
  /** Earliest mention known (post creation time). */
  firstSeen: number;
  /** Posts mentioning it in the last 7 days, the 7 before, and the 30 before the week. */
  week: number;
  previousWeek: number;
  previous30: number;
  /** Posts in the last 30 days. */
  month: number;
  /** The week (0 = the last 7 days, 3 = 22–28 days ago) with most mentions in the month. */
  peakWeek: number;
  /** Never mentioned before the last 7 days. */
  isNew: boolean;
  /** Communities that mention it this week, lowercase. */
  communities: string[];
  /** Posts mentioning it on each of the last 30 days, oldest first (index 29: the last 24 hours). */
  daily: number[];
}

export interface Insight {
  names: Record<string, NameStat>;
  /** Name keys each post mentions. */
  postNames: Record<string, string[]>;
  /** The week's stories, by total score. */
  stories: Story[];
  /** Tracked posts created in the last 7 days, and in the 7 before. */
  postsThisWeek: number;
  postsPreviousWeek: number;
  at: number;
  /** Set when names and stories could not be read: the analysis says so and goes on without them. */
  error?: string;
}

export interface InsightPost extends StoryInput {
  body?: string | null;
}

/**
 * `posts`: tracked posts of the last 37 days as known at `at`. `firstSeen`: the first mention of each
 * name in the whole history, where known. `communities`: names never reported as topics.
 */
export function buildInsight(posts: InsightPost[], at: number, communities: string[], firstSeen: Record<string, number> = {}): Insight {
  const recent = posts.filter((p) => p.createdAt > at - NAME_HISTORY && p.createdAt <= at);
  // Each community's key, made once (a few dozen communities for thousands of posts).
  const keys = new Map<string, string>();
  const byId = new Map<string, InsightPost>();
  for (let i = 0; i < recent.length; i++) {
    const p = recent[i]!;
    if (!keys.has(p.subreddit)) keys.set(p.subreddit, communityKey(p.subreddit));
    byId.set(p.id, p);
  }
  const { names, byDoc } = findNames(recent, [...communities, ...keys.keys()]);
  const stats: Record<string, NameStat> = {};
  for (const n of names.values()) {
    const weeks = [0, 0, 0, 0, 0];
    const daily = Array<number>(30).fill(0);
    let previousWeek = 0;
    let previous30 = 0;
    let month = 0;
    let earliest = Infinity;
    const where = new Set<string>();
    for (let i = 0; i < n.docs.length; i++) {
      const p = byId.get(n.docs[i]!)!;
      const age = at - p.createdAt;
      earliest = Math.min(earliest, p.createdAt);
      if (age < WEEK) where.add(keys.get(p.subreddit)!);
      if (age < 30 * DAY) {
        month++;
        weeks[Math.floor(age / WEEK)]!++;
        daily[29 - Math.floor(age / DAY)]!++;
      }
      if (age >= WEEK) previous30++;
      if (age >= WEEK && age < 2 * WEEK) previousWeek++;
    }
    const peakWeek = weeks.indexOf(Math.max(...weeks));
    stats[n.key] = {
      key: n.key,
      label: n.label,
      kind: n.kind,
      firstSeen: earliest,
      week: weeks[0]!,
      previousWeek,
      previous30,
      month,
      peakWeek,
      isNew: earliest > at - WEEK,
      communities: [...where],
      daily,
    };
  }
  const postNames = Object.fromEntries(byDoc);
  const week = recent.filter((p) => p.createdAt > at - WEEK);
  const stories = groupStories(week, (id) => byDoc.get(id) ?? []);
  const postsPreviousWeek = recent.filter((p) => p.createdAt <= at - WEEK && p.createdAt > at - 2 * WEEK).length;
  return withHistory({ names: stats, postNames, stories, postsThisWeek: week.length, postsPreviousWeek, at }, firstSeen);
}

/**
 * The names' first mentions over the whole history applied: a name the history saw before the window is
 * not new. Pure and cheap, so a page can look up only the names it found (lib/db/analysis-input.ts).
 */
export function withHistory(insight: Insight, firstSeen: Record<string, number>): Insight {
  const names: Record<string, NameStat> = {};
  for (const [key, n] of Object.entries(insight.names)) {
    const earliest = Math.min(n.firstSeen, firstSeen[key] ?? Infinity);
    names[key] = earliest === n.firstSeen ? n : { ...n, firstSeen: earliest, isNew: earliest > insight.at - WEEK };
  }
  return { ...insight, names };
}

/** Names by how many posts of the week mention them, ties by label. */
export function weekNames(insight: Insight): NameStat[] {
  return Object.values(insight.names)
    .filter((n) => n.week > 0)
    .sort((a, b) => b.week - a.week || b.month - a.month || a.label.localeCompare(b.label));
}

/** Rising: at least 2 posts this week and at least twice the week before (and the 30-day weekly average). */
export function risingNames(insight: Insight): NameStat[] {
  return weekNames(insight).filter((n) => !n.isNew && n.week >= 2 && n.week >= 2 * n.previousWeek && n.week >= 2 * (n.previous30 / 30) * 7 && n.week > n.previousWeek);
}

/** Fading: at least 2 posts the week before, and at most half of that this week. */
export function fadingNames(insight: Insight): NameStat[] {
  return Object.values(insight.names)
    .filter((n) => n.previousWeek >= 2 && n.week * 2 <= n.previousWeek)
    .sort((a, b) => b.previousWeek - a.previousWeek || a.label.localeCompare(b.label));
}

/** New this week: never mentioned before; by mentions. */
export function newNames(insight: Insight): NameStat[] {
  return weekNames(insight).filter((n) => n.isNew);
}

interface Mentions {
  /** Posts of the week mentioning each name, in all communities and in each (by community key). */
  all: Map<string, number>;
  byCommunity: Map<string, Map<string, number>>;
}
// Counted once per insight and rows (neither is changed once made): the analysis asks for several
// communities of the same week.
const mentionsOf = new WeakMap<TrendRow[], { insight: Insight; mentions: Mentions }>();

function weekMentions(insight: Insight, rows: TrendRow[]): Mentions {
  const known = mentionsOf.get(rows);
  if (known?.insight === insight) return known.mentions;
  const mentions: Mentions = { all: new Map(), byCommunity: new Map() };
  for (let r = 0; r < rows.length; r++) {
    const { createdAt, id, subreddit } = rows[r]!;
    const keys = createdAt > insight.at - WEEK ? insight.postNames[id] : undefined;
    if (!keys) continue;
    const c = communityKey(subreddit);
    const here = mentions.byCommunity.get(c) ?? mentions.byCommunity.set(c, new Map()).get(c)!;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      mentions.all.set(k, (mentions.all.get(k) ?? 0) + 1);
      here.set(k, (here.get(k) ?? 0) + 1);
    }
  }
  mentionsOf.set(rows, { insight, mentions });
  return mentions;
}

/**
 * A community's distinctive names this week: those it holds most of the mentions of (two thirds or
 * more), by mentions there; a name every community talks about belongs to none of them.
 */
export function distinctiveNames(insight: Insight, rows: TrendRow[], community: string, n = 3): NameStat[] {
  const { all, byCommunity } = weekMentions(insight, rows);
  const here = byCommunity.get(communityKey(community)) ?? new Map<string, number>();
  return [...here]
    .filter(([k, count]) => count * 3 >= (all.get(k) ?? 0) * 2 && insight.names[k])
    .sort((a, b) => b[1] - a[1] || insight.names[a[0]]!.label.localeCompare(insight.names[b[0]]!.label))
    .slice(0, n)
    .map(([k]) => insight.names[k]!);
}
