import type { Browsed } from '@/lib/settings/browsed';
import { browsedItem } from '@/lib/storage/items';
import { useStorageValue } from './useStorageValue';

/** The communities the user browsed (Options suggests tracking them), live: undefined while reading. */
export function useBrowsed(): Browsed | null | undefined {
  return useStorageValue(browsedItem);
}
