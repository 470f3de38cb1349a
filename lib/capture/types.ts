/** Which Reddit front end rendered the page: decided from the DOM, never the hostname. */
export type Layout = 'new' | 'old' | 'json' | 'unknown';

/** A post as the page showed it at one moment. Times are UTC epoch milliseconds. */
export interface CapturedPost {
  /** Reddit fullname, `t3_…`. */
  id: string;
  /** Community name as Reddit capitalizes it, without `r/`. */
  subreddit: string;
  title: string;
  /** Null where the page does not show the author (new Reddit search results). */
  author: string | null;
  /** Path on reddit.com, `/r/<sub>/comments/<id>/<slug>/`. */
  permalink: string;
  /** Outbound URL for link posts, the permalink's full URL for self posts. */
  url: string;
  flair: string | null;
  createdAt: number;
  /**
   * Exact score from an attribute. Null where the page shows no real number: young posts (new Reddit
   * leaves `score` off, old Reddit shows "•"), hidden scores. The store then keeps what it knew (a known
   * score, or unknown) and writes no sighting; an unknown score never counts as 0 in a table or a rate.
   */
  score: number | null;
  /** True where Reddit shows "•" (or nothing) instead of the score. */
  scoreHidden: boolean;
  comments: number;
  /** Self-text, only where the page shows it whole (a post page). */
  body: string | null;
  postType: string | null;
  domain: string | null;
  nsfw: boolean;
  spoiler: boolean;
  stickied: boolean;
  locked: boolean;
  crosspost: boolean;
  /** For a crosspost: the original post's id (`t3_…`), where the page says it; stories group on it. */
  crosspostParent: string | null;
  layout: Layout;
  /** When the page showed it. */
  seenAt: number;
}

export interface CapturedComment {
  /** `t1_…` */
  id: string;
  /** `t3_…` */
  postId: string;
  /** `t1_…` of the parent comment; null for a top-level comment. */
  parentId: string | null;
  author: string | null;
  /** Null where the page shows no score (deleted, hidden). */
  score: number | null;
  depth: number;
  createdAt: number | null;
  /** Null for a deleted or removed comment (its text is gone). */
  body: string | null;
  /** Deleted or removed on Reddit: kept as a row so its replies keep their true parent and depth. */
  deleted: boolean;
  seenAt: number;
}

/** What one parse of a page (or of newly added elements) found. */
export interface ParseResult {
  posts: CapturedPost[];
  comments: CapturedComment[];
  /** Elements that looked like posts or comments but could not be read; counted, never stored. */
  skipped: number;
  /** Ads seen and left out. */
  ads: number;
}

export const emptyResult = (): ParseResult => ({ posts: [], comments: [], skipped: 0, ads: 0 });

/** What a page that shows little of a post (search results) leaves unknown or unset. */
export const POST_DEFAULTS = {
  author: null,
  flair: null,
  body: null,
  postType: null,
  domain: null,
  nsfw: false,
  spoiler: false,
  stickied: false,
  locked: false,
  crosspost: false,
  crosspostParent: null,
} satisfies Partial<CapturedPost>;
