import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** A value the background keeps in storage.local, live: undefined while reading, null when absent. */
export function useStorageValue<T>(key: string): T | null | undefined {
  const [value, setValue] = useState<T | null>();
  useEffect(() => {
    void browser.storage.local.get(key).then((g) => setValue((g[key] as T | undefined) ?? null));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setValue((changes[key]!.newValue as T | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [key]);
  return value;
}
