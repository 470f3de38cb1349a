import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { refreshItem } from '@/lib/storage/items';
import { EMPTY_REFRESH, type RefreshState } from '@/lib/refresh/plan';
import { REDDIT_MATCHES } from '@/lib/reddit/urls';
import { ask } from '@/lib/messaging';
import type { Settings } from '@/lib/settings/shape';
import { useStorageValue } from './useStorageValue';

/** Keeping communities fresh, live: what the background keeps (undefined while reading), and the time, ticking every 30 s. */
export function useRefresh(): { state: RefreshState | undefined; now: number } {
  const stored = useStorageValue(refreshItem);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  // The run's progress changes the stored value: the clock follows it too.
  useEffect(() => setNow(Date.now()), [stored]);
  return { state: stored === undefined ? undefined : { ...EMPTY_REFRESH, ...(stored ?? {}) }, now };
}

/** "Refresh now": the background plans a run at once; its progress shows through useRefresh. */
export const refreshNowFromPage = () => ask('refreshNow', {});

/**
 * Turns "Keep tracked communities fresh" on or off. On: first makes sure the extension may read
 * Reddit with the user's session (granted at install in Chrome; Firefox may ask the user).
 */
export async function setRefresh(on: boolean, update: (p: Partial<Settings>) => Promise<void>): Promise<void> {
  if (on) {
    const granted = (await browser.permissions.contains({ origins: REDDIT_MATCHES })) || (await browser.permissions.request({ origins: REDDIT_MATCHES }));
    if (!granted) throw new Error('the browser did not allow the extension to read Reddit’s pages');
  }
  await update({ refreshEnabled: on });
}
