/**
 * Every Reddit selector and attribute name the extension uses, in one place. When Reddit changes its
 * markup, this is the file to look at (and test/capture/selectors.test.ts the test that says what broke).
 *
 * Each selector's `@fixtures` line names the pages it matches and how many elements it matches on each:
 * real pages in ../shared/fixtures/reddit/ by name, hand-made ones as test/fixtures/<name>. `@within X`:
 * the count is summed over the elements X matches (the selector is relative to one of them). The test
 * checks every count; conventions.test.ts checks that no other file holds a selector string.
 */

// ── New Reddit ("shreddit") ───────────────────────────────────────────────────────────────────────────
export const NEW = {
  /**
   * The app shell; `routename`/`pagetype` say what page this is.
   * @fixtures new-listing-r-machinelearning-2026: 1; new-login-interstitial-2026: 1; new-post-r-artificial-2026-with-comments: 1; new-post-r-denvernuggets-2024-lazy-comments: 1; new-search-ggal-es-mx-2025: 1; test/fixtures/new-feed: 1; test/fixtures/new-post: 1
   */
  app: 'shreddit-app',
  /**
   * A post in a feed or on its own page.
   * @fixtures new-listing-r-machinelearning-2026: 50; new-post-r-artificial-2026-with-comments: 1; new-post-r-denvernuggets-2024-lazy-comments: 1; test/fixtures/new-feed: 3; test/fixtures/new-post: 1
   */
  post: 'shreddit-post',
  /**
   * Ads are a separate element, never a shreddit-post.
   * @fixtures new-listing-r-machinelearning-2026: 5; test/fixtures/new-feed: 1
   */
  ad: 'shreddit-ad-post',
  /**
   * Title link in a feed / heading on a post page (fallback to the `post-title` attribute).
   * @fixtures new-listing-r-machinelearning-2026: 58; new-post-r-artificial-2026-with-comments: 1; new-post-r-denvernuggets-2024-lazy-comments: 1; test/fixtures/new-feed: 1; test/fixtures/new-post: 1
   */
  postTitle: '[slot="title"]',
  /**
   * Flair chip inside a post.
   * @fixtures new-listing-r-machinelearning-2026: 50; new-post-r-artificial-2026-with-comments: 1; new-post-r-denvernuggets-2024-lazy-comments: 1; test/fixtures/new-feed: 1
   */
  postFlair: 'shreddit-post-flair',
  /**
   * Full self-text on a post page: `div#t3_…-post-rtjson-content[property="schema:articleBody"]` (feeds show a preview, read only on post pages).
   * @fixtures new-listing-r-machinelearning-2026: 45; new-post-r-artificial-2026-with-comments: 1; new-post-r-denvernuggets-2024-lazy-comments: 1; test/fixtures/new-feed: 1; test/fixtures/new-post: 1
   */
  postBody: 'shreddit-post-text-body [property="schema:articleBody"], [slot="text-body"] [id$="-post-rtjson-content"]',
  /**
   * Comments, nested as elements.
   * @fixtures new-post-r-artificial-2026-with-comments: 15; test/fixtures/new-post: 3
   */
  comment: 'shreddit-comment',
  /**
   * A comment's own text (by id, so a parent never swallows its replies' text).
   */
  commentBody: (thingId: string) => `[id="${thingId}-comment-rtjson-content"]`,
  /**
   * Search results, in each variant Reddit serves: no shreddit-post there. The variants nest (a
   * search-sdui-post tracker wraps a search-post-unit and an sdui-post-unit), so a result is read from its
   * outermost element: 166 elements are the 55 results of new-search-ggal-es-mx-2025 (and one embed).
   * The tracker comes first: parsers/new-search.ts queries each variant on its own.
   * @fixtures new-search-ggal-es-mx-2025: 166; test/fixtures/new-search-variants: 3
   */
  searchPost: '[data-testid="search-sdui-post"], [data-testid="search-post-unit"], [data-testid="sdui-post-unit"]',
  /**
   * The original post a crossposted search result embeds: not a result of its own.
   * @fixtures new-search-ggal-es-mx-2025: 1
   */
  searchCrosspostEmbed: '[data-testid="search-crosspost-unit"]',
  /**
   * A search result's title link.
   * @fixtures new-search-ggal-es-mx-2025: 57
   */
  searchTitleLink: 'a[data-testid="post-title"]',
  /**
   * A search result's votes and comments, exact in `number`.
   * @fixtures new-search-ggal-es-mx-2025: 114
   */
  searchCounters: '[data-testid="search-counter-row"] faceplate-number[number]',
  /**
   * A time with its exact `ts` (search results; also elsewhere on other pages).
   * @fixtures new-listing-r-machinelearning-2026: 51; new-post-r-artificial-2026-with-comments: 41; new-post-r-denvernuggets-2024-lazy-comments: 1; new-search-ggal-es-mx-2025: 57
   */
  searchTime: 'faceplate-timeago[ts]',
  /**
   * A comment's own content slot (a reply's slot is nested deeper).
   * @fixtures new-post-r-artificial-2026-with-comments: 15; test/fixtures/new-post: 2
   */
  commentSlot: '[slot="comment"]',
  /**
   * The flair chip's label, "Flair: Discussion".
   * @fixtures new-listing-r-machinelearning-2026: 50; new-post-r-artificial-2026-with-comments: 1; test/fixtures/new-feed: 1
   */
  flairLabel: '[aria-label^="Flair:"]',
} as const;

