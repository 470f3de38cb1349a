/**
 * The generations table: text a model (or Readability) wrote, keyed by what it was written from.
 *   - section, TL;DR and review texts, keyed by a SHA-256 of model, prompt version and prompt (the
 *     generation cache the analysis uses);
 *   - the last analysis of a report day ("analysis:<date>:<settings>"), so the popup can show and export
 *     it without the model;
 *   - linked articles reduced with Readability ("article:<url>").
 */
import type { Analysis } from '../analysis/sections';
import { rankSettingsOf, type Settings } from '../settings/shape';
import { settingsKey } from './latest';
import type { AnalysisInput } from '../analysis/input';
import type { GenerationCache } from '../analysis/cache';
import type { RadarDB } from './schema';

export function dexieCache(db: RadarDB, now: () => number = Date.now): GenerationCache {
  return {
    get: async (key) => (await db.generations.get(key))?.text,
    put: async (key, modelId, kind, text) => void (await db.generations.put({ key, modelId, kind, text, createdAt: now() })),
  };
}

// ── The last analysis of a report day ─────────────────────────────────────────────────────────────────
export const analysisKey = (date: string, settingsKey: string) => `analysis:${date}:${settingsKey}`;

/** What a saved analysis was written for: the report's settings, and its language (English keys as before). */
export const savedAnalysisKey = (settings: Settings) => `${settingsKey(rankSettingsOf(settings))}${settings.reportLanguage === 'zh' ? '|zh' : ''}`;

export interface SavedAnalysis {
  analysis: Analysis;
  /** Report time it was written for. */
  at: number;
}

export async function saveAnalysis(db: RadarDB, date: string, settingsKey: string, saved: SavedAnalysis, now = Date.now()): Promise<void> {
  const modelId = Object.values(saved.analysis).find((s) => s.source !== 'offline analyser')?.source ?? 'offline analyser';
  await db.generations.put({ key: analysisKey(date, settingsKey), modelId, kind: 'analysis', text: JSON.stringify(saved), createdAt: now });
}

export async function loadAnalysis(db: RadarDB, date: string, settingsKey: string): Promise<SavedAnalysis | undefined> {
  const row = await db.generations.get(analysisKey(date, settingsKey));
  return row ? (JSON.parse(row.text) as SavedAnalysis) : undefined;
}

// ── Linked articles ───────────────────────────────────────────────────────────────────────────────────
export const articleKey = (url: string) => `article:${url}`;

export async function savedArticle(db: RadarDB, url: string): Promise<string | undefined> {
  return (await db.generations.get(articleKey(url)))?.text;
}

/** Fetches and keeps the linked articles of the posts an analysis reads in detail (not yet fetched). */
export async function fetchArticlesFor(db: RadarDB, input: AnalysisInput, fetchArticle: (url: string) => Promise<string | null>, now = Date.now()): Promise<number> {
  let fetched = 0;
  for (const id of Object.keys(input.details)) {
    const url = (await db.posts.get(id))?.url;
    if (!url || (await db.generations.get(articleKey(url)))) continue;
    const text = await fetchArticle(url);
    if (text) {
      await db.generations.put({ key: articleKey(url), modelId: 'readability', kind: 'article', text, createdAt: now });
      fetched++;
    }
  }
  return fetched;
}
