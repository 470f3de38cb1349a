/**
 * The popup's first paint reads today's table from one storage.local read, before React and Dexie load
 * (they, and opening IndexedDB, are most of the popup's start-up: the database alone took 40–50 ms).
 *
 * The background writes the snapshot whenever it stores a latest report (lib/background), and removes
 * it when a batch changes the store; pages remove it when they change the store in bulk (the sample, an
 * import, retention, deletion). A snapshot is trusted as useReport trusts the stored report
 * (lib/db/latest.ts): this version's shape, these settings, under half an hour old.
 */
import { browser } from 'wxt/browser';
import type { TrendReport, TrendRow } from '../rank/types';
import { rankSettingsOf, withDefaults, type Settings } from '../settings/shape';
import { SETTINGS_KEY } from '../settings/key';
import { isTrusted, REPORT_VERSION, settingsKey } from './latest';

export const FIRST_PAINT_KEY = 'first-paint';

export interface FirstPaint {
  version: number;
  settingsKey: string;
  computedAt: number;
  date: string;
  today: TrendRow[];
  /** Rows per table, for the tab counts. */
  counts: Record<'today' | 'rising' | 'weekly' | 'monthly' | 'communities', number>;
}

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
    const got = await browser.storage.local.get([SETTINGS_KEY, FIRST_PAINT_KEY]);
    const snap = got[FIRST_PAINT_KEY] as FirstPaint | undefined;
    const settings = withDefaults(got[SETTINGS_KEY] as Partial<Settings> | undefined);
    // The store's changes remove the copy (see above): only the shape, the settings and the age remain to check.
    return isTrusted(snap, settingsKey(rankSettingsOf(settings)), 0, 0, now) ? snap : undefined;
  } catch {
    return undefined;
  }
}
