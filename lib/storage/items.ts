/**
 * The versioned storage items (WXT's `storage.defineItem`) for every storage.local key the background
 * and the pages keep, one per key of keys.ts. The settings' item, with its migrations, is in settings.ts.
 * Version 1 each: a change of a value's shape raises its version with a migration here.
 */
import { storage } from '#imports';
import type { Stored, StoredKey } from './keys';

const item = <K extends Exclude<StoredKey, 'settings'>>(key: K) => storage.defineItem<Stored[K]>(`local:${key}`, { version: 1 });

export const captureStatusItem = item('capture-status');
export const healthItem = item('capture-health');
export const browsedItem = item('browsed-communities');
export const firstPaintItem = item('first-paint');
export const searchStatusItem = item('search-status');
export const watchStateItem = item('watch-state');
export const badgesItem = item('trend-badges');
export const refreshItem = item('refresh-state');
export const askDraftItem = item('ask-draft');

export type StoredItem<T> = ReturnType<typeof storage.defineItem<T>>;
