import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The tab the sidebar follows: the active tab of the focused window. When that is one of our own pages
 * (the panel opened as a tab), the most recently used web tab instead.
 */
export function useActiveTab(): { id: number; url: string | undefined } | null | undefined {
  const [tab, setTab] = useState<{ id: number; url: string | undefined } | null>();
  useEffect(() => {
    const own = browser.runtime.getURL('/');
    const refresh = async () => {
      const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (active?.id != null && !active.url?.startsWith(own)) return setTab({ id: active.id, url: active.url });
      const web = (await browser.tabs.query({})).filter((t) => t.id != null && !t.url?.startsWith(own) && !t.url?.startsWith('about:'));
      const recent = web.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      setTab(recent ? { id: recent.id!, url: recent.url } : null);
    };
    void refresh();
    const onUpdated = (_id: number, change: { url?: string; status?: string }) => (change.url || change.status === 'complete') && void refresh();
    const onActivated = () => void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows?.onFocusChanged.addListener(onActivated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows?.onFocusChanged.removeListener(onActivated);
    };
  }, []);
  return tab;
}