// ── Old Reddit ─────────────────────────────────────────────────────────────────────────────────────────
export const OLD = {
  /**
   * The listing container; its presence means old markup, whatever the host.
   * @fixtures old-comments-r-aww-2018: 1; old-listing-r-python-2024: 1; old-listing-r-saas-new-2026-synthetic-text: 1; test/fixtures/old-comments: 1; test/fixtures/old-listing: 1
   */
  siteTable: '#siteTable',
  /**
   * The login wall old.reddit.com shows logged-out visitors instead of a listing (since mid-2026).
   * @fixtures test/fixtures/old-login-wall: 2
   */
  loginForm: 'form#login-form, #login_login-main',
  /**
   * Any post or comment "thing"; with siteTable or searchPost, it tells old markup.
   * @fixtures old-comments-r-aww-2018: 200; old-listing-r-python-2024: 30; old-listing-r-saas-new-2026-synthetic-text: 25; test/fixtures/old-comments: 3; test/fixtures/old-listing: 3
   */
  anyThing: 'div.thing[data-fullname]',
  /**
   * The comment area of a comments page.
   * @fixtures old-comments-r-aww-2018: 1; test/fixtures/old-comments: 1
   */
  commentArea: '.commentarea',
  /**
   * The post a comments page is about.
   * @fixtures old-comments-r-aww-2018: 1; test/fixtures/old-comments: 1
   */
  commentsPagePost: 'div.thing.link[data-context="comments"]',
  /**
   * The title line of a post, where a feed badge goes.
   * @fixtures old-comments-r-aww-2018: 1; old-listing-r-python-2024: 30; old-listing-r-saas-new-2026-synthetic-text: 25; test/fixtures/old-comments: 1; test/fixtures/old-listing: 3
   */
  titleLine: 'p.title',
  /**
   * The thing (or search result) an element belongs to.
   * @fixtures old-comments-r-aww-2018: 200; old-listing-r-python-2024: 30; old-listing-r-saas-new-2026-synthetic-text: 25; old-search-2026-synthetic-text: 25; test/fixtures/old-comments: 3; test/fixtures/old-listing: 3
   */
  ownThing: '.thing, .search-result',
  /**
   * The NSFW stamp of a post.
   * @fixtures none: no fixture page has an NSFW post (the flag is unit-tested on hand-built elements)
   */
  nsfwStamp: '.nsfw-stamp',
  /**
   * The spoiler stamp of a post.
   * @fixtures none: no fixture page has a spoiler post
   */
  spoilerStamp: '.spoiler-stamp',
  /**
   * A post "thing", on listings and comments pages (promoted ones included, told apart by `data-promoted`).
   * @fixtures old-comments-r-aww-2018: 1; old-listing-r-python-2024: 30; old-listing-r-saas-new-2026-synthetic-text: 25; test/fixtures/old-comments: 1; test/fixtures/old-listing: 3
   */
  post: 'div.thing[data-fullname^="t3_"]:not(.search-result)',
  /**
   * A post's title link.
   * @fixtures old-comments-r-aww-2018: 1; old-listing-r-python-2024: 30; old-listing-r-saas-new-2026-synthetic-text: 25; test/fixtures/old-comments: 1; test/fixtures/old-listing: 3
   */
  postTitle: 'a.title',
  /**
   * A post's flair.
   * @fixtures old-listing-r-python-2024: 27; old-search-2026-synthetic-text: 13; test/fixtures/old-listing: 1
   */
  postFlair: '.linkflairlabel',
  /**
   * The visible score of a listing post; "•" without a `title` when Reddit hides it.
   * @within OLD.post
   * @fixtures old-comments-r-aww-2018: 3; old-listing-r-python-2024: 90; old-listing-r-saas-new-2026-synthetic-text: 75; test/fixtures/old-listing: 2
   */
  postScore: ':scope > .midcol .score.unvoted, :scope > .midcol .score',
  /**
   * Self-text on a comments page.
   * @within OLD.post
   * @fixtures test/fixtures/old-comments: 1
   */
  postBody: ':scope > .entry .expando .usertext-body .md',
  /**
   * A post's time.
   * @within OLD.post
   * @fixtures old-comments-r-aww-2018: 1; old-listing-r-python-2024: 32; old-listing-r-saas-new-2026-synthetic-text: 28; test/fixtures/old-listing: 1
   */
  postTime: ':scope > .entry .tagline time[datetime], :scope > .entry time[datetime]',
  /**
   * A comment "thing", deleted ones too (they have no data-fullname; their id is in data-permalink).
   * @fixtures old-comments-r-aww-2018: 197; test/fixtures/old-comments: 2
   */
  comment: 'div.thing.comment',
  /**
   * Comment scores live only in the tagline: `span.score.unvoted[title="690"]`.
   * @within OLD.comment
   * @fixtures old-comments-r-aww-2018: 197; test/fixtures/old-comments: 2
   */
  commentScore: ':scope > .entry .tagline .score.unvoted',
  /**
   * A comment's time.
   * @within OLD.comment
   * @fixtures old-comments-r-aww-2018: 203; test/fixtures/old-comments: 2
   */
  commentTime: ':scope > .entry .tagline time.live-timestamp, :scope > .entry .tagline time[datetime]',
  /**
   * A comment's own text.
   * @within OLD.comment
   * @fixtures old-comments-r-aww-2018: 197; test/fixtures/old-comments: 2
   */
  commentBody: ':scope > .entry .usertext-body .md',
  /**
   * A comment's author link.
   * @within OLD.comment
   * @fixtures old-comments-r-aww-2018: 197; test/fixtures/old-comments: 1
   */
  commentAuthor: ':scope > .entry .tagline a.author',
  /**
   * A search result.
   * @fixtures old-search-2026-synthetic-text: 22
   */
  searchPost: 'div.search-result.search-result-link[data-fullname^="t3_"]',
  /**
   * A search result's title.
   * @fixtures old-search-2026-synthetic-text: 25
   */
  searchTitle: 'a.search-title',
  /**
   * A search result's points ("12 points"; missing on young posts).
   * @fixtures old-search-2026-synthetic-text: 8
   */
  searchScore: '.search-score',
  /**
   * A search result's comment link ("5 comments").
   * @fixtures old-search-2026-synthetic-text: 22
   */
  searchComments: 'a.search-comments',
  /**
   * A search result's author.
   * @fixtures old-search-2026-synthetic-text: 22
   */
  searchAuthor: '.search-author a.author',
  /**
   * A search result's community.
   * @fixtures old-search-2026-synthetic-text: 25
   */
  searchSubreddit: 'a.search-subreddit-link',
  /**
   * A search result's time.
   * @fixtures old-search-2026-synthetic-text: 22
   */
  searchTime: '.search-time time[datetime]',
} as const;

