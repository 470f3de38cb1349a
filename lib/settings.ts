/**
 * User settings, versioned from day one (STYLE.md rule 14). A migration changes an option only if it
 * still holds the old default, so a user's choice is never overwritten.
 */
import { storage } from '#imports';
import { SETTINGS_KEY } from './settings-key';

export { DEFAULT_TRACKED, DEFAULT_SETTINGS, type Settings } from './settings-defaults';
import { DEFAULT_SETTINGS, V1_DEFAULT_TRACKED, type Settings } from './settings-defaults';

/**
 * Version 1: capture switch, tracked communities, model settings.
 * Version 2: capture exclusions and private windows, retention, feed badges; "Vectordatabase" in a
 * tracked list that still holds version 1's default is written as Reddit capitalizes it (vectordatabase).
 */
export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    2: (old: Partial<Settings>): Settings => {
      const next: Settings = { ...DEFAULT_SETTINGS, ...old };
      // Changed only if it still holds the old default (RES's rule): a user's own list is left alone.
      if (old.tracked && old.tracked.join() === V1_DEFAULT_TRACKED.join()) next.tracked = DEFAULT_SETTINGS.tracked;
      return next;
    },
  },
});

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}
