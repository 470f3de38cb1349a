/**
 * Every Reddit selector the extension uses, in one place. When Reddit changes its markup, this is the
 * file to look at. Each entry names the fixture (in ../shared/fixtures/reddit/) that proves it and how
 * many elements it matches there; test/capture/selectors.test.ts checks those counts.
 */

// ── New Reddit ("shreddit") ───────────────────────────────────────────────────────────────────────────
export const NEW = {
  /** The app shell; `routename`/`pagetype` say what page this is. 1 in every new-Reddit fixture. */
  app: 'shreddit-app',
  /** A post in a feed or on its own page. new-listing-r-machinelearning-2026: 50; new-post-r-artificial: 1. */
  post: 'shreddit-post',
  /** Ads are a separate element, never a shreddit-post. new-listing-r-machinelearning-2026: 5. */
  ad: 'shreddit-ad-post',
  /** Title link in a feed / heading on a post page (fallback to the `post-title` attribute). */
  postTitle: '[slot="title"]',
  /** Flair chip inside a post. new-listing-r-machinelearning-2026: 50 (one per post). */
  postFlair: 'shreddit-post-flair',
  /** Full self-text on a post page: `div#t3_…-post-rtjson-content[property="schema:articleBody"]`. new-post-r-artificial: 1. */
  postBody: 'shreddit-post-text-body [property="schema:articleBody"], [slot="text-body"] [id$="-post-rtjson-content"]',
  /** Comments, nested as elements. new-post-r-artificial-2026-with-comments: 15. */
  comment: 'shreddit-comment',
  /** A comment's own text (by id, so a parent never swallows its replies' text). */
  commentBody: (thingId: string) => `[id="${thingId}-comment-rtjson-content"]`,
  /** Search results: no shreddit-post there. new-search-ggal-es-mx-2025: 55. */
  searchPost: '[data-testid="search-sdui-post"]',
  searchTitleLink: 'a[data-testid="post-title"]',
  searchCounters: '[data-testid="search-counter-row"] faceplate-number[number]',
  searchTime: 'faceplate-timeago[ts]',
  /** Where new posts are appended while scrolling. */
  feed: 'shreddit-feed',
} as const;

// ── Old Reddit ─────────────────────────────────────────────────────────────────────────────────────────
export const OLD = {
  /** The listing container; its presence means old markup, whatever the host. */
  siteTable: '#siteTable',
  /**
   * A post "thing", on listings and comments pages. old-listing-r-python-2024: 30 (3 promoted);
   * old-listing-r-saas-new-2026: 25; old-comments-r-aww-2018: 1.
   */
  post: 'div.thing[data-fullname^="t3_"]:not(.search-result)',
  postTitle: 'a.title',
  postFlair: '.linkflairlabel',
  /** The visible score of a listing post; "•" without a `title` when Reddit hides it. */
  postScore: ':scope > .midcol .score.unvoted, :scope > .midcol .score',
  /** Self-text on a comments page. */
  postBody: ':scope > .entry .expando .usertext-body .md',
  postTime: ':scope > .entry .tagline time[datetime], :scope > .entry time[datetime]',
  /** old-comments-r-aww-2018: 197. */
  comment: 'div.thing.comment[data-fullname^="t1_"]',
  /** Comment scores live only in the tagline: `span.score.unvoted[title="690"]`. */
  commentScore: ':scope > .entry .tagline .score.unvoted',
  commentTime: ':scope > .entry .tagline time.live-timestamp, :scope > .entry .tagline time[datetime]',
  commentBody: ':scope > .entry .usertext-body .md',
  commentAuthor: ':scope > .entry .tagline a.author',
  /** old-search-2026-synthetic-text: 22. */
  searchPost: 'div.search-result.search-result-link[data-fullname^="t3_"]',
  searchTitle: 'a.search-title',
  searchScore: '.search-score',
  searchComments: 'a.search-comments',
  searchAuthor: '.search-author a.author',
  searchSubreddit: 'a.search-subreddit-link',
  searchTime: '.search-time time[datetime]',
} as const;
