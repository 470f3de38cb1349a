/**
 * What the sidebar shows for a tab, from its URL:
 *   https://www.reddit.com/r/LocalLLaMA/ , /r/LocalLLaMA/new/        → community "LocalLLaMA"
 *   https://old.reddit.com/r/aww/comments/8dyrb3/ben/                 → post "t3_8dyrb3" in r/aww
 *   https://www.reddit.com/ , /r/all/, /r/popular/, /search?q=…, /user/x/ → other Reddit page
 *   anything else, or a tab whose URL the extension may not read      → off Reddit
 */
export type SidebarRoute =
  | { kind: 'community'; name: string }
  | { kind: 'post'; id: string; community: string | null }
  | { kind: 'reddit' }
  | { kind: 'off' };

export function sidebarRoute(url: string | undefined | null): SidebarRoute {
  let u: URL;
  try {
    u = new URL(url ?? '');
  } catch {
    return { kind: 'off' };
  }
  if (!/(^|\.)reddit\.com$/i.test(u.hostname) || !/^https?:$/.test(u.protocol)) return { kind: 'off' };
  const post = /^\/(?:r\/([^/]+)\/)?(?:user\/[^/]+\/)?comments\/([0-9a-z]+)/i.exec(u.pathname);
  if (post) return { kind: 'post', id: `t3_${post[2]!.toLowerCase()}`, community: post[1] ?? null };
  const community = /^\/r\/([A-Za-z0-9_]{2,32})(\/|$)/.exec(u.pathname);
  if (community && !['all', 'popular', 'friends', 'mod'].includes(community[1]!.toLowerCase())) return { kind: 'community', name: community[1]! };
  return { kind: 'reddit' };
}
