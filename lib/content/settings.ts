/**
 * The light reader of the settings for the content script: plain storage access (lib/storage/light.ts),
 * so the script does not carry WXT's storage library (its size budget: docs/benchmarks.md), typed from
 * the same shape (lib/settings/shape.ts). Only types come from there.
 */
import type { Settings } from '../settings/shape';
import { onLocalChange, readLocal } from '../storage/light';
import type { Stored, StoredKey } from '../storage/keys';

/** What the content script reads; any field may be missing in storage (the defaults apply). */
export type CaptureSettings = Partial<Pick<Settings, 'captureEnabled' | 'excluded' | 'captureInPrivate' | 'feedBadges'>>;

/** The settings and whatever else the script needs from storage, in one round trip. */
export async function captureSettings<K extends Exclude<StoredKey, 'settings'>>(...also: K[]): Promise<{ settings: CaptureSettings; also: { [P in K]?: Stored[P] } }> {
  const got = await readLocal<'settings' | K>('settings', ...also);
  return { settings: (got.settings as CaptureSettings | undefined) ?? {}, also: got as { [P in K]?: Stored[P] } };
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
  return onLocalChange('settings', (s) => onChange((s as CaptureSettings | undefined) ?? {}));
}
