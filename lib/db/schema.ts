/**
 * The database, owned by the background worker; extension pages read it with liveQuery.
 * Documented in docs/formats.md ("Database"). Each Dexie version lists only what changed, with an upgrade and a
 * test (STYLE.md rule 9).
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { TrendReport } from '../rank/types';
import type { CapturedComment, CapturedPost } from '../capture/types';

export const DB_NAME = 'reddit-trend-radar';

/**
 * The latest known state of a post: what capture records (lib/capture/types.ts), with a known score,
 * and the times it was seen. Times are UTC epoch ms; flags are 0/1 where indexed.
 */
export interface PostRow extends Omit<CapturedPost, 'score' | 'layout' | 'seenAt'> {
  /** The latest known score; null while none was ever seen (young posts, hidden scores). */
  score: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Time of the newest sighting row written for this post (0: none yet). */
  sightedAt: number;
  /** 1 for rows of the built-in sample data, removable without touching real captures. */
  sample: 0 | 1;
}

/** One point of a post's score history. */
export interface SightingRow {
  postId: string;
  at: number;
  score: number;
  comments: number;
  /** "refresh": read by keeping communities fresh (lib/refresh/); absent: seen on screen. Not indexed. */
  source?: 'refresh';
}

/** A comment's latest known state: what capture records (lib/capture/fields.ts), and the times it was seen. */
export interface CommentRow extends Omit<CapturedComment, 'seenAt' | 'deleted'> {
  /** Deleted or removed on Reddit (rows stored before this field existed lack it: false). */
  deleted?: boolean;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** A name's first mention in the whole history (lib/analysis/names.ts keys). */
export interface NameRow {
  key: string;
  label: string;
  /** Creation time of the earliest post that mentions it. */
  firstSeen: number;
}

/** A marker the background keeps: `names` = posts indexed up to this lastSeenAt. */
export interface MetaRow {
  key: string;
  value: number;
}

/** A computed report kept so pages open on it at once. Key "latest": the background's current report. */
export interface ReportRow {
  key: string;
  /** The report's shape (REPORT_VERSION in reports.ts); rows of another version are never rendered. */
  version?: number;
  /** What it was computed from: the tracked-communities setting, as a string. */
  settingsKey: string;
  computedAt: number;
  report: TrendReport;
}

/** The store's figures, as page headers show them. */
export interface StoreStats {
  posts: number;
  communities: number;
  comments: number;
  lastCaptureAt: number | null;
  samplePosts: number;
}

/** The store's figures for page headers, kept by the background (key "stats"): counting is slow on large stores. */
export interface StatsRow {
  key: 'stats';
  computedAt: number;
  stats: StoreStats;
  /** The distinct community names stored, so a batch tells new communities without a query. */
  names?: string[];
}

/** Text a model wrote, keyed by model, prompt version and the exact input (a SHA-256 of them). */
export interface GenerationRow {
  key: string;
  modelId: string;
  /** What it is: "section:today", "tldr:t3_…", "review:…". */
  kind: string;
  text: string;
  createdAt: number;
}

export class RadarDB extends Dexie {
  generations!: EntityTable<GenerationRow, 'key'>;
  posts!: EntityTable<PostRow, 'id'>;
  sightings!: Table<SightingRow, [string, number]>;
  comments!: EntityTable<CommentRow, 'id'>;
  reports!: EntityTable<ReportRow, 'key'>;
  stats!: EntityTable<StatsRow, 'key'>;
  names!: EntityTable<NameRow, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      // Ranking reads creation-time windows; per-community views read [subreddit+createdAt];
      // the popup's "last capture" reads lastSeenAt; the sample is removed through `sample`.
      posts: 'id, createdAt, [subreddit+createdAt], subreddit, lastSeenAt, sample',
      // Primary key [postId+at]: a sighting sent twice is stored once. `at` serves Rising's 24 h window.
      sightings: '[postId+at], at',
      comments: 'id, postId',
    });
    // v2: the latest computed report, so the popup opens on it at once. Nothing to migrate.
    this.version(2).stores({ reports: 'key' });
    // v3: generated text cache. Nothing to migrate.
    this.version(3).stores({ generations: 'key, createdAt' });
    // v4: the store's figures, kept so page headers do not count 100,000 rows on every open.
    this.version(4).stores({ stats: 'key' });
    // v5: the first mention of each name over the whole history (lib/db/names.ts), and small markers
    // such as how far the names are indexed. Filled by the background from existing posts: nothing to migrate.
    this.version(5).stores({ names: 'key', meta: 'key' });
  }
}

let shared: RadarDB | undefined;
/** The extension's database (one connection per JavaScript context). */
export function getDb(): RadarDB {
  shared ??= new RadarDB();
  return shared;
}
