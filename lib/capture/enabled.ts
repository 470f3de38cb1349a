/**
 * The content script's view of the capture switch, read straight from storage so the script does not
 * carry the settings library (its budget is 25 kB). The key is the one lib/settings.ts defines.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../settings-key';

export async function captureEnabled(): Promise<boolean> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return (got[SETTINGS_KEY] as { captureEnabled?: boolean } | undefined)?.captureEnabled !== false;
}

/** Calls `onOff` once capture is switched off; returns the unsubscribe function. */
export function onCaptureSwitchedOff(onOff: () => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[SETTINGS_KEY]?.newValue as { captureEnabled?: boolean } | undefined;
    if (area === 'local' && next?.captureEnabled === false) onOff();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
