/**
 * What kind of Reddit page a tab shows, from its URL alone (the sidebar follows it):
 *   https://www.reddit.com/r/LocalLLaMA/ , /r/LocalLLaMA/new/        → community "LocalLLaMA"
 *   https://old.reddit.com/r/aww/comments/8dyrb3/ben/                 → post "t3_8dyrb3" in r/aww
 *   https://www.reddit.com/ , /r/all/, /r/popular/, /search?q=…, /user/x/ → other Reddit page
 *   anything else, or a tab whose URL the extension may not read      → off Reddit
 */
import { postIdFromBase36 } from './ids';
import { PSEUDO_COMMUNITIES } from './names';
import { isRedditHost } from './urls';

export type RedditRoute =
  | { kind: 'community'; name: string }
  | { kind: 'post'; id: string; community: string | null }
  | { kind: 'reddit' }
  | { kind: 'off' };

export function routeOf(url: string | undefined | null): RedditRoute {
  let u: URL;
  try {
    u = new URL(url ?? '');
  } catch {
    return { kind: 'off' };
  }
  if (!isRedditHost(u.hostname) || !/^https?:$/.test(u.protocol)) return { kind: 'off' };
  const post = /^\/(?:r\/([^/]+)\/)?(?:user\/[^/]+\/)?comments\/([0-9a-z]+)/i.exec(u.pathname);
  const id = postIdFromBase36(post?.[2]);
  if (post && id) return { kind: 'post', id, community: post[1] ?? null };
  const community = /^\/r\/([A-Za-z0-9_]{2,32})(\/|$)/.exec(u.pathname);
  if (community && !(PSEUDO_COMMUNITIES as readonly string[]).includes(community[1]!.toLowerCase())) return { kind: 'community', name: community[1]! };
  return { kind: 'reddit' };
}
