/**
 * The light reader of the settings for the content script: read straight from storage so the script
 * does not carry WXT's storage library (its budget is 25 kB), typed from the same shape (shape.ts).
 * Only type imports and the key come from there: nothing else of the settings module is bundled.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from './key';
import type { Settings } from './shape';

/** What the content script reads; any field may be missing in storage (the defaults apply). */
export type CaptureSettings = Partial<Pick<Settings, 'captureEnabled' | 'excluded' | 'captureInPrivate' | 'feedBadges'>>;

/** The settings and whatever else the script needs from storage, in one round trip. */
export async function captureSettings<K extends string>(...also: K[]): Promise<{ settings: CaptureSettings; also: Record<K, unknown> }> {
  const got = await browser.storage.local.get([SETTINGS_KEY, ...also]);
  return { settings: (got[SETTINGS_KEY] as CaptureSettings | undefined) ?? {}, also: got as Record<K, unknown> };
}

/** Whether this page captures at all: capture on, and not a private window unless allowed. */
export function captures(s: CaptureSettings, incognito: boolean): boolean {
  return s.captureEnabled !== false && (!incognito || s.captureInPrivate === true);
}

export function excludedSet(s: CaptureSettings): Set<string> {
  return new Set((s.excluded ?? []).map((x) => x.toLowerCase()));
}

/** Calls `onChange` with the new settings whenever they change. */
export function onSettingsChange(onChange: (s: CaptureSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) onChange((changes[SETTINGS_KEY].newValue as CaptureSettings | undefined) ?? {});
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
