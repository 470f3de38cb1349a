/**
 * The settings in `browser.storage.local`, versioned from day one (STYLE.md rule 14) through WXT's typed
 * storage item: the shape, defaults and migrations are in lib/settings/shape.ts.
 */
import { storage } from '#imports';
import { settingsProblem } from '../settings/rules';
import { SETTINGS_KEY, SETTINGS_MIGRATIONS, SETTINGS_VERSION, DEFAULT_SETTINGS, withDefaults, type Settings } from '../settings/shape';

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

export async function getSettings(): Promise<Settings> {
  return withDefaults(await settingsItem.getValue());
}

/** Writes a change; one that breaks a setting's bounds (lib/settings/rules.ts) is refused whole, with the rule in words. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const problem = settingsProblem(patch);
  if (problem) throw new Error(`Not saved: ${problem}.`);
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

/** Calls `onChange` with the settings whenever they change; returns the unsubscribe function. */
export function watchSettings(onChange: (s: Settings) => void): () => void {
  return settingsItem.watch((next) => onChange(withDefaults(next)));
}
