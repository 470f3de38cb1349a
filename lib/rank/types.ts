/** What ranking reads and writes. Pure data: no Dexie, no browser APIs, no clock. */

/** What a trend table shows of a post. */
export interface PostFields {
  id: string;
  subreddit: string;
  title: string;
  author: string | null;
  permalink: string;
  flair: string | null;
  createdAt: number;
  score: number;
  comments: number;
}

/** The fields of a stored post that ranking needs (a PostRow satisfies it). */
export interface RankPost extends Omit<PostFields, 'score'> {
  /** Null while unknown: such a post is in no table until a score is seen. */
  score: number | null;
  lastSeenAt: number;
  sample?: 0 | 1;
}

export interface RankSighting {
  postId: string;
  at: number;
  score: number;
  comments: number;
}

export interface RankSettings {
  /** Communities that count; compared case-insensitively. Ignored when `all` is true. */
  tracked: string[];
  all: boolean;
  /** Leave meme, shitpost and humour flairs out of every table (off by default, as the series). */
  hideMemes?: boolean;
}

/** One row of a trend table: the post as known at the report time. */
export interface TrendRow extends PostFields {
  sample: boolean;
  /** Rising only: points gained between the first and last sighting in the last 24 h, and how far apart. */
  gain?: { points: number; ms: number };
}

/** Posts seen in the last 24 hours that are not in Rising yet, by the rule they miss. */
export interface RisingWaiting {
  oneSighting: number;
  tooClose: number;
  smallGain: number;
  tooOld: number;
}

export interface CommunityTable {
  /** As Reddit capitalizes it. */
  name: string;
  rows: TrendRow[];
}

export interface TrendReport {
  /** Report time, UTC epoch ms. */
  at: number;
  /** The report time's UTC date, YYYY-MM-DD. */
  date: string;
  today: TrendRow[];
  rising: TrendRow[];
  /** Why other posts are not in Rising (absent from reports stored before it existed). */
  risingWaiting?: RisingWaiting;
  weekly: TrendRow[];
  monthly: TrendRow[];
  communities: CommunityTable[];
  /** Posts of tracked communities created in the 30 days before the report time. */
  postsInWindow: number;
  /** True when any row comes from the built-in sample data. */
  hasSample: boolean;
}

/** A post as a page shows it outside the tables: its score may still be unknown (null). */
export type ShownPost = Omit<TrendRow, 'score'> & { score: number | null };
