import { useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { historyOf } from '@/lib/db/sightings';
import type { RankSighting } from '@/lib/rank/types';

/**
 * Score histories of the given posts, oldest first (sparklines). Read again after every stored batch;
 * while these posts' histories did not change it is the same Map, so the table does not render again.
 */
export function useHistory(ids: string[]): Map<string, RankSighting[]> | undefined {
  const key = ids.join(',');
  const shown = useRef<{ signature: string; history: Map<string, RankSighting[]> } | null>(null);
  return useLiveQuery(async () => {
    const history = await historyOf(getDb(), ids);
    const signature = [...history].map(([id, points]) => `${id}:${points.length}:${points.at(-1)?.at ?? 0}:${points.at(-1)?.score ?? 0}`).join('|');
    if (shown.current?.signature !== signature) shown.current = { signature, history };
    return shown.current.history;
  }, [key]);
}
