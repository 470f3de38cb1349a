/**
 * The settings: shape, defaults and migrations, free of browser APIs so Node code (npm run report) can
 * use them. To add a setting: a field here with its default, and, if an old value must change, a step in
 * SETTINGS_MIGRATIONS with SETTINGS_VERSION raised. storage.ts stores it; content.ts reads it in the
 * content script.
 */
import type { ModelFamily } from '../llm/models';
import type { EngineChoice } from '../llm/engine-keys';
import type { RankSettings } from '../rank/types';
import type { ReportLanguage } from '../analysis/sections';

export { SETTINGS_KEY } from './key';

/** The communities the seed series follows (report-format.md). */
export const DEFAULT_TRACKED = [
  'LocalLLaMA', 'MachineLearning', 'singularity', 'LocalLLM', 'hackernews', 'LangChain', 'LLMDevs',
  'vectordatabase', 'Rag', 'AI_Agents', 'datascience',
];
/** Version 1's default, kept for its migration (it spelled one name as the series' config does). */
export const V1_DEFAULT_TRACKED = DEFAULT_TRACKED.map((s) => (s === 'vectordatabase' ? 'Vectordatabase' : s));

/** The model families the user can choose (lib/llm/models.ts declares them). */
export type ModelPreference = ModelFamily;

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
  /** A weekly backup kept in the extension's own file storage, the last 4 (lib/db/auto-backup.ts). */
  autoBackup: boolean;
  /** Which model writes: Chrome's built-in one where it can, else WebLLM ("auto"); or only one of them. */
  engine: EngineChoice;
  /** Where WebLLM loads weights and libraries from ('' for its own hosts); lib/llm/mirror.ts. */
  modelMirror: string;
  /** When a report day ends, local time "HH:MM" (default midnight); the header shows it with its zone. */
  dayEnds: string;
  /** Leave meme, shitpost and humour flairs out of the trending tables (off, as the series). */
  hideMemes: boolean;
  /** Saved queries checked as capture writes (lib/search/watch.ts). */
  watches: Watch[];
  /** Posts followed from the sidebar: told when seen again with N more comments or points. */
  follows: Follow[];
  /** No notifications between these local times, "HH:MM" ('' : no quiet period). */
  quietFrom: string;
  quietTo: string;
  /** "Keep tracked communities fresh": the background reads their listings itself (lib/refresh/). Off by default. */
  refreshEnabled: boolean;
  /** How often each tracked community is read, in minutes (10 to 360). */
  refreshMinutes: number;
  /** The language of the Markdown report and the analysis: English or Chinese, as the series publishes. */
  reportLanguage: ReportLanguage;
}

export type { EngineChoice } from '../llm/engine-keys';

/**
 * At most this many watches and followed posts (README states them): each capture checks every watch,
 * and the settings that hold them are read by every page; an imported backup beyond them is refused in
 * part, with a message.
 */
export const MAX_WATCHES = 200;
export const MAX_FOLLOWS = 500;

/** A saved query checked as capture writes (lib/search/watch.ts). */
export interface Watch {
  id: string;
  /** The query language of search (lib/search/query.ts); words match whole unless written with `*`. */
  query: string;
  /** Only in these communities (any), without r/; empty: everywhere. */
  communities: string[];
  /** Only posts whose flair contains this ('' : any). */
  flair: string;
  /** Only posts with at least this score / these comments (a post crossing it later matches then). */
  minScore: number | null;
  minComments: number | null;
  /** A browser notification for each match (needs the optional notifications permission). */
  alerts: boolean;
  /** With alerts: one notification summing up a refresh run's (or a page's) matches instead of one per match. */
  digest?: boolean;
  createdAt: number;
}

/** "Tell me when this post is seen again with `more` more comments or points." */
export interface Follow {
  postId: string;
  title: string;
  community: string;
  permalink: string;
  /** Its score and comments when last told (or when followed). */
  score: number;
  comments: number;
  more: number;
  createdAt: number;
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
  autoBackup: true,
  engine: 'auto',
  modelMirror: '',
  dayEnds: '00:00',
  hideMemes: false,
  watches: [],
  follows: [],
  quietFrom: '',
  quietTo: '',
  refreshEnabled: false,
  refreshMinutes: 30,
  reportLanguage: 'en',
};

/** What ranking needs of the settings. */
/**
 * Each setting that shapes a report, declared once: where it comes from in the settings, and its part of
 * the key that says whether a stored report, the popup's first paint or a saved analysis was made for
 * these settings. The mapped type makes a field of RankSettings without a line here (or a line without
 * the field) a compile error; test/settings/report-settings.test.ts checks every line changes the key.
 */
export const REPORT_SETTINGS: { [K in keyof Required<RankSettings>]: { of: (s: Settings) => RankSettings[K]; key: (r: RankSettings) => string } } = {
  tracked: { of: (s) => s.tracked, key: (r) => (r.all ? '' : r.tracked.map((c) => c.toLowerCase()).sort().join(',')) },
  all: { of: (s) => s.trackAll, key: (r) => (r.all ? '*' : '') },
  hideMemes: { of: (s) => !!s.hideMemes, key: (r) => (r.hideMemes ? '|no-memes' : '') },
};
const REPORT_FIELDS = Object.keys(REPORT_SETTINGS) as (keyof RankSettings)[];

/** The settings ranking reads, from the user's settings (missing fields at their defaults). */
export function rankSettingsOf(s: Partial<Settings>): Required<RankSettings> {
  const full = withDefaults(s);
  return Object.fromEntries(REPORT_FIELDS.map((k) => [k, REPORT_SETTINGS[k].of(full)])) as unknown as Required<RankSettings>;
}

/** What a report was computed from, as a string (every declared field's part, in order). */
export function reportSettingsKey(r: RankSettings): string {
  return REPORT_FIELDS.map((k) => REPORT_SETTINGS[k].key(r)).join('');
}

/**
 * Version 1: capture switch, tracked communities, model settings.
 * Version 2: capture exclusions and private windows, retention, feed badges; "Vectordatabase" in a
 * tracked list that still holds version 1's default is written as Reddit capitalizes it (vectordatabase).
 * Version 3: the engine choice (Chrome's built-in model or WebLLM), a WebLLM mirror, when a report day
 * ends, leaving meme flairs out; each added with its default.
 * Version 4: watches, followed posts and a quiet period for notifications; none by default.
 * Version 5: keeping tracked communities fresh, off, every 30 minutes.
 * Version 6: the report's language, English.
 * A migration changes an option only if it still holds the old default (RES's rule), so a user's choice
 * is never overwritten.
 */
export const SETTINGS_VERSION = 6;
export const SETTINGS_MIGRATIONS: Record<number, (old: Partial<Settings>) => Settings> = {
  2: (old) => {
    const next: Settings = { ...DEFAULT_SETTINGS, ...old };
    if (old.tracked && old.tracked.join() === V1_DEFAULT_TRACKED.join()) next.tracked = DEFAULT_SETTINGS.tracked;
    return next;
  },
  3: (old) => ({ ...DEFAULT_SETTINGS, ...old }),
  4: (old) => ({ ...DEFAULT_SETTINGS, ...old }),
  5: (old) => ({ ...DEFAULT_SETTINGS, ...old }),
  6: (old) => ({ ...DEFAULT_SETTINGS, ...old }),
};

/** Stored settings completed with the defaults of fields they lack. */
export function withDefaults(stored: Partial<Settings> | null | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
}
