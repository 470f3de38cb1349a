/** Settings' shape and defaults, free of browser APIs so Node code (npm run report) can use them. */

/** The communities the seed series follows (report-format.md). */
export const DEFAULT_TRACKED = [
  'LocalLLaMA', 'MachineLearning', 'singularity', 'LocalLLM', 'hackernews', 'LangChain', 'LLMDevs',
  'vectordatabase', 'Rag', 'AI_Agents', 'datascience',
];
/** Version 1's default, kept for its migration (it spelled one name as the series' config does). */
export const V1_DEFAULT_TRACKED = DEFAULT_TRACKED.map((s) => (s === 'vectordatabase' ? 'Vectordatabase' : s));

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
  /** Communities never captured (compared case-insensitively). */
  excluded: string[];
  /** Capture in private (incognito) windows too. Off: nothing is captured there. */
  captureInPrivate: boolean;
  /** Keep every sighting for this many days; older ones are thinned to one a day. */
  keepSightingsDays: number;
  /** Delete posts (with their history and comments) not seen for this many months; 0 keeps everything. */
  keepPostsMonths: number;
  /** Small "#3 today" / "rising" badges on posts in Reddit's feeds. */
  feedBadges: boolean;
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
  excluded: [],
  captureInPrivate: false,
  keepSightingsDays: 30,
  keepPostsMonths: 12,
  feedBadges: true,
};

/** What ranking needs of the settings. */
export function rankSettingsOf(s: Pick<Settings, 'tracked' | 'trackAll'>): { tracked: string[]; all: boolean } {
  return { tracked: s.tracked, all: s.trackAll };
}
