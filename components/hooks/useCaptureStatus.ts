import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** A capture problem the background reported (the disk is full), or null. */
export function useCaptureStatus(): { state: string; message: string } | null {
  const [status, setStatus] = useState<{ state: string; message: string } | null>(null);
  useEffect(() => {
    const key = 'capture-status';
    void browser.storage.local.get(key).then((g) => setStatus((g[key] as { state: string; message: string } | undefined) ?? null));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setStatus((changes[key]!.newValue as { state: string; message: string } | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return status;
}
