/**
 * Capture that checks itself: Reddit changes its markup without notice, so each page type keeps a small
 * health record (pages seen, posts and comments found, elements that looked like posts but failed the
 * field rules), and a page type that suddenly yields nothing on pages that should have posts is flagged.
 * Pure: the background keeps the record in storage.local; pages show it. No page content, no user data:
 * only page types, counts and times.
 */

/**
 * What one full read of a page found (sent with the page's first batch). For the "<layout>-comments"
 * type, recorded by the background once a post page settled, `posts` is 1 when comments appeared.
 */
export interface PageReport {
  /** `<layout>-<kind>`: new-listing, old-post, new-search, unknown-none… */
  type: string;
  posts: number;
  comments: number;
  /** Elements that looked like posts or comments but could not be read. */
  skipped: number;
}

export interface PageTypeHealth {
  pages: number;
  posts: number;
  comments: number;
  skipped: number;
  /** Pages in a row (the latest ones) where nothing was found. */
  emptyStreak: number;
  /** When a page of this type last yielded posts. */
  lastSuccessAt: number | null;
  lastSeenAt: number;
}

export type CaptureHealth = Record<string, PageTypeHealth>;

/** Page types that should always show posts; "none" kinds (login walls, JSON, settings) never do. */
const EXPECTS_POSTS = /-(listing|search|post|comments)$/;
/** Pages in a row with nothing before a page type is flagged. */
export const BROKEN_AFTER = 5;

export const PAGE_TYPE_LABELS: Record<string, string> = {
  'new-listing': 'New Reddit feeds',
  'new-post': 'New Reddit post pages',
  'new-search': 'New Reddit search',
  'old-listing': 'Old Reddit listings',
  'old-post': 'Old Reddit comments pages',
  'old-search': 'Old Reddit search',
  'unknown-post': 'Post pages of unknown markup',
  // New Reddit's post elements without its app shell (a renamed shell): the page type was assumed.
  'shellless-listing': 'New Reddit feeds without the app shell (type assumed from the address)',
  'shellless-post': 'New Reddit post pages without the app shell (type assumed from the address)',
  'shellless-search': 'New Reddit search without the app shell (type assumed from the address)',
  // A post page with a comment count but no comment element once it settled ("posts" counts such pages).
  'new-comments': 'New Reddit comments',
  'old-comments': 'Old Reddit comments',
  // Keeping communities fresh (lib/background/refresh.ts): listings and followed threads it read.
  'refresh-listing': 'Refreshed listings',
  'refresh-thread': 'Refreshed followed posts',
};
export const pageTypeLabel = (type: string) => PAGE_TYPE_LABELS[type] ?? `Other Reddit pages (${type})`;

export function recordPage(health: CaptureHealth, report: PageReport, now: number): CaptureHealth {
  const prev = health[report.type] ?? { pages: 0, posts: 0, comments: 0, skipped: 0, emptyStreak: 0, lastSuccessAt: null, lastSeenAt: now };
  const found = report.posts > 0;
  return {
    ...health,
    [report.type]: {
      pages: prev.pages + 1,
      posts: prev.posts + report.posts,
      comments: prev.comments + report.comments,
      skipped: prev.skipped + report.skipped,
      emptyStreak: found ? 0 : prev.emptyStreak + 1,
      lastSuccessAt: found ? now : prev.lastSuccessAt,
      lastSeenAt: now,
    },
  };
}

export interface BrokenPageType {
  type: string;
  label: string;
  streak: number;
  message: string;
}

/** Page types that should have posts and yielded nothing on the last BROKEN_AFTER pages or more. */
export function brokenPageTypes(health: CaptureHealth | null | undefined): BrokenPageType[] {
  return Object.entries(health ?? {})
    .filter(([type, h]) => EXPECTS_POSTS.test(type) && type !== 'unknown-post' && h.emptyStreak >= BROKEN_AFTER)
    .map(([type, h]) => ({
      type,
      label: pageTypeLabel(type),
      streak: h.emptyStreak,
      message: `${pageTypeLabel(type)}: nothing captured on the last ${h.emptyStreak} pages: Reddit may have changed its pages.`,
    }));
}

/** A summary for a bug report: page types, counts and times only (no page content, no user data). */
export function diagnosticSummary(health: CaptureHealth, version: string, userAgent: string, now: number): string {
  const lines = [`Reddit Trend Radar ${version} capture health, ${new Date(now).toISOString()}`, `Browser: ${userAgent}`, ''];
  for (const [type, h] of Object.entries(health).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const last = h.lastSuccessAt == null ? 'never' : new Date(h.lastSuccessAt).toISOString();
    lines.push(`${type}: ${h.pages} pages, ${h.posts} posts, ${h.comments} comments, ${h.skipped} unreadable, ${h.emptyStreak} empty in a row, last success ${last}`);
  }
  const broken = brokenPageTypes(health);
  lines.push('', broken.length ? `Flagged: ${broken.map((b) => b.type).join(', ')}` : 'Flagged: none');
  return lines.join('\n');
}
