/** Settings' shape and defaults, free of browser APIs so Node code (npm run report) can use them. */

/** The communities the seed series follows (report-format.md). */
export const DEFAULT_TRACKED = [
  'LocalLLaMA', 'MachineLearning', 'singularity', 'LocalLLM', 'hackernews', 'LangChain', 'LLMDevs',
  'Vectordatabase', 'Rag', 'AI_Agents', 'datascience',
];

export type ModelPreference = 'Llama-3.2-3B-Instruct' | 'Qwen2.5-1.5B-Instruct' | 'Llama-3.2-1B-Instruct';

export interface Settings {
  captureEnabled: boolean;
  /** The model the user prefers (the default, or the 3B quality choice, or the small one). */
  model: ModelPreference;
  /** After a GPU failure: the strongest model still allowed ("none": offline only). Remembered. */
  modelCeiling: ModelPreference | 'none' | null;
  /** Model ids the user agreed to download. */
  modelConsent: string[];
  /** Fetch link posts' articles and reduce them with Readability (needs an optional permission). */
  readArticles: boolean;
  /** Communities whose posts count in the reports; compared case-insensitively. */
  tracked: string[];
  /** Count every captured community instead of `tracked`. */
  trackAll: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  captureEnabled: true,
  tracked: DEFAULT_TRACKED,
  trackAll: false,
  model: 'Qwen2.5-1.5B-Instruct',
  modelCeiling: null,
  modelConsent: [],
  readArticles: false,
};
