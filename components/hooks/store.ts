/**
 * The pages' door to the store for actions. Pages read the database (one-off reads here, live ones in
 * the use*.ts hooks beside this file) and never write it: every change is a request to the background,
 * its only writer (lib/background/store.ts). Components never import lib/db.
 */
import { getDb } from '@/lib/db/schema';
import { articleKey, loadAnalysis, savedAnalysisKey, savedArticle, type SavedAnalysis } from '@/lib/db/generations';
import { postsCreatedBetween } from '@/lib/db/posts';
import { ask } from '@/lib/messaging';
import { opfsBackupStore } from '@/lib/db/auto-backup';
import type { ImportReport } from '@/lib/export/backup-format';
import { getSettings } from '@/lib/storage/settings';
import type { GenerationCache } from '@/lib/analysis/cache';
import type { AnalysisInput } from '@/lib/analysis/input';
import type { Analysis } from '@/lib/analysis/sections';
import { reportFilename } from '@/lib/export/markdown';
import type { TrendReport, TrendRow } from '@/lib/rank/types';
import type { TableKey } from '@/lib/rank/tables';
import { rankSettingsOf, type Settings } from '@/lib/settings/shape';
import { downloadText } from './browser';

export type { SavedAnalysis };

/** Model text cached by model and exact prompt: read here, kept by the background. */
export const generationCache = (): GenerationCache => ({
  get: async (key) => (await getDb().generations.get(key))?.text,
  put: async (key, modelId, kind, text) => void (await ask('keepGeneration', { key, modelId, kind, text })),
});

const keyOf = savedAnalysisKey;

export const loadSavedAnalysis = (date: string, settings: Settings) => loadAnalysis(getDb(), date, keyOf(settings));
export const saveAnalysisFor = async (date: string, settings: Settings, saved: SavedAnalysis) => void (await ask('keepAnalysis', { date, settingsKey: keyOf(settings), saved }));

/**
 * Fetches the linked articles of the posts an analysis reads in detail (Readability, on demand: it needs
 * the page's DOM parser) and hands each to the background to keep. Returns how many were fetched.
 */
export async function fetchArticles(input: AnalysisInput): Promise<number> {
  const { fetchArticle } = await import('@/lib/analysis/articles');
  let fetched = 0;
  for (const id of Object.keys(input.details)) {
    const url = (await getDb().posts.get(id))?.url;
    if (!url || (await savedArticle(getDb(), url)) !== undefined) continue;
    const text = await fetchArticle(url);
    if (!text) continue;
    await ask('keepGeneration', { key: articleKey(url), modelId: 'readability', kind: 'article', text });
    fetched++;
  }
  return fetched;
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
  return markdownReport(input, analysis, settings.reportLanguage);
}

export async function downloadMarkdown(report: TrendReport, settings: Settings, analysis?: Analysis): Promise<void> {
  downloadText(reportFilename(report, settings.reportLanguage), await reportMarkdown(report, settings, analysis), 'text/markdown');
}

/** The report with YAML front matter, for note apps (Obsidian). */
export async function downloadNotesMarkdown(report: TrendReport, settings: Settings, analysis?: Analysis): Promise<void> {
  const [{ markdownReport }, { computeInput }, { withFrontMatter }] = await Promise.all([import('@/lib/export/pipeline'), import('@/lib/db/analysis-input'), import('@/lib/export/notes')]);
  const input = await computeInput(getDb(), report.at, rankSettingsOf(settings));
  const writtenBy = analysis ? (Object.values(analysis).find((s) => s.source !== 'offline analyser')?.source ?? 'offline analyser') : 'offline analyser';
  const text = withFrontMatter(markdownReport(input, analysis, settings.reportLanguage), report, { communities: settings.trackAll ? 'all' : settings.tracked, insight: input.insight, writtenBy });
  downloadText(reportFilename(report, settings.reportLanguage).replace(/\.md$/, '.notes.md'), text, 'text/markdown');
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

/** An import failure in a reader's words (lib/export/backup-format.ts). */
export async function importProblemText(e: unknown): Promise<string> {
  const { importProblem } = await import('@/lib/export/backup-format');
  return importProblem(e);
}

/**
 * Checks a backup's text here (progress: "checking"), then hands it to the background in parts of up to
 * 2,000 posts, one message and one transaction each (progress: "merging"). A part whose message found
 * the worker stopped is sent once more (a repeat changes nothing). A bad file throws a BackupError and
 * nothing is written; a failure half way leaves the parts merged, and importing the file again completes it.
 */
async function importText(text: string, onProgress?: (stage: 'checking' | 'merging', fraction: number) => void): Promise<ImportReport> {
  const { backupParts, parseBackupInSteps } = await import('@/lib/export/backup-format');
  const parts = backupParts(await parseBackupInSteps(text, (f) => onProgress?.('checking', f)));
  const total: ImportReport = { postsAdded: 0, postsUpdated: 0, sightingsAdded: 0, commentsAdded: 0 };
  for (const [i, part] of parts.entries()) {
    // Sent once more only when the answer was lost (the worker stopped): a refused part stays refused.
    const r = await ask('importPart', part).catch((e: Error) => (/^no answer|Could not establish connection|message port closed/i.test(e.message) ? ask('importPart', part) : Promise.reject(e)));
    total.postsAdded += r.postsAdded;
    total.postsUpdated += r.postsUpdated;
    total.sightingsAdded += r.sightingsAdded;
    total.commentsAdded += r.commentsAdded;
    total.watchesRefused = (total.watchesRefused ?? 0) + (r.watchesRefused ?? 0);
    total.followsRefused = (total.followsRefused ?? 0) + (r.followsRefused ?? 0);
    onProgress?.('merging', (i + 1) / parts.length);
  }
  return total;
}

export const importBackupFile = async (file: File, onProgress?: (stage: 'checking' | 'merging', fraction: number) => void) => {
  (await import('@/lib/export/backup-format')).checkBackupSize(file.size);
  return importText(await file.text(), onProgress);
};

/** Merges an automatic backup back in (what is stored stays). */
export const restoreBackup = async (name: string, onProgress?: (f: number) => void) =>
  importText(await opfsBackupStore().read(name), (stage, f) => stage === 'merging' && onProgress?.(f));

/** Makes an automatic backup now, whatever the week. */
export const backUpNow = async () => void (await ask('backUpNow', {}));

/** Downloads an automatic backup as a file the user keeps where they like. */
export async function downloadAutoBackup(name: string): Promise<void> {
  downloadText(`reddit-trend-radar-${name}`, await opfsBackupStore().read(name), 'application/json');
}

export const addSample = async () => (await ask('loadSample', {})).added;
export const dropSample = async () => (await ask('removeSample', {})).removed;
export const runRetention = async () => {
  const { sightingsRemoved, postsRemoved } = await ask('applyRetention', {});
  return { sightingsRemoved, postsRemoved };
};
/** Deletes every capture, the automatic backups and the browsed communities (the background does it). */
export const deleteAllData = async () => void (await ask('deleteEverything', {}));
