/**
 * User settings, versioned from day one (STYLE.md rule 14). A migration changes an option only if it
 * still holds the old default, so a user's choice is never overwritten.
 */
import { storage } from '#imports';
import { SETTINGS_KEY } from './settings-key';

export { DEFAULT_TRACKED, DEFAULT_SETTINGS, type Settings } from './settings-defaults';
import { DEFAULT_SETTINGS, type Settings } from './settings-defaults';

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}
