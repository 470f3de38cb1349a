import { useEffect, useState } from 'react';
import type { StoredItem } from '@/lib/storage/items';

/** A value the background keeps in storage (one of lib/storage/items.ts), live: undefined while reading, null when absent. */
export function useStorageValue<T>(item: StoredItem<T>): T | null | undefined {
  const [value, setValue] = useState<T | null>();
  useEffect(() => {
    void item.getValue().then((v) => setValue(v ?? null));
    return item.watch((v) => setValue(v ?? null));
  }, [item]);
  return value;
}
