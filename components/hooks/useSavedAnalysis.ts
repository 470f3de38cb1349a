import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { loadAnalysis, savedAnalysisKey, type SavedAnalysis } from '@/lib/db/generations';
import type { TrendReport } from '@/lib/rank/types';
import type { Settings } from '@/lib/settings/shape';

/** The analysis a model last wrote for this report's day: undefined while reading, null for none. */
export function useSavedAnalysis(report: TrendReport | undefined, settings: Settings | undefined): SavedAnalysis | undefined | null {
  const key = settings && savedAnalysisKey(settings);
  return useLiveQuery(async () => (report && key != null ? ((await loadAnalysis(getDb(), report.date, key)) ?? null) : undefined), [report?.date, key]);
}
