/**
 * Reddit's URLs: the one place that builds or parses them.
 *   post page        https://www.reddit.com/r/LocalLLaMA/comments/1psbx2q/llamacpp_appreciation_post/
 *   short post link  https://www.reddit.com/comments/1psbx2q   (what the report writes)
 *   community        https://www.reddit.com/r/LocalLLaMA
 *   old layout       https://old.reddit.com/r/aww/comments/8dyrb3/ben/   (same paths, other host)
 *   short host       https://redd.it/1psbx2q
 */
import { bareId, commentIdFromBase36, postIdFromBase36 } from './ids';

export const REDDIT_ORIGIN = 'https://www.reddit.com';
/** Match patterns of every Reddit host, for the manifest and content scripts. */
export const REDDIT_MATCHES = ['*://*.reddit.com/*'];
export const REDDIT_JSON_MATCHES = ['*://*.reddit.com/*.json*'];

/** A post's path: `/r/<sub>/comments/<id>/…` or, for a profile post, `/user/<name>/comments/<id>/…`. */
export const PERMALINK = /^\/(r|user|u)\/[^/]+\/comments\/[0-9a-z]+\//i;
const COMMENTS_ID = /\/comments\/([0-9a-z]+)/i;

export function isRedditHost(hostname: string): boolean {
  return /(^|\.)reddit\.com$/i.test(hostname);
}

function parse(url: string | null | undefined, base?: string): URL | null {
  try {
    const u = new URL(url ?? '', base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/** An http(s) URL resolved against reddit.com, or null for anything else (javascript:, data:, junk). */
export function absoluteUrl(href: string | null | undefined, base = REDDIT_ORIGIN): string | null {
  if (!href) return null;
  return parse(href, base)?.href ?? null;
}

/**
 * `/r/Sub/comments/id/slug/` (or `/user/name/comments/…` for a post on a profile) from any Reddit URL
 * or path; null if it is not a post permalink.
 */
export function permalinkPath(href: string | null | undefined): string | null {
  const path = href ? parse(href, REDDIT_ORIGIN)?.pathname : null;
  return path && PERMALINK.test(path) ? path : null;
}

/** The report's link to a post: `https://www.reddit.com/comments/<id>`. */
export function postLink(id: string): string {
  return `${REDDIT_ORIGIN}/comments/${bareId(id)}`;
}

/**
 * A community's listing as JSON, as keeping communities fresh reads it (lib/refresh/): 100 posts,
 * `raw_json=1` (text as written, not HTML-escaped); `top` is the day's.
 */
export function listingJsonUrl(community: string, listing: 'hot' | 'new' | 'top'): string {
  return `${REDDIT_ORIGIN}/r/${encodeURIComponent(community)}/${listing}.json?raw_json=1&limit=100${listing === 'top' ? '&t=day' : ''}`;
}

/** A post's thread as JSON (the post, then up to 200 comments). */
export function threadJsonUrl(permalink: string): string {
  return `${REDDIT_ORIGIN}${permalink.replace(/\/?$/, '/')}.json?raw_json=1&limit=200`;
}

/** A community's page on reddit.com. */
export function communityUrl(name: string): string {
  return `${REDDIT_ORIGIN}/r/${name}`;
}

/** A stored permalink as a full URL (`https://www.reddit.com/r/…/comments/…`). */
export function permalinkUrl(permalink: string): string {
  return `${REDDIT_ORIGIN}${permalink}`;
}

/** The post on reddit.com; only ever a reddit.com URL, whatever the stored permalink says. */
export function postUrl(r: { id: string; permalink: string }): string {
  if (PERMALINK.test(r.permalink)) return new URL(r.permalink, REDDIT_ORIGIN).href;
  return postLink(r.id);
}

/** A comment on reddit.com: under its post's permalink (or `/comments/<post>/_/<comment>/`). */
export function commentUrl(post: { id: string; permalink: string }, commentId: string): string {
  const base = PERMALINK.test(post.permalink) ? new URL(post.permalink, REDDIT_ORIGIN).href : `${postLink(post.id)}/_/`;
  return `${base.endsWith('/') ? base : `${base}/`}${bareId(commentId)}/`;
}

/** The permalink of a post known only by id and community (the sample data). */
export function permalinkOf(community: string, id: string): string {
  return `/r/${community}/comments/${bareId(id)}/`;
}

/** `t1_…` of the comment a comment permalink names (`/r/<sub>/comments/<post>/<slug>/<comment>/`), or null. */
export function commentIdFromPermalink(permalink: string | null | undefined): string | null {
  const m = /^\/(?:r|user|u)\/[^/]+\/comments\/[0-9a-z]+\/[^/]*\/([0-9a-z]+)\/?(?:[?#].*)?$/i.exec(pathOf(absoluteUrl(permalink) ?? ''));
  return commentIdFromBase36(m?.[1]);
}

/** `t3_…` of the post a page URL names (`…/comments/<id>/…`), or null. */
export function postIdFromUrl(url: string): string | null {
  return postIdFromBase36(COMMENTS_ID.exec(parse(url)?.pathname ?? '')?.[1]);
}

/** True for a post page's path (`/r/<sub>/comments/<id>…`). */
export function isPostPath(path: string): boolean {
  return /^\/r\/[^/]+\/comments\/[0-9a-z]+/i.test(path);
}

/** The path of a URL, or '' when it does not parse. */
export function pathOf(url: string): string {
  return parse(url)?.pathname ?? '';
}

/** The post id a link points at, or null: /comments/<id> on reddit.com (any subdomain) or redd.it/<id>. */
export function postIdOfLink(url: string): string | null {
  const u = parse(url, REDDIT_ORIGIN);
  if (!u) return null;
  if (isRedditHost(u.hostname)) return postIdFromBase36(COMMENTS_ID.exec(u.pathname)?.[1]);
  if (/^redd\.it$/i.test(u.hostname)) return /^\/([0-9a-z]+)$/i.test(u.pathname) ? postIdFromBase36(u.pathname.slice(1)) : null;
  return null;
}
