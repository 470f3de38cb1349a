import { useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messaging';
import type { SearchAnswer, SearchFilters } from '@/lib/search/types';
import { searchStatusItem } from '@/lib/storage/items';
import { useStorageValue } from './useStorageValue';

/**
 * The background's answer to a search, 150 ms after the query or filters last changed (typing does not
 * send a message per key). Undefined while none is asked or the answer is on its way.
 */
export function useSearch(query: string, filters: SearchFilters): SearchAnswer | undefined {
  const [answer, setAnswer] = useState<SearchAnswer>();
  const key = JSON.stringify([query, filters]);
  useEffect(() => {
    setAnswer(undefined);
    if (!query.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      sendMessage('search', { query, filters })
        .then((a) => live && setAnswer(a))
        .catch((e: unknown) => live && setAnswer({ ok: false, error: `The search did not answer (${(e as Error).message}). Try again in a moment.` }));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return answer;
}

/** The index's state (building with progress, ready, failed), live. */
export const useSearchStatus = () => useStorageValue(searchStatusItem);

/** Rebuilds the search index from scratch (Options). */
export const rebuildSearchIndex = () => sendMessage('rebuildSearch', {});