/** New Reddit's own post, comment and search elements: a page of posts even without its app shell. */
export const NEW_THINGS = `${NEW.post},${NEW.comment},${NEW.searchPost}`;

/** Any post element a feed, a post page or a search page shows, new or old (feed badges go on these). */
export const ANY_POST = `${NEW.post}, ${OLD.post}, ${OLD.searchPost}`;

// ── Any page ─────────────────────────────────────────────────────────────────────────────────────────
export const PAGE = {
  /**
   * A page's headings: an error page says what it is there; the Readability fallback checks the post's title there.
   * @fixtures new-listing-r-machinelearning-2026: 6; new-post-r-artificial-2026-with-comments: 4; new-post-r-denvernuggets-2024-lazy-comments: 1; old-comments-r-aww-2018: 3; old-listing-r-python-2024: 5; old-listing-r-saas-new-2026-synthetic-text: 4; old-search-2026-synthetic-text: 79; test/fixtures/error-at-post-url: 1; test/fixtures/new-post: 1; test/fixtures/old-login-wall: 1
   */
  heading: 'h1',
} as const;

// ── Reddit's JSON shown in a tab ────────────────────────────────────────────────────────────────────────
export const JSON_DOC = {
  /**
   * Browsers show a JSON document as text in a <pre>.
   * @fixtures none: JSON documents are served as JSON; the browser builds this <pre> (browser-tested in test/browser/capture.test.ts)
   */
  text: 'body > pre',
} as const;

