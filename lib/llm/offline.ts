/**
 * The offline analyser: every Trend Analysis section computed from the data, no model. Always
 * available and instant; deterministic for the same report. Links point only at posts in the report.
 */
import type { Analysis, AnalysisSection } from '../export/markdown';
import { postLink, titleCell } from '../export/cells';
import type { TrendReport, TrendRow } from '../rank/types';

export const OFFLINE_SOURCE = 'offline analyser';

export function postRef(r: TrendRow): string {
  return `[${titleCell(r.title)}](${postLink(r.id)}) (Score: ${r.score}, Comments: ${r.comments})`;
}

function countBy<T>(items: T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const section = (body: string): AnalysisSection => ({ body, source: OFFLINE_SOURCE });
const list = (rows: TrendRow[]) => rows.map((r) => `- ${postRef(r)} in r/${r.subreddit}`).join('\n');

export function offlineAnalysis(report: TrendReport): Analysis {
  const { today, weekly, monthly, communities } = report;

  const todayBody = today.length
    ? `The most upvoted discussions of the last 24 hours:\n\n${list(today.slice(0, 3))}\n\n` +
      `Communities in today's table: ${countBy(today, (r) => `r/${r.subreddit}`).map(([c, n]) => `${c} (${n})`).join(', ')}.`
    : 'No post of a tracked community created in the last 24 hours has more than 10 comments yet.';

  const both = weekly.filter((w) => today.some((t) => t.id === w.id));
  const weeklyBody = weekly.length
    ? `The week's top post is ${postRef(weekly[0]!)}. ` +
      `Posts per community in the weekly table: ${countBy(weekly, (r) => `r/${r.subreddit}`).map(([c, n]) => `${c} ${n}`).join(', ')}.` +
      (both.length ? `\n\nAlready in the weekly table from today: ${both.map((r) => postRef(r)).join('; ')}.` : '')
    : 'No post of a tracked community was captured in the last 7 days.';

  const monthlyBody = monthly.length
    ? `The month's most upvoted posts:\n\n${list(monthly.slice(0, 3))}`
    : 'No post of a tracked community was captured in the last 30 days.';

  const pool = today.length ? today : weekly;
  const discussed = [...pool].sort((a, b) => b.comments - a.comments || b.score - a.score || (a.id < b.id ? -1 : 1))[0];
  const deepBody = discussed
    ? `The most discussed post${today.length ? ' of the day' : ' of the week'}: ${postRef(discussed)} in r/${discussed.subreddit}.`
    : 'Nothing to examine yet: no recent post of a tracked community was captured.';

  const communityBody = communities.length
    ? communities.map((c) => `- **r/${c.name}**: ${c.rows.length} of its posts lead today; top: ${postRef(c.rows[0]!)}`).join('\n')
    : 'No community has a post with more than 10 comments in the last 24 hours.';

  return {
    today: section(todayBody),
    weekly: section(weeklyBody),
    monthly: section(monthlyBody),
    deepDive: section(deepBody),
    communities: section(communityBody),
  };
}
