/**
 * Plain access to storage.local for the content script and the popup's first paint: no storage library
 * (the content script's budget), typed by the one list of keys (keys.ts). Extension pages and the
 * background use the versioned items of items.ts.
 */
import { browser } from 'wxt/browser';
import { PENDING_PREFIX, pendingKey, type Stored, type StoredKey } from './keys';

/** Several keys in one round trip. */
export async function readLocal<K extends StoredKey>(...keys: K[]): Promise<{ [P in K]?: Stored[P] }> {
  return (await browser.storage.local.get(keys)) as { [P in K]?: Stored[P] };
}

/** Calls `onChange` with a key's new value whenever it changes; returns the unsubscribe function. */
export function onLocalChange<K extends StoredKey>(key: K, onChange: (value: Stored[K] | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(changes[key]!.newValue as Stored[K] | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// ── Batches a tab kept until the background acknowledged them ───────────────────────────────────────
export const keepPending = (batch: { batchId: string }) => browser.storage.local.set({ [pendingKey(batch.batchId)]: batch });
export const forgetPending = (batchId: string) => browser.storage.local.remove(pendingKey(batchId));

/** Every kept batch, by its key. */
export async function pendingBatches(): Promise<[string, unknown][]> {
  return Object.entries(await browser.storage.local.get(null)).filter(([key]) => key.startsWith(PENDING_PREFIX));
}
export const forgetPendingKey = (key: string) => browser.storage.local.remove(key);

/** Calls `onKept` when a content script keeps a batch (a storage change wakes a sleeping worker too). */
export function onPendingKept(onKept: () => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.entries(changes).some(([key, c]) => key.startsWith(PENDING_PREFIX) && c.newValue !== undefined)) onKept();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
