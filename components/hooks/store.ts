/**
 * The pages' door to the database for actions (writes, one-off reads, the generation cache). Hooks
 * (use*.ts beside this file) are the door for what a page shows live. Components never import lib/db.
 */
import { getDb } from '@/lib/db/schema';
import { dexieCache, fetchArticlesFor, loadAnalysis, saveAnalysis, type SavedAnalysis } from '@/lib/db/generations';
import { postsCreatedBetween } from '@/lib/db/posts';
import { settingsKey } from '@/lib/db/reports';
import { applyRetention, deleteEverything } from '@/lib/db/retention';
import { BROWSED_KEY } from '@/lib/settings/browsed';
import { STORE_CHANGED_KEY } from '@/lib/messaging';
import { FIRST_PAINT_KEY } from '@/lib/db/first-read';
import { loadSample, removeSample } from '@/lib/db/sample';
import { autoBackup, opfsBackupStore, removeAutoBackups, restoreAutoBackup } from '@/lib/db/auto-backup';
import type { Backup, ImportReport } from '@/lib/db/backup';
import { getSettings, updateSettings } from '@/lib/settings/storage';
import type { GenerationCache } from '@/lib/analysis/cache';
import type { AnalysisInput } from '@/lib/analysis/input';
import type { Analysis } from '@/lib/analysis/sections';
import { reportFilename } from '@/lib/export/markdown';
import type { TrendReport, TrendRow } from '@/lib/rank/types';
import type { TableKey } from '@/lib/rank/tables';
import { rankSettingsOf, type Settings } from '@/lib/settings/shape';
import { browser } from 'wxt/browser';
import { downloadText } from './browser';

export type { SavedAnalysis };

/** Model text cached in the database by model and exact prompt. */
export const generationCache = (): GenerationCache => dexieCache(getDb());

const keyOf = (settings: Settings) => settingsKey(rankSettingsOf(settings));

export const loadSavedAnalysis = (date: string, settings: Settings) => loadAnalysis(getDb(), date, keyOf(settings));
export const saveAnalysisFor = (date: string, settings: Settings, saved: SavedAnalysis) => saveAnalysis(getDb(), date, keyOf(settings), saved);

/** Fetches the linked articles of the posts an analysis reads in detail (Readability, on demand). */
export async function fetchArticles(input: AnalysisInput): Promise<number> {
  const { fetchArticle } = await import('@/lib/analysis/articles');
  return fetchArticlesFor(getDb(), input, (url) => fetchArticle(url));
}

/** Posts created in [from, to] as table rows. */
export async function postsBetween(from: number, to: number): Promise<TrendRow[]> {
  // A post whose score was never known is in no table (an unknown score never counts as 0).
  return (await postsCreatedBetween(getDb(), from, to)).flatMap((p) => (p.score == null ? [] : [{ ...p, score: p.score, sample: p.sample === 1 }]));
}

/** The report's Markdown: with the model's analysis when one is given, else the offline analyser's. */
export async function reportMarkdown(report: TrendReport, settings: Settings, analysis?: Analysis): Promise<string> {
  // Loaded on use: the popup's first table does not wait for the analyser and the renderer.
  const [{ markdownReport }, { computeInput }] = await Promise.all([import('@/lib/export/pipeline'), import('@/lib/db/analysis-input')]);
  const input = await computeInput(getDb(), report.at, rankSettingsOf(settings));
  return markdownReport(input, analysis);
}

export async function downloadMarkdown(report: TrendReport, settings: Settings, analysis?: Analysis): Promise<void> {
  downloadText(reportFilename(report), await reportMarkdown(report, settings, analysis), 'text/markdown');
}

/** The report with YAML front matter, for note apps (Obsidian). */
export async function downloadNotesMarkdown(report: TrendReport, settings: Settings, analysis?: Analysis): Promise<void> {
  const [{ markdownReport }, { computeInput }, { withFrontMatter }] = await Promise.all([import('@/lib/export/pipeline'), import('@/lib/db/analysis-input'), import('@/lib/export/notes')]);
  const input = await computeInput(getDb(), report.at, rankSettingsOf(settings));
  const writtenBy = analysis ? (Object.values(analysis).find((s) => s.source !== 'offline analyser')?.source ?? 'offline analyser') : 'offline analyser';
  const text = withFrontMatter(markdownReport(input, analysis), report, { communities: settings.trackAll ? 'all' : settings.tracked, insight: input.insight, writtenBy });
  downloadText(reportFilename(report).replace(/\.md$/, '.notes.md'), text, 'text/markdown');
}

