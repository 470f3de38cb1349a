/** Storage key of the settings object in `browser.storage.local` (WXT's `local:settings`). Its own module so
 * the content script's reader bundles nothing else of the settings. */
export const SETTINGS_KEY = 'settings';
