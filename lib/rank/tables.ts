/**
 * The trend tables, each declared once: ranking (rank.ts), the Markdown export, the popup and the
 * sidebar all read this list. To add a table: an entry here, its rows in rank.ts, and the field on
 * TrendReport (types.ts); the pages and the export pick it up from here.
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export type TableKey = 'today' | 'rising' | 'weekly' | 'monthly' | 'communities';
/** A column of a trend table, in the seed report's terms. */
export type ColumnKey = 'rank' | 'title' | 'subreddit' | 'gain' | 'score' | 'comments' | 'flair' | 'createdAt';

export interface TrendTableSpec {
  key: TableKey;
  /** Short name for tabs and the sidebar. */
  label: string;
  /** The Markdown report's heading for it; null when the report has no such table (Rising). */
  heading: string | null;
  /** The same heading in the series' Chinese edition. */
  zh?: string;
  /** Posts created in (T − window, T] count. */
  window: number;
  /** Rows shown (per community, for the community table). */
  limit: number;
  columns: readonly ColumnKey[];
  /** What an empty table means, for a reader. */
  empty: string;
}

export const MIN_COMMENTS_TODAY = 10;

export const TABLES: readonly TrendTableSpec[] = [
  {
    key: 'today',
    label: 'Today',
    heading: "Today's Trending Posts",
    zh: '今日热门帖子',
    window: DAY,
    limit: 10,
    columns: ['title', 'subreddit', 'score', 'comments', 'flair', 'createdAt'],
    empty: 'No post of a tracked community from the last 24 hours has more than 10 comments yet.',
  },
  {
    key: 'rising',
    label: 'Rising',
    heading: null,
    window: DAY,
    limit: 10,
    columns: ['title', 'subreddit', 'gain', 'score', 'comments', 'flair', 'createdAt'],
    empty: 'Nothing is rising yet: a post under 48 hours old needs two sightings at least 30 minutes apart in the last 24 hours, with a gain of 10 points or more. Revisit a feed later to see it move.',
  },
  {
    key: 'weekly',
    label: 'Week',
    heading: 'Weekly Popular Posts',
    zh: '本周热门帖子',
    window: 7 * DAY,
    limit: 20,
    columns: ['rank', 'title', 'subreddit', 'score', 'comments', 'flair', 'createdAt'],
    empty: 'No post of a tracked community from the last 7 days has been captured.',
  },
  {
    key: 'monthly',
    label: 'Month',
    heading: 'Monthly Popular Posts',
    zh: '本月热门帖子',
    window: 30 * DAY,
    limit: 20,
    columns: ['rank', 'title', 'subreddit', 'score', 'comments', 'flair', 'createdAt'],
    empty: 'No post of a tracked community from the last 30 days has been captured.',
  },
  {
    key: 'communities',
    label: 'Communities',
    // The series' heading says "Past Week", though its rows are the day's trending set (report-format.md).
    heading: 'Top Posts by Community (Past Week)',
    zh: '各社区本周热门帖子',
    window: DAY,
    limit: 3,
    columns: ['title', 'score', 'comments', 'flair', 'createdAt'],
    empty: 'No community has a post with more than 10 comments in the last 24 hours.',
  },
];

export const TABLE = Object.fromEntries(TABLES.map((t) => [t.key, t])) as Record<TableKey, TrendTableSpec>;

/** The windows ranking queries: the widest is what the background reads from the database. */
export const WINDOWS = { today: TABLE.today.window, weekly: TABLE.weekly.window, monthly: TABLE.monthly.window } as const;

/** How far back the analysis counts names: the month, and the 7 days before it (lib/analysis/insight.ts). */
export const NAME_HISTORY = 37 * DAY;

/** Column labels, as the seed report writes them (the pages add "(UTC)" to Posted). */
export const COLUMN_LABELS: Record<ColumnKey, string> = {
  rank: '#',
  title: 'Title',
  subreddit: 'Community',
  gain: 'Gained',
  score: 'Score',
  comments: 'Comments',
  flair: 'Category',
  createdAt: 'Posted',
};

/**
 * A table's tab label. Today's tables say Today, Week, Month; a past date's say what they show:
 * "Nov 20", "Rising Nov 20", "Week to Nov 20", "Month to Nov 20".
 */
export function tableLabel(key: TableKey, pastDate?: string | null): string {
  if (!pastDate) return TABLE[key].label;
  const day = new Date(`${pastDate}T12:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  switch (key) {
    case 'today':
      return day;
    case 'rising':
      return `Rising ${day}`;
    case 'weekly':
      return `Week to ${day}`;
    case 'monthly':
      return `Month to ${day}`;
    case 'communities':
      return `Communities ${day}`;
  }
}

/** Rising's gain as observed, never extrapolated: "+45 in 2 h", "+12 in 40 min". */
export function gainText(g: { points: number; ms: number }): string {
  const minutes = Math.round(g.ms / 60_000);
  const span = minutes < 90 ? `${minutes} min` : `${Math.round((minutes / 60) * 10) / 10} h`;
  return `+${g.points} in ${span}`;
}
