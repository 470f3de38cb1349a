/**
 * The popup's first read: today's stored report with plain IndexedDB and one storage read, before React
 * and Dexie load (they are most of the popup's start-up). The same trust rule as useReport
 * (lib/db/latest.ts); anything unexpected (no database yet, another shape, an error) reads as nothing,
 * and the page computes the report as it always does.
 */
import { browser } from 'wxt/browser';
import type { TrendReport } from '../rank/types';
import { rankSettingsOf, withDefaults, type Settings } from '../settings/shape';
import { SETTINGS_KEY } from '../settings/key';
import { DB_NAME, LATEST, settingsKey, trustedLatest } from './latest';
import type { PostRow, ReportRow, StatsRow } from './schema';
import { STATS_KEY } from './stats';

const request = <T>(r: IDBRequest<T>) => new Promise<T>((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));

/** Opens the existing database as it is; never creates or upgrades it (that is Dexie's work). */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((ok) => {
    const open = indexedDB.open(name);
    // No database yet: creating one here would give Dexie an empty version 1 to upgrade. Abort it.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => ok(open.result);
    open.onerror = () => ok(null);
    open.onblocked = () => ok(null);
  });
}

export async function readTrustedLatest(now = Date.now(), name = DB_NAME): Promise<TrendReport | undefined> {
  try {
    const [stored, db] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), openExisting(name)]);
    if (!db) return undefined;
    try {
      const names = ['reports', 'posts', 'stats'];
      if (!names.every((n) => db.objectStoreNames.contains(n))) return undefined;
      const tx = db.transaction(names, 'readonly');
      const newest = request(tx.objectStore('posts').index('lastSeenAt').openCursor(null, 'prev'));
      const [row, cursor, stats] = await Promise.all([
        request(tx.objectStore('reports').get(LATEST)) as Promise<ReportRow | undefined>,
        newest,
        request(tx.objectStore('stats').get(STATS_KEY)) as Promise<StatsRow | undefined>,
      ]);
      const settings = withDefaults(stored[SETTINGS_KEY] as Partial<Settings> | undefined);
      return trustedLatest(row, settingsKey(rankSettingsOf(settings)), (cursor?.value as PostRow | undefined)?.lastSeenAt ?? 0, stats?.computedAt ?? 0, now);
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}
