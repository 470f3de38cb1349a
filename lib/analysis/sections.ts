/**
 * The Trend Analysis' shape: five sections, in the seed series' order, each a Markdown body and who
 * wrote it. The offline analyser and the model both fill it; the export and the pages render it (our
 * code writes the headings).
 */
export const ANALYSIS_SECTIONS = [
  { key: 'today', title: "Today's Highlights", zh: '今日焦点' },
  { key: 'weekly', title: 'Weekly Trend Comparison', zh: '周趋势对比' },
  { key: 'monthly', title: 'Monthly Technology Evolution', zh: '月度技术演进' },
  { key: 'deepDive', title: 'Technical Deep Dive', zh: '技术深度解析' },
  { key: 'communities', title: 'Community Highlights', zh: '社区亮点' },
] as const;

/**
 * The languages a report is written in: the series publishes English and Chinese. Tables are the same
 * in both (English headers and cells); the headings, the analysis and the model's prose change.
 */
export const REPORT_LANGUAGES = ['en', 'zh'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<ReportLanguage, string> = { en: 'English', zh: 'Chinese (简体中文)' };

export type SectionKey = (typeof ANALYSIS_SECTIONS)[number]['key'];

/** Who wrote a section when no model did. */
export const OFFLINE_SOURCE = 'offline analyser';

export interface AnalysisSection {
  /** Markdown body, without a heading. */
  body: string;
  /** Who wrote it: a model id, or "offline analyser". */
  source: string;
}
export type Analysis = Record<SectionKey, AnalysisSection>;
