/**
 * Community and user names. A community is stored as Reddit capitalizes it, without `r/`; posts made on
 * a user profile belong to the pseudo-community `u_<name>`, as Reddit's own API names it.
 */

/** A community name as Reddit allows it (and `u_<name>` for a profile): 2 to 32 letters, digits, `_`. */
export const COMMUNITY_NAME = /^[A-Za-z0-9_]{2,32}$/;
/** Reddit's own feeds, which sit under `/r/` but are not communities. */
export const PSEUDO_COMMUNITIES = ['all', 'popular', 'friends', 'mod'] as const;

export function isCommunityName(name: string): boolean {
  return COMMUNITY_NAME.test(name);
}

/**
 * Community name from "r/Name", "Name", or a profile "u/name" (stored as Reddit names it, `u_name`).
 * Profile posts are ordinary posts; ads are told by their own markers (shreddit-ad-post, promoted).
 */
export function communityName(prefixed: string | null | undefined): string {
  const s = (prefixed ?? '').trim();
  const m = /^\/?(r|u|user)\/([^/\s]+)\/?$/i.exec(s);
  if (!m) return s;
  return m[1]!.toLowerCase() === 'r' ? m[2]! : `u_${m[2]}`;
}

/** A community's key: the one way names are compared (Reddit's names ignore capitalization). */
export const communityKey = (name: string): string => name.toLowerCase();

/** Same community, whatever the capitalization. */
export function sameCommunity(a: string, b: string): boolean {
  return communityKey(a) === communityKey(b);
}

/**
 * A community as a person types or pastes it: "r/LocalLLaMA", "LocalLLaMA", "/r/LocalLLaMA/", or any
 * Reddit address under it ("https://old.reddit.com/r/LocalLLaMA/comments/…"). Null when it names none.
 */
export function communityFromInput(input: string): string | null {
  let text = input.trim();
  const url = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*reddit\.com(\/[^?#\s]*)/i.exec(text);
  if (url) text = url[1]!;
  const m = /^\/?r\/([^/\s?#]+)/i.exec(text) ?? /^([^/\s]+)$/.exec(text);
  const name = m?.[1] ?? '';
  return isCommunityName(name) && !(PSEUDO_COMMUNITIES as readonly string[]).includes(name.toLowerCase()) ? name : null;
}
