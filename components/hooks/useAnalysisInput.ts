import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { computeInput } from '@/lib/db/analysis-input';
import type { AnalysisInput } from '@/lib/analysis/input';
import type { TrendReport } from '@/lib/rank/types';
import { rankSettingsOf, reportSettingsKey, type Settings } from '@/lib/settings/shape';

/** What the analysis of a report reads (window posts, details of a few), live. */
export function useAnalysisInput(report: TrendReport | undefined, settings: Settings | undefined, options: { articles?: boolean; skip?: boolean } = {}): AnalysisInput | undefined {
  return useLiveQuery(
    async () => (report && settings && !options.skip ? computeInput(getDb(), report.at, rankSettingsOf(settings), { articles: options.articles }) : undefined),
    // Recomputed when a setting that shapes the report changes: its key is derived from their declaration.
    [report, settings && reportSettingsKey(rankSettingsOf(settings)), options.articles, options.skip],
  );
}
