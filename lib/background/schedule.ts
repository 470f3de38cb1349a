/**
 * What runs on time: the re-rank (debounced after changes, and every 15 minutes), retention once a day,
 * the automatic backup when due; and the alarms that drive them.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/schema';
import { getSettings } from '../storage/settings';
import { rankSettingsOf } from '../settings/shape';
import { computeReport, storeLatest } from '../db/reports';
import { isTracked } from '../rank/rank';
import { applyRetention, type RetentionResult } from '../db/retention';
import { badgesOf } from '../rank/badges';
import { badgesItem } from '../storage/items';
import { autoBackup, opfsBackupStore } from '../db/auto-backup';
import { indexNames } from './names';
import { dropIndex } from './search';
import { dropFirstPaint, keepFirstPaint } from './first-paint';

// ── Re-ranking: debounced after captures, on an alarm, and when the tracked communities change ──────
export const RERANK_DELAY_MS = 2_000;
export const RERANK_ALARM = 'rerank';
let rerankTimer: ReturnType<typeof setTimeout> | undefined;


/** Computes the report for now and stores it as the latest; pages showing it update by liveQuery. */
export async function rerank(now = Date.now()): Promise<void> {
  const settings = rankSettingsOf(await getSettings());
  const readAt = Date.now();
  const report = await computeReport(getDb(), now, settings);
  // The store changed while ranking (the sample loaded, an import): this report is stale; rank again.
  const stored = await storeLatest(getDb(), report, settings, now, readAt);
  if (!stored) scheduleRerank();
  // Today's table for the popup's first paint (lib/storage/first-paint.ts), from the report just stored.
  else {
    await keepFirstPaint(report, stored.settingsKey, stored.computedAt);
  }
  await badgesItem.setValue(badgesOf(report));
  // The names' first mentions, for "new this week" (a bounded batch; the next re-rank goes on).
  await indexNames(getDb(), isTracked(settings)).catch((e) => console.warn('[Reddit Trend Radar] name index failed:', e));
}

// ── Automatic backups (lib/db/auto-backup.ts) ─────────────────────────────────────────────────────────
export const BACKUP_ALARM = 'auto-backup';

/** Makes the weekly backup when one is due (and automatic backups are on). */
export async function backupIfDue(now = Date.now(), store = opfsBackupStore()): Promise<void> {
  if (!(await getSettings()).autoBackup) return;
  const { watches, follows } = await getSettings();
  await autoBackup(getDb(), store, now, false, { watches, follows });
}

export const RETENTION_ALARM = 'retention';
export async function retention(now = Date.now()): Promise<void> {
  await retainAndBackUp(now);
  await dropFirstPaint();
  dropIndex();
  scheduleRerank();
}

/**
 * Retention, and after it removed posts a fresh automatic backup: the restore offer compares the store
 * with the newest backup's post count (lib/db/auto-backup.ts), and posts retention removed on purpose
 * must not read as posts the browser lost.
 */
export async function retainAndBackUp(now = Date.now(), store = opfsBackupStore()): Promise<RetentionResult> {
  const s = await getSettings();
  const result = await applyRetention(getDb(), now, s.keepSightingsDays, s.keepPostsMonths);
  if (result.postsRemoved && s.autoBackup) await autoBackup(getDb(), store, now, true, { watches: s.watches, follows: s.follows }).catch((e) => console.warn('[Reddit Trend Radar] backup after retention:', e));
  return result;
}

/** While batches keep coming (a refresh run stores one every 2 s), a re-rank still runs this often. */
export const RERANK_MAX_WAIT_MS = 15_000;
let rerankWaitingSince: number | null = null;

/** How long a change waits for its re-rank, given when the oldest change not yet re-ranked came. */
export const rerankDelay = (now: number, waitingSince: number): number => Math.max(0, Math.min(RERANK_DELAY_MS, waitingSince + RERANK_MAX_WAIT_MS - now));

/** Re-ranks 2 s after the last change, and at least every RERANK_MAX_WAIT_MS while changes keep coming. */
export function scheduleRerank(): void {
  clearTimeout(rerankTimer);
  const now = Date.now();
  rerankWaitingSince ??= now;
  const delay = rerankDelay(now, rerankWaitingSince);
  rerankTimer = setTimeout(() => {
    rerankWaitingSince = null;
    void rerank().catch((e) => console.warn('[Reddit Trend Radar] re-rank failed:', e));
  }, delay);
}

/**
 * Creates an alarm only when it does not exist yet. The worker starts again and again (Chrome stops it
 * when idle); creating an alarm of the same name replaces it, so re-creating on every start pushed the
 * first retention run and backup (10 and 5 minutes ahead) further out each time, possibly forever.
 */
export async function ensureAlarm(name: string, info: { periodInMinutes: number; delayInMinutes: number }): Promise<void> {
  if (!(await browser.alarms.get(name))) await browser.alarms.create(name, info);
}

