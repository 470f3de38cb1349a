/** The pages' only door to storage and browser APIs (STYLE.md rule 12). */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/schema';
import { communityCounts, currentStats, refreshStats, type StoreStats } from '@/lib/db/posts';
import { applyRetention, deleteEverything } from '@/lib/db/retention';
import type { ImportReport } from '@/lib/db/backup';
import { computeInput, computeReport, historyOf, LATEST, settingsKey } from '@/lib/db/reports';
import { loadAnalysis, type SavedAnalysis } from '@/lib/db/analysis';
import { loadSample, removeSample } from '@/lib/db/sample';
import { reportFilename, type Analysis } from '@/lib/export/markdown';
import type { RankSighting, TrendReport } from '@/lib/rank/types';
import { DEFAULT_SETTINGS, rankSettingsOf, type Settings } from '@/lib/settings/shape';
import { settingsItem, updateSettings } from '@/lib/settings/storage';

export function useStoreStats(): StoreStats | undefined {
  return useLiveQuery(() => currentStats(getDb()), []);
}

/** After a page changed the store (sample, import, delete): keep the figures true. */
const refreshed = <T,>(p: Promise<T>): Promise<T> => p.then(async (r) => (await refreshStats(getDb()), r));

export function useSettings(): [Settings | undefined, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void settingsItem.getValue().then((s) => setSettings({ ...DEFAULT_SETTINGS, ...s }));
    return settingsItem.watch((s) => setSettings({ ...DEFAULT_SETTINGS, ...s }));
  }, []);
  return [settings, async (patch) => setSettings(await updateSettings(patch))];
}

export { rankSettingsOf } from '@/lib/settings/shape';

/** Report time for a picked UTC date: the end of that day; for today (or no date), now. */
export function reportTime(date: string | null, now: number): number {
  if (!date || date >= new Date(now).toISOString().slice(0, 10)) return now;
  return Date.parse(`${date}T23:59:59.999Z`);
}

/**
 * The report to show. Today: the one the background stored, at once, unless it is stale (other
 * settings, older than the newest capture, or half an hour old); then it is computed here. A past date:
 * computed here. Re-runs whenever the database changes.
 */
