/**
 * The stored latest report and when pages may show it as today's, without Dexie: useReport applies
 * the rule to the stored report, and the popup's first paint (lib/storage/first-paint.ts, loaded before
 * Dexie) to its copy of today's table. No Dexie here.
 */
import type { RankSettings } from '../rank/types';
import type { ReportRow } from './schema';
import { reportSettingsKey } from '../settings/shape';

export const LATEST = 'latest';
/**
 * The shape of a stored report. Raised whenever TrendReport changes: a page never renders a stored
 * report of another version (it computes a fresh one instead), and the background replaces it.
 */
export const REPORT_VERSION = 3;
/** A stored report older than this is recomputed by the page (windows move with time). */
export const LATEST_TRUSTED_MS = 30 * 60_000;

/**
 * A stored report at most this far behind the newest capture is still shown: the background re-ranks
 * within seconds of a stored batch (lib/background/schedule.ts, at least every RERANK_MAX_WAIT_MS while
 * batches keep coming), and a page that ranked 100,000 posts itself after every batch of a refresh run
 * blocked its main thread 300 ms each time (npm run bench).
 */
export const CAPTURE_GRACE_MS = 60_000;

/** What a stored report was computed from, as a string: derived from the report settings' declaration. */
export const settingsKey = (settings: RankSettings): string => reportSettingsKey(settings);

/**
 * Whether a page may show a stored report (or the popup's copy of its table) as today's: of this
 * version, made for these settings, newer than the store's last change (the sample, an import), at most
 * CAPTURE_GRACE_MS behind the newest capture, and under half an hour old.
 */
export function isTrusted(row: Pick<ReportRow, 'version' | 'settingsKey' | 'computedAt'> | undefined, key: string, newestSeenAt: number, changedAt: number, now: number): boolean {
  if (!row || row.version !== REPORT_VERSION || row.settingsKey !== key) return false;
  return row.computedAt >= changedAt && row.computedAt >= newestSeenAt - CAPTURE_GRACE_MS && now - row.computedAt < LATEST_TRUSTED_MS;
}
