import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { communityCounts } from '@/lib/db/posts';

/** Captured communities with how many posts each, most first. */
export function useCommunityCounts() {
  return useLiveQuery(() => communityCounts(getDb()), []);
}