export function useReport(date: string | null, settings: Settings | undefined): TrendReport | undefined {
  return useLiveQuery(async () => {
    // Before the settings state arrives, read them here too: the first table does not wait for a render.
    const s = settings ?? { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
    const db = getDb();
    const rs = rankSettingsOf(s);
    const now = Date.now();
    if (date) return computeReport(db, reportTime(date, now), rs);
    const [latest, newest] = await Promise.all([db.reports.get(LATEST), db.posts.orderBy('lastSeenAt').last()]);
    if (latest && latest.settingsKey === settingsKey(rs) && latest.computedAt >= (newest?.lastSeenAt ?? 0) && now - latest.computedAt < 30 * 60_000)
      return latest.report;
    // Stale or missing: compute here (a live query may not write; the background stores the next one).
    return computeReport(db, now, rs);
  }, [date, settings && settingsKey(rankSettingsOf(settings))]);
}

/** The analysis a model last wrote for this report's day, if any. */
export function useSavedAnalysis(report: TrendReport | undefined, settings: Settings | undefined): SavedAnalysis | undefined | null {
  return useLiveQuery(
    async () => (report && settings ? ((await loadAnalysis(getDb(), report.date, settingsKey(rankSettingsOf(settings)))) ?? null) : undefined),
    [report?.date, settings && settingsKey(rankSettingsOf(settings))],
  );
}

export function useHistory(ids: string[]): Map<string, RankSighting[]> | undefined {
  const key = ids.join(',');
  return useLiveQuery(() => historyOf(getDb(), ids), [key]);
}

export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The report's Markdown: with the model's analysis when one is given, else the offline analyser's. */
export async function reportMarkdown(report: TrendReport, settings: Settings, analysis?: Analysis): Promise<string> {
  // Loaded on use: the popup's first table does not wait for the analyser and the renderer.
  const { markdownReport } = await import('@/lib/export/pipeline');
  const input = await computeInput(getDb(), report.at, rankSettingsOf(settings));
  return markdownReport(input, analysis);
}

export async function downloadMarkdown(report: TrendReport, settings: Settings, analysis?: Analysis): Promise<void> {
  downloadText(reportFilename(report), await reportMarkdown(report, settings, analysis), 'text/markdown');
}

export async function copyMarkdown(report: TrendReport, settings: Settings, analysis?: Analysis): Promise<void> {
  await navigator.clipboard.writeText(await reportMarkdown(report, settings, analysis));
}

export async function downloadBackup(): Promise<number> {
  const { exportBackup } = await import('@/lib/db/backup');
  const backup = await exportBackup(getDb());
  const day = backup.exportedAt.slice(0, 10);
  downloadText(`reddit-trend-radar-backup-${day}.json`, JSON.stringify(backup, null, 1), 'application/json');
  return backup.posts.length;
}

/** Parses and merges a backup file; throws with a message that says what is wrong. */
export async function importBackupFile(file: File): Promise<ImportReport> {
  const { importBackup, parseBackup } = await import('@/lib/db/backup');
  const backup = parseBackup(await file.text());
  return refreshed(importBackup(getDb(), backup));
}

export const addSample = () => refreshed(loadSample(getDb(), Date.now()));
export const dropSample = () => refreshed(removeSample(getDb()));

/** Opens the full report page (where the model runs) in a tab. */
export function openReportPage(params: Record<string, string> = {}): void {
  const q = new URLSearchParams(params).toString();
  void browser.tabs.create({ url: browser.runtime.getURL(`/report.html${q ? `?${q}` : ''}`) });
}

/** Asks for the optional permission "Read linked articles" needs; true when granted. */
export async function requestArticleAccess(): Promise<boolean> {
  const { ARTICLE_ORIGINS } = await import('@/lib/llm/articles');
  return browser.permissions.request({ origins: ARTICLE_ORIGINS });
}

export async function dropArticleAccess(): Promise<void> {
  const { ARTICLE_ORIGINS } = await import('@/lib/llm/articles');
  await browser.permissions.remove({ origins: ARTICLE_ORIGINS });
}

/** Bytes this extension stores (database and model cache together), as the browser counts them. */
export async function storageUsed(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.usage ?? null;
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

export function useCommunityCounts() {
  return useLiveQuery(() => communityCounts(getDb()), []);
}

export const runRetention = (s: Settings) => refreshed(applyRetention(getDb(), Date.now(), s.keepSightingsDays, s.keepPostsMonths));
export const deleteAllData = () => refreshed(deleteEverything(getDb()));

/**
 * The tab the sidebar follows: the active tab of the focused window. When that is one of our own pages
 * (the panel opened as a tab), the most recently used web tab instead.
 */
export function useActiveTab(): { id: number; url: string | undefined } | null | undefined {
  const [tab, setTab] = useState<{ id: number; url: string | undefined } | null>();
  useEffect(() => {
    const own = browser.runtime.getURL('/');
    const refresh = async () => {
      const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (active?.id != null && !active.url?.startsWith(own)) return setTab({ id: active.id, url: active.url });
      const web = (await browser.tabs.query({})).filter((t) => t.id != null && !t.url?.startsWith(own) && !t.url?.startsWith('about:'));
      const recent = web.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      setTab(recent ? { id: recent.id!, url: recent.url } : null);
    };
    void refresh();
    const onUpdated = (_id: number, change: { url?: string; status?: string }) => (change.url || change.status === 'complete') && void refresh();
    const onActivated = () => void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows?.onFocusChanged.addListener(onActivated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows?.onFocusChanged.removeListener(onActivated);
    };
  }, []);
  return tab;
}

/** How many posts the capture counted in a tab (the toolbar badge). */
export function useTabCaptureCount(tabId: number | undefined): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    if (tabId == null) return;
    let live = true;
    const read = () => void browser.action.getBadgeText({ tabId }).then((t) => live && setCount(Number(t.replace('+', '')) || 0), () => undefined);
    read();
    const timer = setInterval(read, 2000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tabId]);
  return count;
}

/** Opens the sidebar of the current window (from a click: the browser requires a user action). */
export async function openSidebarFromPage(): Promise<void> {
  if (import.meta.env.FIREFOX) return (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  const win = await browser.windows.getCurrent();
  await (browser as unknown as { sidePanel: { open(o: { windowId: number }): Promise<void> } }).sidePanel.open({ windowId: win.id! });
}

/** A capture problem the background reported (the disk is full), or null. */
export function useCaptureStatus(): { state: string; message: string } | null {
  const [status, setStatus] = useState<{ state: string; message: string } | null>(null);
  useEffect(() => {
    const key = 'capture-status';
    void browser.storage.local.get(key).then((g) => setStatus((g[key] as { state: string; message: string } | undefined) ?? null));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setStatus((changes[key]!.newValue as { state: string; message: string } | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return status;
}
