import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import type { StoreStats } from '@/lib/db/schema';
import { currentStats } from '@/lib/db/stats';

export type { StoreStats };

/** The store's figures for a page header (kept by the write functions; live). */
export function useStoreStats(): StoreStats | undefined {
  return useLiveQuery(() => currentStats(getDb()), []);
}
