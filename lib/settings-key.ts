/** Storage key of the settings object in `browser.storage.local` (WXT's `local:settings`). */
export const SETTINGS_KEY = 'settings';
