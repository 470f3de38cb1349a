import { browser } from 'wxt/browser';
import { EMPTY_WATCH_STATE, type WatchState } from '@/lib/search/watch';
import { watchStateItem } from '@/lib/storage/items';
import { useStorageValue } from './useStorageValue';

/** Watch matches, live (undefined while read). */
export function useWatchState(): WatchState | undefined {
  const v = useStorageValue(watchStateItem);
  return v === undefined ? undefined : (v ?? EMPTY_WATCH_STATE);
}

/** Marks every match seen (the toolbar badge clears). */
export async function markWatchesSeen(): Promise<void> {
  const state = (await watchStateItem.getValue()) ?? EMPTY_WATCH_STATE;
  await watchStateItem.setValue({ ...state, hits: state.hits.map((h) => ({ ...h, seen: true })) });
}

/** Asks for the notifications permission (from a click); true if granted. */
export async function requestNotifications(): Promise<boolean> {
  try {
    if (await browser.permissions.contains({ permissions: ['notifications'] })) return true;
    return await browser.permissions.request({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}
