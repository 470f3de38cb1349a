import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { historyOf } from '@/lib/db/sightings';
import type { RankSighting } from '@/lib/rank/types';

/** Score histories of the given posts, oldest first (sparklines). */
export function useHistory(ids: string[]): Map<string, RankSighting[]> | undefined {
  const key = ids.join(',');
  return useLiveQuery(() => historyOf(getDb(), ids), [key]);
}
