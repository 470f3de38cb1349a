/** Everything the analysis reads: the report, the posts of its windows, and details of a few posts. */
import { DAY, inWindow, isTracked, rank, windowRows } from '../rank/rank';
import type { RankPost, RankSettings, RankSighting, TrendReport, TrendRow } from '../rank/types';
import { buildInsight, NAME_HISTORY, type Insight, type InsightPost } from './insight';
import type { Story } from './stories';
import { topComments, type CommentLike, type PostDetail } from './detail';

export type { CommentLike, PostDetail };

export interface AnalysisInput {
  report: TrendReport;
  /** Tracked posts created in the last 24 hours (all of them, not only the top 10). */
  day: TrendRow[];
  /** Tracked posts created in the 7 days before that. */
  previousWeek: TrendRow[];
  /** Tracked posts created in the last 30 days. */
  month: TrendRow[];
  details: Record<string, PostDetail>;
  /** Names, their novelty, and the week's stories. */
  insight: Insight;
}

/** The posts whose bodies and comments matter: the most discussed of the day (or week), and the top few. */
export function postsNeedingDetails(report: TrendReport): string[] {
  const ids = new Set<string>();
  const discussed = mostDiscussed(report);
  if (discussed) ids.add(discussed.id);
  for (const r of report.today.slice(0, 3)) ids.add(r.id);
  return [...ids];
}

/** The day's stories: the week's stories with a post created in the last 24 hours, best first. */
export function dayStories(input: AnalysisInput): Story[] {
  const day = new Set(input.day.map((r) => r.id));
  return input.insight.stories.filter((s) => s.posts.some((p) => day.has(p.id)));
}

/**
 * The story the deep dive examines: the one holding the most discussed post (whose text and comments
 * the input carries), else the day's (or week's) story with most comments.
 */
export function discussedStory(input: AnalysisInput): Story | undefined {
  const post = mostDiscussed(input.report);
  const pool = dayStories(input).length ? dayStories(input) : input.insight.stories;
  return (post && pool.find((s) => s.posts.some((p) => p.id === post.id))) ?? [...pool].sort((a, b) => b.comments - a.comments || b.score - a.score || (a.id < b.id ? -1 : 1))[0];
}

export function mostDiscussed(report: TrendReport): TrendRow | undefined {
  const pool = report.today.length ? report.today : report.weekly;
  return [...pool].sort((a, b) => b.comments - a.comments || b.score - a.score || (a.id < b.id ? -1 : 1))[0];
}

/**
 * The report and its analysis input from stored data: the same function in the extension and in
 * `npm run report`, so both write the same bytes.
 */
export type InputPost = RankPost & { body?: string | null; url?: string | null; crosspostParent?: string | null };

export function reportWithInput(
  posts: InputPost[],
  sightings: RankSighting[],
  comments: CommentLike[],
  at: number,
  settings: RankSettings,
  /** First mention of each name in the whole history (the names table), where the caller has it. */
  firstSeen: Record<string, number> = {},
): { report: TrendReport; input: AnalysisInput } {
  const report = rank(posts, sightings, at, settings);
  const rows = windowRows(posts, sightings, at, settings);
  const byId = new Map(posts.map((p) => [p.id, p]));
  const tracked = isTracked(settings);
  // The month's rows as known at T, and the week before the month (names only: their scores do not matter).
  const named: InsightPost[] = rows.map((r) => ({ ...r, url: byId.get(r.id)?.url, crosspostParent: byId.get(r.id)?.crosspostParent, body: byId.get(r.id)?.body }));
  const inRows = new Set(rows.map((r) => r.id));
  for (const p of posts)
    if (!inRows.has(p.id) && tracked(p.subreddit) && p.createdAt > at - NAME_HISTORY && p.createdAt <= at && !inWindow(p.createdAt, at, 30 * DAY))
      named.push({ ...p, score: p.score ?? 0, sample: p.sample === 1 });
  // Names and stories are read from untrusted text: should they fail, the tables and the sections that
  // need no names still come out (the analysis says what failed).
  let insight: Insight;
  try {
    insight = buildInsight(named, at, settings.all ? [] : settings.tracked, firstSeen);
  } catch (e) {
    insight = { ...buildInsight([], at, []), error: e instanceof Error ? e.message : String(e) };
  }
  const details: Record<string, PostDetail> = {};
  for (const id of postsNeedingDetails(report)) {
    details[id] = {
      body: byId.get(id)?.body ?? null,
      comments: topComments(comments.filter((c) => c.postId === id)).map(({ author, score, body }) => ({ author, score, body: body ?? '' })),
    };
  }
  return {
    report,
    input: {
      report,
      day: rows.filter((r) => inWindow(r.createdAt, at, DAY)),
      previousWeek: rows.filter((r) => r.createdAt <= at - DAY && r.createdAt > at - 8 * DAY),
      month: rows,
      details,
      insight,
    },
  };
}

/** The post details, or null where they cannot be read: lines drawn from them are extras, left out then. */
export function readableDetails(input: AnalysisInput): AnalysisInput['details'] | null {
  try {
    return input.details;
  } catch {
    return null;
  }
}
