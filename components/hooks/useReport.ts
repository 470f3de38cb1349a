import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { newestPost } from '@/lib/db/posts';
import { computeReport, latestReport, settingsKey } from '@/lib/db/reports';
import type { TrendReport } from '@/lib/rank/types';
import { rankSettingsOf, type Settings } from '@/lib/settings/shape';

/** Report time for a picked UTC date: the end of that day; for today (or no date), now. */
export function reportTime(date: string | null, now: number): number {
  if (!date || date >= new Date(now).toISOString().slice(0, 10)) return now;
  return Date.parse(`${date}T23:59:59.999Z`);
}

/**
 * The report to show. Today: the one the background stored, at once, unless it is stale (another
 * version, other settings, older than the newest capture, or half an hour old); then it is computed
 * here. A past date: computed here. Re-runs whenever the database changes. Undefined until the
 * settings are read (the live query awaits only Dexie).
 */
export function useReport(date: string | null, settings: Settings | undefined): TrendReport | undefined {
  const key = settings && settingsKey(rankSettingsOf(settings));
  return useLiveQuery(async () => {
    if (!settings) return undefined;
    const db = getDb();
    const rs = rankSettingsOf(settings);
    const now = Date.now();
    if (date) return computeReport(db, reportTime(date, now), rs);
    const [latest, newest] = await Promise.all([latestReport(db), newestPost(db)]);
    if (latest && latest.settingsKey === key && latest.computedAt >= (newest?.lastSeenAt ?? 0) && now - latest.computedAt < 30 * 60_000)
      return latest.report;
    // Stale or missing: compute here (a live query may not write; the background stores the next one).
    return computeReport(db, now, rs);
  }, [date, key]);
}
