/**
 * The Markdown report, in the layout of the seed reports: `TrendReport + Analysis → Markdown`. Pure;
 * the same code runs in the extension and in `npm run report`. Our code writes every heading; the
 * analysis supplies section bodies only.
 */
import type { TrendReport, TrendRow } from '../rank/types';
import { COLUMN_LABELS, gainText, TABLES, type ColumnKey, type TrendTableSpec } from '../rank/tables';
import { ANALYSIS_SECTIONS, type Analysis, type ReportLanguage } from '../analysis/sections';
import { PHRASES } from '../analysis/phrases';
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

/**
 * What the report says in each language besides its tables (the series' Chinese edition: the title and
 * the headings in Chinese, the tables as in English, cell for cell).
 */
const WORDS: Record<ReportLanguage, { title: string; sample: string; empty: string; analysis: string }> = {
  en: {
    title: 'Reddit AI Trend Report',
    sample: '> Sample data: these rows come from the built-in sample, not from your browsing.',
    empty: '*No captured posts in this window.*',
    analysis: 'Trend Analysis',
  },
  zh: {
    title: 'Reddit AI 趋势报告',
    sample: '> 示例数据：这些行来自内置示例，而不是你的浏览记录。',
    empty: '*此时间段内没有捕获到帖子。*',
    analysis: '趋势分析',
  },
};

/** The four tables, exactly as the seeds lay them out, ending before `## Trend Analysis`. */
export function renderTables(report: TrendReport, lang: ReportLanguage = 'en'): string {
  const words = WORDS[lang];
  const out: string[] = [`# ${words.title} - ${report.date}`, ''];
  if (report.hasSample) out.push(words.sample, '');
  const EMPTY = words.empty;
  for (const spec of TABLES) {
    if (!spec.heading) continue;
    out.push(`## ${lang === 'zh' ? (spec.zh ?? spec.heading) : spec.heading}`, '');
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

export function renderAnalysis(analysis: Analysis, lang: ReportLanguage = 'en'): string {
  const out = [`## ${WORDS[lang].analysis}`, ''];
  for (const s of ANALYSIS_SECTIONS) {
    const section = analysis[s.key];
    out.push(`### ${lang === 'zh' ? s.zh : s.title}`, '', section.body.trim(), '', PHRASES[lang].writtenBy(section.source), '');
  }
  return out.join('\n');
}

export function renderReport(report: TrendReport, analysis: Analysis, lang: ReportLanguage = 'en'): string {
  return `${renderTables(report, lang)}${renderAnalysis(analysis, lang)}`;
}

/** "reddit-trend-report-2025-12-21.md"; the Chinese edition's ends "_zh.md", as the series names it. */
export function reportFilename(report: TrendReport, lang: ReportLanguage = 'en'): string {
  return `reddit-trend-report-${report.date}${lang === 'zh' ? '_zh' : ''}.md`;
}
