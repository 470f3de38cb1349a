/**
 * The Markdown report, in the layout of the seed reports: `TrendReport + Analysis → Markdown`. Pure;
 * the same code runs in the extension and in `npm run report`. Our code writes every heading; the
 * analysis supplies section bodies only.
 */
import type { TrendReport, TrendRow } from '../rank/types';
import { COLUMN_LABELS, gainText, TABLES, type ColumnKey, type TrendTableSpec } from '../rank/tables';
import { ANALYSIS_SECTIONS, type Analysis } from '../analysis/sections';
import { category, communityLink, postLink, postedCell, titleCell } from '../markdown/escape';


/** A cell of the report, as the seed series writes it. */
function cell(key: ColumnKey, r: TrendRow, index: number): string {
  switch (key) {
    case 'rank':
      return String(index + 1);
    case 'title':
      return `[${titleCell(r.title)}](${postLink(r.id)})`;
    case 'subreddit':
      return communityLink(r.subreddit);
    case 'score':
      return String(r.score);
    case 'comments':
      return String(r.comments);
    case 'flair':
      return category(r.flair);
    case 'createdAt':
      return postedCell(r.createdAt);
    case 'gain':
      return r.gain ? gainText(r.gain) : '';
  }
}
const line = (values: string[]) => `| ${values.join(' | ')} |`;

function table(rows: TrendRow[], spec: TrendTableSpec): string[] {
  const labels = spec.columns.map((c) => COLUMN_LABELS[c]);
  return [line(labels), `|${labels.map((l) => '-'.repeat(l.length + 2)).join('|')}|`, ...rows.map((r, i) => line(spec.columns.map((c) => cell(c, r, i))))];
}

const EMPTY = '*No captured posts in this window.*';

/** The four tables, exactly as the seeds lay them out, ending before `## Trend Analysis`. */
export function renderTables(report: TrendReport): string {
  const out: string[] = [`# Reddit AI Trend Report - ${report.date}`, ''];
  if (report.hasSample) out.push('> Sample data: these rows come from the built-in sample, not from your browsing.', '');
  for (const spec of TABLES) {
    if (!spec.heading) continue;
    out.push(`## ${spec.heading}`, '');
    if (spec.key === 'communities') {
      if (report.communities.length === 0) out.push(EMPTY, '');
      for (const c of report.communities) out.push(`### r/${c.name}`, '', ...table(c.rows, spec), '', '');
    } else {
      const rows = report[spec.key];
      out.push(...(rows.length ? table(rows, spec) : [EMPTY]), '', '');
    }
  }
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