// ── Our own marks in Reddit's pages ────────────────────────────────────────────────────────────────────
export const OURS = {
  badgeAttr: 'data-rtr-badge',
  badgeChild: ':scope > [data-rtr-badge]',
} as const;

/**
 * Every attribute the parsers read, new Reddit and old. A type only: it costs the content script
 * nothing; `attr()`, `intAttr()` and `flag()` (dom.ts) take nothing else, so a name the parsers read
 * that is not listed here does not compile, and conventions.test.ts checks the parsers' direct
 * `getAttribute('…')` calls against it.
 */
export type RedditAttr =
  // new Reddit: shreddit-app, shreddit-post, shreddit-comment, search results
  | 'routename' | 'pagetype' | 'id' | 'post-title' | 'permalink' | 'content-href' | 'subreddit-prefixed-name'
  | 'subreddit-name' | 'author' | 'score' | 'comment-count' | 'created-timestamp' | 'post-type' | 'domain'
  | 'nsfw' | 'spoiler' | 'stickied' | 'locked' | 'is-crosspost' | 'view-context' | 'promoted' | 'thingid'
  | 'postid' | 'parentid' | 'depth' | 'is-comment-deleted' | 'post-id' | 'created' | 'number' | 'ts'
  | 'data-faceplate-tracking-context' | 'aria-label' | 'href' | 'title' | 'datetime'
  // old Reddit: div.thing and its parts
  | 'data-fullname' | 'data-author' | 'data-subreddit' | 'data-url' | 'data-domain' | 'data-permalink'
  | 'data-timestamp' | 'data-score' | 'data-comments-count' | 'data-promoted' | 'data-nsfw' | 'data-spoiler'
  | 'data-crosspost-root-author' | 'data-context' | 'data-thingid' | 'is-comment-removed' | 'data-testid';
