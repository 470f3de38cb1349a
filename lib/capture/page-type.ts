/**
 * What page is this? Decided from the URL and the app shell, never from the hostname alone: logged-in
 * users with the old-design preference get old markup on www.reddit.com.
 *
 *   https://www.reddit.com/r/MachineLearning/         <shreddit-app routename="subreddit" pagetype="community">  → new listing
 *   https://www.reddit.com/ , /r/popular/, /r/all/, /user/x/, /user/x/m/feed/  (frontpage, popular, profile_…, custom_feed)  → new listing
 *   https://www.reddit.com/r/artificial/comments/1un6v9c/…  routename="post_page" pagetype="post_detail"  → new post
 *   https://www.reddit.com/search/?q=%24GGAL                 routename="global_serp" pagetype="search_results" → new search
 *   https://www.reddit.com/login/                            routename="login-standalone" pagetype="login"  → none
 *   https://old.reddit.com/r/Python/                         #siteTable > div.thing.link                     → old listing
 *   https://old.reddit.com/r/aww/comments/8dyrb3/…           .commentarea                                    → old post
 *   https://old.reddit.com/search?q=crm                      div.search-result-link                          → old search
 *   https://www.reddit.com/r/x/hot.json                      a JSON document                                 → json
 *   a bot stub, an error page, "blocked by network security" → none
 *   <shreddit-post> without <shreddit-app> (a renamed shell)   → new, kind from the URL, "assumed" 
 */
import { NEW, NEW_THINGS, OLD } from './selectors';
import type { Layout } from './types';
import { isPostPath, pathOf, postIdFromUrl } from '../reddit/urls';

export type PageKind = 'listing' | 'post' | 'search' | 'none';
export interface PageType {
  layout: Layout;
  kind: PageKind;
  /** Why nothing is captured, for kind "none". */
  reason?: string;
  /** New Reddit's post elements without its app shell: the kind was read from the address (capture health says so). */
  assumed?: true;
}

/** A page type (a reason only where nothing is captured). */
const typed = (layout: Layout, kind: PageKind, reason?: string): PageType => (reason ? { layout, kind, reason } : { layout, kind });

const NO_POSTS_PAGETYPES = new Set(['login', 'signup', 'error', 'not_found', 'settings', 'inbox', 'chat', 'submit']);

export function detectPage(doc: Document, url: string): PageType {
  const path = pathOf(url);
  // JSON documents are read by their own content script (lib/content/json.ts).
  if (/json/.test(doc.contentType ?? '') || path.endsWith('.json')) return typed('json', 'none', 'JSON');

  const app = doc.querySelector(NEW.app);
  // No app shell, or a renamed one (Reddit renames shells more often than post elements): new Reddit's
  // own post elements still make a page of posts, its kind read from the address ("assumed").
  if (app || doc.querySelector(NEW_THINGS)) {
    // Without a shell, the address's first part stands for its route ("/login/": login).
    const route = (app ? (app.getAttribute('routename') ?? '') : path.split('/')[1]!).toLowerCase();
    const pagetype = (app?.getAttribute('pagetype') ?? '').toLowerCase();
    const type =
      NO_POSTS_PAGETYPES.has(pagetype) || /login|signup|register/.test(route)
        ? typed('new', 'none', `Reddit ${pagetype || route} page`)
        : typed('new', /post_detail|comments_page|post_page/.test(`${pagetype} ${route}`) || postIdFromUrl(url) ? 'post' : /search/.test(`${pagetype} ${route}`) || doc.querySelector(NEW.searchPost) ? 'search' : 'listing');
    if (!app && !type.reason) type.assumed = true;
    return type;
  }

  if (doc.querySelector(OLD.siteTable) || doc.querySelector(OLD.anyThing) || doc.querySelector(OLD.searchPost)) {
    if (doc.querySelector(OLD.commentArea) || doc.querySelector(OLD.commentsPagePost))
      return typed('old', 'post');
    return typed('old', doc.querySelector(OLD.searchPost) ? 'search' : 'listing');
  }

  // old.reddit.com's login wall (no posts, whatever the URL). Error, rate-limit and bot-check pages at a
  // post's URL are told apart by the Readability fallback (lib/capture/blocked.ts), outside this script.
  if (doc.querySelector(OLD.loginForm)) return typed('unknown', 'none', 'Reddit login page');
  // A page of unknown markup that is still a post page: the body may be recovered with Readability.
  return isPostPath(path) ? typed('unknown', 'post') : typed('unknown', 'none', 'no Reddit posts on this page');
}

