import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { countInCommunity } from '@/lib/db/posts';
import { computeReport } from '@/lib/db/reports';
import type { TrendReport } from '@/lib/rank/types';

/** One community's tables and how many of its posts are stored, live. */
export function useCommunityReport(name: string): { report: TrendReport | undefined; stored: number | undefined } {
  const report = useLiveQuery(() => computeReport(getDb(), Date.now(), { tracked: [name], all: false }), [name]);
  const stored = useLiveQuery(() => countInCommunity(getDb(), name), [name]);
  return { report, stored };
}
