import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { CaptureHealth } from '@/lib/capture/health';

/** The background's key for the capture health record (lib/background: HEALTH_KEY). */
const KEY = 'capture-health';

/** Capture health per page type, live (undefined while reading). */
export function useCaptureHealth(): CaptureHealth | undefined {
  const [health, setHealth] = useState<CaptureHealth>();
  useEffect(() => {
    void browser.storage.local.get(KEY).then((g) => setHealth((g[KEY] as CaptureHealth | undefined) ?? {}));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && KEY in changes) setHealth((changes[KEY]!.newValue as CaptureHealth | undefined) ?? {});
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return health;
}
