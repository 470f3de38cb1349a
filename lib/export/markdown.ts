/**
 * The Markdown report, in the layout of the seed reports: `TrendReport + Analysis → Markdown`. Pure;
 * the same code runs in the extension and in `npm run report`. Our code writes every heading; the
 * analysis supplies section bodies only.
 */
import type { TrendReport, TrendRow } from '../rank/types';
import { category, communityLink, postLink, postedCell, titleCell } from './cells';

export const ANALYSIS_SECTIONS = [
  { key: 'today', title: "Today's Highlights" },
  { key: 'weekly', title: 'Weekly Trend Comparison' },
  { key: 'monthly', title: 'Monthly Technology Evolution' },
  { key: 'deepDive', title: 'Technical Deep Dive' },
  { key: 'communities', title: 'Community Highlights' },
] as const;

export type SectionKey = (typeof ANALYSIS_SECTIONS)[number]['key'];

export interface AnalysisSection {
  /** Markdown body, without a heading. */
  body: string;
  /** Who wrote it: a model id, or "offline analyser". */
  source: string;
}
export type Analysis = Record<SectionKey, AnalysisSection>;

const TABLE_WITH_COMMUNITY = ['| Title | Community | Score | Comments | Category | Posted |', '|-------|-----------|-------|----------|----------|--------|'];
const TABLE_RANKED = ['| # | Title | Community | Score | Comments | Category | Posted |', '|---|-------|-----------|-------|----------|----------|--------|'];
const TABLE_COMMUNITY = ['| Title | Score | Comments | Category | Posted |', '|-------|-------|----------|----------|--------|'];

function cells(r: TrendRow, withCommunity: boolean): string[] {
  const title = `[${titleCell(r.title)}](${postLink(r.id)})`;
  return [title, ...(withCommunity ? [communityLink(r.subreddit)] : []), String(r.score), String(r.comments), category(r.flair), postedCell(r.createdAt)];
}
const line = (values: string[]) => `| ${values.join(' | ')} |`;

function table(rows: TrendRow[], kind: 'plain' | 'ranked' | 'community'): string[] {
  if (kind === 'ranked') return [...TABLE_RANKED, ...rows.map((r, i) => line([String(i + 1), ...cells(r, true)]))];
  if (kind === 'community') return [...TABLE_COMMUNITY, ...rows.map((r) => line(cells(r, false)))];
  return [...TABLE_WITH_COMMUNITY, ...rows.map((r) => line(cells(r, true)))];
}

const EMPTY = '*No captured posts in this window.*';

/** The four tables, exactly as the seeds lay them out, ending before `## Trend Analysis`. */
export function renderTables(report: TrendReport): string {
  const out: string[] = [`# Reddit AI Trend Report - ${report.date}`, ''];
  if (report.hasSample) out.push('> Sample data: these rows come from the built-in sample, not from your browsing.', '');
  const section = (heading: string, rows: TrendRow[], kind: 'plain' | 'ranked') => {
    out.push(`## ${heading}`, '', ...(rows.length ? table(rows, kind) : [EMPTY]), '', '');
  };
  section("Today's Trending Posts", report.today, 'plain');
  section('Weekly Popular Posts', report.weekly, 'ranked');
  section('Monthly Popular Posts', report.monthly, 'ranked');
  out.push('## Top Posts by Community (Past Week)', '');
  if (report.communities.length === 0) out.push(EMPTY, '');
  for (const c of report.communities) out.push(`### r/${c.name}`, '', ...table(c.rows, 'community'), '', '');
  out.push('', '', '');
  return out.join('\n');
}

export function renderAnalysis(analysis: Analysis): string {
  const out = ['## Trend Analysis', ''];
  for (const s of ANALYSIS_SECTIONS) {
    const section = analysis[s.key];
    out.push(`### ${s.title}`, '', section.body.trim(), '', `*Written by: ${section.source}*`, '');
  }
  return out.join('\n');
}

export function renderReport(report: TrendReport, analysis: Analysis): string {
  return `${renderTables(report)}${renderAnalysis(analysis)}`;
}

export function reportFilename(report: TrendReport): string {
  return `reddit-trend-report-${report.date}.md`;
}