/** One trend table as CSV. */
export async function downloadCsv(report: TrendReport, key: TableKey): Promise<void> {
  const { csvFilename, tableCsv } = await import('@/lib/export/notes');
  downloadText(csvFilename(report, key), tableCsv(report, key), 'text/csv');
}

export async function copyMarkdown(report: TrendReport, settings: Settings, analysis?: Analysis): Promise<void> {
  await navigator.clipboard.writeText(await reportMarkdown(report, settings, analysis));
}

export async function downloadBackup(): Promise<number> {
  const { exportBackup } = await import('@/lib/db/backup');
  const { watches, follows } = await getSettings();
  const backup = await exportBackup(getDb(), Date.now(), { watches, follows });
  const day = backup.exportedAt.slice(0, 10);
  downloadText(`reddit-trend-radar-backup-${day}.json`, JSON.stringify(backup, null, 1), 'application/json');
  return backup.posts.length;
}

/**
 * Checks, then merges a backup file, in steps so the page stays responsive: `onProgress` gets the stage
 * and how far it is (0..1). Throws a BackupError (nothing was written) for a bad file; a failure while
 * merging leaves what was merged, and importing the file again completes it.
 */
/** An import failure in a reader's words (lib/db/backup.ts). */
export async function importProblemText(e: unknown): Promise<string> {
  const { importProblem } = await import('@/lib/db/backup');
  return importProblem(e);
}

export async function importBackupFile(file: File, onProgress?: (stage: 'checking' | 'merging', fraction: number) => void): Promise<ImportReport> {
  const { importBackup, parseBackupInSteps } = await import('@/lib/db/backup');
  const backup = await parseBackupInSteps(await file.text(), (f) => onProgress?.('checking', f));
  const report = await importBackup(getDb(), backup, (f) => onProgress?.('merging', f));
  await mergeWatches(backup);
  return changed(report);
}

/** A backup's watches and followed posts join the user's (one per id, one per post: the user's stay). */
async function mergeWatches(backup: Backup): Promise<void> {
  const { watchesFromBackup } = await import('@/lib/db/backup');
  const from = watchesFromBackup(backup);
  const s = await getSettings();
  const watches = [...s.watches, ...from.watches.filter((w) => !s.watches.some((x) => x.id === w.id))];
  const follows = [...s.follows, ...from.follows.filter((f) => !s.follows.some((x) => x.postId === f.postId))];
  if (watches.length !== s.watches.length || follows.length !== s.follows.length) await updateSettings({ watches, follows });
}

/** Tells the background the store changed in bulk (it re-ranks); passes `result` through. */
async function changed<T>(result: T): Promise<T> {
  // The popup's first paint (lib/db/first-read.ts) no longer holds; the background stores the next one.
  await browser.storage.local.remove(FIRST_PAINT_KEY);
  await browser.storage.local.set({ [STORE_CHANGED_KEY]: Date.now() });
  return result;
}

/** Merges an automatic backup back in (what is stored stays). */
export const restoreBackup = async (name: string, onProgress?: (f: number) => void) => changed(await restoreAutoBackup(getDb(), opfsBackupStore(), name, onProgress, mergeWatches));
/** Makes an automatic backup now, whatever the week. */
export async function backUpNow(): Promise<void> {
  const { watches, follows } = await getSettings();
  if (!(await autoBackup(getDb(), opfsBackupStore(), Date.now(), true, { watches, follows }))) throw new Error('nothing is captured yet');
}

/** Downloads an automatic backup as a file the user keeps where they like. */
export async function downloadAutoBackup(name: string): Promise<void> {
  downloadText(`reddit-trend-radar-${name}`, await opfsBackupStore().read(name), 'application/json');
}

export const addSample = async () => changed(await loadSample(getDb(), Date.now()));
export const dropSample = async () => changed(await removeSample(getDb()));
export const runRetention = async (s: Settings) => changed(await applyRetention(getDb(), Date.now(), s.keepSightingsDays, s.keepPostsMonths));
/** Deletes every capture and the automatic backups (what the user asked for is gone, everywhere). */
export async function deleteAllData(): Promise<void> {
  await deleteEverything(getDb());
  await removeAutoBackups(opfsBackupStore()).catch(() => undefined);
  // Which communities were browsed is history too.
  await browser.storage.local.remove(BROWSED_KEY);
  await changed(undefined);
}
