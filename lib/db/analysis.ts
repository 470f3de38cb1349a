/**
 * The last analysis a model wrote for a report day and set of tracked communities, so the popup can show
 * it and export it without the model. (Section texts are cached by exact prompt in lib/llm/cache.ts.)
 */
import type { Analysis } from '../export/markdown';
import type { RadarDB } from './schema';

export const analysisKey = (date: string, settingsKey: string) => `analysis:${date}:${settingsKey}`;

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
