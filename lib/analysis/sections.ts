/**
 * The Trend Analysis' shape: five sections, in the seed series' order, each a Markdown body and who
 * wrote it. The offline analyser and the model both fill it; the export and the pages render it (our
 * code writes the headings).
 */
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
