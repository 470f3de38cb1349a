/**
 * The offline analyser: every Trend Analysis section computed from the data, no model. Always
 * available and instant, and deterministic. Links point only at posts in the input.
 */
import type { Analysis, AnalysisSection } from './sections';
import { inlineText, postLink, titleCell } from '../markdown/escape';
import type { TrendRow } from '../rank/types';
import { mostDiscussed, type AnalysisInput } from './input';
import { risingTerms, topTerms, terms } from './terms';

export const OFFLINE_SOURCE = 'offline analyser';

export function postRef(r: TrendRow): string {
  return `[${titleCell(r.title)}](${postLink(r.id)}) (Score: ${r.score}, Comments: ${r.comments})`;
}

const section = (body: string): AnalysisSection => ({ body, source: OFFLINE_SOURCE });
const titles = (rows: TrendRow[]) => rows.map((r) => r.title);
const quote = (t: string) => `“${t}”`;
const firstWith = (rows: TrendRow[], term: string) => rows.find((r) => terms(r.title).includes(term));

/** Untrusted text, cut at a word, made inert for Markdown (see inlineText). */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return inlineText(flat);
  const cut = flat.slice(0, max);
  return `${inlineText(cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)))}…`;
}

function todaySection(input: AnalysisInput): string {
  const { report, day, previousWeek } = input;
  if (!report.today.length && !day.length) return 'No post of a tracked community was created in the last 24 hours.';
  const out: string[] = [];
  const rising = risingTerms(titles(day), titles(previousWeek), 5);
  if (rising.length) {
    out.push(`**Rising terms** (posts today, against the previous 7 days): ${rising.map((t) => `${quote(t.term)} ${t.now} (was ${t.before})`).join(', ')}.`);
    for (const t of rising.slice(0, 3)) {
      const p = firstWith(report.today, t.term) ?? firstWith(day, t.term);
      if (p) out.push(`- ${quote(t.term)}: ${postRef(p)} in r/${p.subreddit}`);
    }
  } else {
    out.push('No term stands out today against the previous 7 days.');
  }
  if (report.today.length) out.push('', '**Most upvoted today:**', '', ...report.today.slice(0, 3).map((r) => `- ${postRef(r)} in r/${r.subreddit}`));
  return out.join('\n');
}

function weeklySection(input: AnalysisInput): string {
  const { day, previousWeek, report } = input;
  if (!previousWeek.length && !day.length) return 'No post of a tracked community was captured in the last 8 days.';
  const now = new Map(topTerms(titles(day), 30, 1));
  const before = new Map(topTerms(titles(previousWeek), 30, 2));
  const persistent = [...before.keys()].filter((t) => now.has(t)).slice(0, 6);
  const fresh = [...now.keys()].filter((t) => !before.has(t) && (now.get(t) ?? 0) >= 2).slice(0, 6);
  const fading = [...before.keys()].filter((t) => !now.has(t)).slice(0, 6);
  const list = (xs: string[]) => (xs.length ? xs.map(quote).join(', ') : 'none');
  const out = [
    `- **Persistent topics** (the week before and today): ${list(persistent)}.`,
    `- **New today** (not among the week's topics): ${list(fresh)}.`,
    `- **Quieter today** (the week's topics absent today): ${list(fading)}.`,
  ];
  if (report.weekly[0]) out.push('', `The week's top post: ${postRef(report.weekly[0])} in r/${report.weekly[0].subreddit}.`);
  return out.join('\n');
}

function monthlySection(input: AnalysisInput): string {
  const { month, report } = input;
  if (!month.length) return 'No post of a tracked community was captured in the last 30 days.';
  const top = topTerms(titles(month), 8);
  const out = [`Across ${month.length} posts of the last 30 days, the most frequent topics: ${top.length ? top.map(([t, c]) => `${quote(t)} (${c})`).join(', ') : 'none repeated'}.`];
  if (report.monthly.length) out.push('', "**The month's most upvoted:**", '', ...report.monthly.slice(0, 3).map((r) => `- ${postRef(r)} in r/${r.subreddit}`));
  return out.join('\n');
}

function deepDiveSection(input: AnalysisInput): string {
  const post = mostDiscussed(input.report);
  if (!post) return 'Nothing to examine yet: no recent post of a tracked community was captured.';
  const detail = input.details[post.id];
  const out = [`**${titleCell(post.title)}**, the most discussed post ${input.report.today.length ? 'of the day' : 'of the week'}: ${postRef(post)} in r/${post.subreddit}.`];
  if (detail?.body) out.push('', `> ${clip(detail.body, 600)}`);
  else out.push('', '*Its text was not captured: open the post once to include its body and comments here.*');
  const comments = (detail?.comments ?? []).filter((c) => c.body.trim()).slice(0, 3);
  if (comments.length) {
    out.push('', '**Top comments:**', '');
    for (const c of comments) out.push(`- u/${inlineText(c.author ?? '[unknown]')}${c.score != null ? ` (${c.score} points)` : ''}: ${clip(c.body, 240)}`);
  }
  return out.join('\n');
}

function communitiesSection(input: AnalysisInput): string {
  const groups = new Map<string, TrendRow[]>();
  for (const r of input.month.length ? input.month : input.report.weekly) {
    const g = groups.get(r.subreddit.toLowerCase());
    if (g) g.push(r);
    else groups.set(r.subreddit.toLowerCase(), [r]);
  }
  if (!groups.size) return 'No community of the tracked list has captured posts in the last 30 days.';
  const rows = [...groups.values()].sort((a, b) => b.length - a.length || (a[0]!.subreddit < b[0]!.subreddit ? -1 : 1));
  return rows
    .map((g) => {
      const best = [...g].sort((a, b) => b.score - a.score || b.comments - a.comments || (a.id < b.id ? -1 : 1))[0]!;
      const dominant = topTerms(titles(g), 4);
      return `- **r/${best.subreddit}** (${g.length} post${g.length === 1 ? '' : 's'}): ${dominant.length ? `talks about ${dominant.map(([t]) => quote(t)).join(', ')}; ` : ''}top post ${postRef(best)}`;
    })
    .join('\n');
}

export function offlineAnalysis(input: AnalysisInput): Analysis {
  return {
    today: section(todaySection(input)),
    weekly: section(weeklySection(input)),
    monthly: section(monthlySection(input)),
    deepDive: section(deepDiveSection(input)),
    communities: section(communitiesSection(input)),
  };
}
