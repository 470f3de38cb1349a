import { useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { newestPost } from '@/lib/db/posts';
import { computeReport, latestReport, settingsKey, storeChangedAt } from '@/lib/db/reports';
import { isTrusted } from '@/lib/db/latest';
import type { TrendReport } from '@/lib/rank/types';
import { reportTimeFor } from '@/lib/rank/day';
import { rankSettingsOf, type Settings } from '@/lib/settings/shape';

/** The browser's time zone: a report day ends in it (Options: "A report day ends at"). */
export const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The report to show. Today: the one the background stored, at once, unless it is stale (another
 * version, other settings, older than the newest capture, or half an hour old); then it is computed
 * here. A past date: computed here. Re-runs whenever the database changes. Undefined until the
 * settings are read (the live query awaits only Dexie).
 */
export function useReport(date: string | null, settings: Settings | undefined): TrendReport | undefined {
  const key = settings && settingsKey(rankSettingsOf(settings));
  // The stored report last shown: read again after every stored batch, it is the same object while the
  // background has not re-ranked, so the page does not render its tables again (a refresh run stores a
  // batch every 2 s; npm run bench counts the popup's long tasks during one).
  const shown = useRef<{ computedAt: number; key: string; report: TrendReport } | null>(null);
  return useLiveQuery(async () => {
    if (!settings) return undefined;
    const db = getDb();
    const rs = rankSettingsOf(settings);
    const now = Date.now();
    // A past date: the end of its report day in the user's zone, titled with the date picked.
    if (date) return { ...(await computeReport(db, reportTimeFor(date, settings.dayEnds, localZone(), now), rs)), date };
    const [latest, newest, changed] = await Promise.all([latestReport(db), newestPost(db), storeChangedAt(db)]);
    // Stale when older than the newest capture or than the store's last change (the sample, an import).
    if (latest && isTrusted(latest, key!, newest?.lastSeenAt ?? 0, changed, now)) {
      if (shown.current?.computedAt !== latest.computedAt || shown.current.key !== key) shown.current = { computedAt: latest.computedAt, key: key!, report: latest.report };
      return shown.current.report;
    }
    // Stale or missing: compute here (a live query may not write; the background stores the next one).
    return computeReport(db, now, rs);
  }, [date, key, settings?.dayEnds]);
}
