import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** How many posts the capture counted in a tab (the toolbar badge). */
export function useTabCaptureCount(tabId: number | undefined): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    if (tabId == null) return;
    let live = true;
    const read = () => void browser.action.getBadgeText({ tabId }).then((t) => live && setCount(Number(t.replace('+', '')) || 0), () => undefined);
    read();
    const timer = setInterval(read, 2000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tabId]);
  return count;
}
