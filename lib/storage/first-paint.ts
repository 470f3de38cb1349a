/**
 * The popup's first paint reads today's table from one storage.local read, before React and Dexie load
 * (they, and opening IndexedDB, are most of the popup's start-up: the database alone took 40–50 ms).
 *
 * The background writes the snapshot whenever it stores a latest report (lib/background), and removes
 * it when a batch changes the store; the background also removes it after every bulk change (the
 * sample, an import, retention, deletion). A snapshot is trusted as useReport trusts the stored report
 * (lib/db/latest.ts): this version's shape, these settings, under half an hour old.
 */
import type { TrendReport } from '../rank/types';
import { rankSettingsOf, withDefaults } from '../settings/shape';
import { isTrusted, REPORT_VERSION, settingsKey } from '../db/latest';
import { readLocal } from './light';
import type { FirstPaint, StoredKey } from './keys';

export type { FirstPaint };

export const FIRST_PAINT_KEY = 'first-paint' satisfies StoredKey;


export function firstPaintOf(report: TrendReport, key: string, computedAt: number): FirstPaint {
  return {
    version: REPORT_VERSION,
    settingsKey: key,
    computedAt,
    date: report.date,
    today: report.today,
    counts: { today: report.today.length, rising: report.rising.length, weekly: report.weekly.length, monthly: report.monthly.length, communities: report.communities.length },
  };
}

/** The snapshot, if the popup may paint it now; undefined otherwise (or on any error). */
export async function readFirstPaint(now = Date.now()): Promise<FirstPaint | undefined> {
  try {
    const got = await readLocal('settings', 'first-paint');
    const snap = got['first-paint'];
    const settings = withDefaults(got.settings);
    // The store's changes remove the copy (see above): only the shape, the settings and the age remain to check.
    return isTrusted(snap, settingsKey(rankSettingsOf(settings)), 0, 0, now) ? snap : undefined;
  } catch {
    return undefined;
  }
}
