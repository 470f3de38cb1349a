/**
 * User settings, versioned from day one (STYLE.md rule 14). A migration changes an option only if it
 * still holds the old default, so a user's choice is never overwritten.
 */
import { storage } from '#imports';
import { SETTINGS_KEY } from './settings-key';

/** The communities the seed series follows (report-format.md). */
export const DEFAULT_TRACKED = [
  'LocalLLaMA', 'MachineLearning', 'singularity', 'LocalLLM', 'hackernews', 'LangChain', 'LLMDevs',
  'Vectordatabase', 'Rag', 'AI_Agents', 'datascience',
];

export interface Settings {
  captureEnabled: boolean;
  /** Communities whose posts count in the reports; compared case-insensitively. */
  tracked: string[];
  /** Count every captured community instead of `tracked`. */
  trackAll: boolean;
}

export const DEFAULT_SETTINGS: Settings = { captureEnabled: true, tracked: DEFAULT_TRACKED, trackAll: false };

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}
