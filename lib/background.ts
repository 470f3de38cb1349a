/**
 * The background worker: the only writer of captures. It validates what content scripts send, stores
 * it in one transaction per batch, acknowledges, and keeps the toolbar badge.
 */
import { browser, type Browser } from 'wxt/browser';
import { BodyPatchShape, CaptureBatchShape, CapturedCommentShape, CapturedPostShape, conforms, invalidField, validRecords } from './capture/schema';
import type { CaptureBatch } from './capture/schema';
import type { CapturedComment, CapturedPost } from './capture/types';
import { getDb } from './db/schema';
import { ingest } from './db/posts';
import { onMessages, type CaptureAck } from './messaging';
import { getSettings } from './settings';
import { SETTINGS_KEY } from './settings-key';
import { computeReport, storeLatest } from './db/reports';
import type { RankSettings } from './rank/types';

export async function handleCapture(data: unknown, sender: Pick<Browser.runtime.MessageSender, 'tab'>): Promise<CaptureAck> {
  const bad = invalidField(CaptureBatchShape, data);
  // A malformed batch will not improve by being sent again: acknowledge it as refused, store nothing.
  if (bad) return { ok: true, stored: 0, comments: 0, rejected: 1, error: `malformed batch (field ${bad})` };
  const batch = data as CaptureBatch;
  if (!(await getSettings()).captureEnabled) return { ok: true, stored: 0, comments: 0, rejected: 0, paused: true };
  const posts = validRecords<CapturedPost>(CapturedPostShape, batch.posts);
  const comments = validRecords<CapturedComment>(CapturedCommentShape, batch.comments);
  const bodies = validRecords(BodyPatchShape, batch.bodies ?? []);
  const result = await ingest(getDb(), posts.ok, comments.ok, bodies.ok);
  const tabId = sender.tab?.id;
  if (tabId != null && tabId >= 0) void setBadge(tabId, batch.tabTotal);
  if (result.added || result.updated) scheduleRerank();
  return {
    ok: true,
    stored: posts.ok.length,
    comments: result.comments,
    rejected: posts.rejected + comments.rejected + bodies.rejected,
  };
}

async function setBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#d93a00' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? (count > 999 ? '999+' : String(count)) : '' });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

/** Recovers a post body with Readability on a post page of unknown markup (see readability-fallback). */
async function handleReadability(data: unknown, sender: Pick<Browser.runtime.MessageSender, 'tab'>): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  const postId = (data as { postId?: unknown } | null)?.postId;
  if (tabId == null || typeof postId !== 'string') return { ok: false };
  const [res] = await browser.scripting.executeScript({ target: { tabId }, files: ['/readability-fallback.js'] });
  const body = typeof res?.result === 'string' ? res.result : null;
  const patch = { postId, body };
  if (!conforms(BodyPatchShape, patch)) return { ok: false };
  await ingest(getDb(), [], [], [patch]);
  return { ok: true };
}

// ── Re-ranking: debounced after captures, on an alarm, and when the tracked communities change ──────
export const RERANK_DELAY_MS = 2_000;
export const RERANK_ALARM = 'rerank';
let rerankTimer: ReturnType<typeof setTimeout> | undefined;

export function rankSettings(s: { tracked: string[]; trackAll: boolean }): RankSettings {
  return { tracked: s.tracked, all: s.trackAll };
}

/** Computes the report for now and stores it as the latest; pages showing it update by liveQuery. */
export async function rerank(now = Date.now()): Promise<void> {
  const settings = rankSettings(await getSettings());
  const report = await computeReport(getDb(), now, settings);
  await storeLatest(getDb(), report, settings, now);
}

function scheduleRerank(): void {
  clearTimeout(rerankTimer);
  rerankTimer = setTimeout(() => void rerank().catch((e) => console.warn('[Reddit Trend Radar] re-rank failed:', e)), RERANK_DELAY_MS);
}

export function startBackground(): void {
  onMessages({ capture: handleCapture, readabilityFallback: handleReadability });
  // Windows move with time even without new captures: re-rank every 15 minutes.
  void browser.alarms.create(RERANK_ALARM, { periodInMinutes: 15, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RERANK_ALARM) void rerank();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) scheduleRerank();
  });
  browser.runtime.onInstalled.addListener(() => scheduleRerank());
}
