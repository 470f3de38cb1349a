/** Settings' shape and defaults, free of browser APIs so Node code (npm run report) can use them. */

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
