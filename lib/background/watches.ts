/**
 * Watches in the background: each stored batch is matched against the user's watches and followed posts
 * (lib/search/watch.ts). Matches go to storage.local (the popup's Watches tab), the toolbar badge shows
 * how many are unseen, and a watch with alerts on shows a browser notification (the optional
 * `notifications` permission, asked when the first watch turns alerts on), at most one per watch per
 * 10 minutes and none in the quiet period.
 */
import { browser } from 'wxt/browser';
import type { RadarDB } from '../db/schema';
import { storedBatch } from '../db/posts';
import { updateSettings } from '../storage/settings';
import type { Settings } from '../settings/shape';
import { EMPTY_WATCH_STATE, isQuiet, matchFollows, matchWatches, mayNotify, unseenCount, withHits, type WatchHit, type WatchState } from '../search/watch';
import { postUrl } from '../reddit/urls';
import { watchStateItem } from '../storage/items';

export const WATCH_BADGE_COLOR = '#1a5fb4';
const NOTIFICATION_PREFIX = 'watch:';

export async function readWatchState(): Promise<WatchState> {
  return (await watchStateItem.getValue()) ?? EMPTY_WATCH_STATE;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Matches a stored batch (by ids: what the database now holds) with the settings the capture read;
 * resolves with the new hits.
 */
export function checkWatches(db: RadarDB, postIds: readonly string[], commentIds: readonly string[], settings: Pick<Settings, 'watches' | 'follows' | 'quietFrom' | 'quietTo'>, now = Date.now()): Promise<WatchHit[]> {
  const run = queue.then(async () => {
    if (!settings.watches.length && !settings.follows.length) return [];
    const { posts, comments, postOf } = await storedBatch(db, postIds, commentIds);
    const state = await readWatchState();
    const hits = matchWatches(settings.watches, posts, comments, (id) => postOf.get(id), new Set(state.matched), now);
    const followed = matchFollows(settings.follows, posts, now);
    if (followed.hits.length) await updateSettings({ follows: followed.follows });
    const all = [...hits, ...followed.hits];
    if (!all.length) return [];
    let next = withHits(state, all);
    // Notifications: watches with alerts, and follows (the user asked to be told).
    const minutes = new Date(now).getHours() * 60 + new Date(now).getMinutes();
    const quiet = isQuiet(settings.quietFrom, settings.quietTo, minutes);
    const alerting = new Set(settings.watches.filter((w) => w.alerts).map((w) => w.id));
    const allowed = await notificationsAllowed();
    for (const hit of all) {
      if (!allowed || !(alerting.has(hit.watchId) || hit.kind === 'follow') || !mayNotify(next, hit.watchId, now, quiet)) continue;
      const watch = settings.watches.find((w) => w.id === hit.watchId);
      // A notification that cannot be shown loses nothing: the match is listed and counted all the same.
      try {
        await browser.notifications.create(`${NOTIFICATION_PREFIX}${hit.key}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: hit.kind === 'follow' ? `Followed post: ${hit.title}` : `Watch “${watch?.query ?? ''}”: r/${hit.community}`,
          message: hit.kind === 'comment' ? `In “${hit.title}”: ${hit.detail}` : hit.kind === 'follow' ? hit.detail : hit.title,
        });
        next = { ...next, notified: { ...next.notified, [hit.watchId]: now } };
      } catch (e) {
        console.warn('[Reddit Trend Radar] notification:', e);
      }
    }
    await watchStateItem.setValue(next);
    await showWatchBadge(next);
    return all;
  });
  queue = run.catch(() => undefined);
  return run;
}

async function notificationsAllowed(): Promise<boolean> {
  try {
    return !!browser.notifications && (await browser.permissions.contains({ permissions: ['notifications'] }));
  } catch {
    return false;
  }
}

/** The toolbar badge for a tab: unseen watch matches first (blue), else the posts captured in it. */
export function badgeFor(captured: number, unseen: number): { text: string; color: string; title: string } {
  const posts = `${captured} post${captured === 1 ? '' : 's'} captured on this page`;
  if (unseen > 0)
    return { text: unseen > 99 ? '99+' : String(unseen), color: WATCH_BADGE_COLOR, title: `Reddit Trend Radar: ${unseen} new watch match${unseen === 1 ? '' : 'es'} (see Watches in the popup)${captured ? `; ${posts}` : ''}` };
  return { text: captured > 0 ? (captured > 999 ? '999+' : String(captured)) : '', color: '#d93a00', title: captured > 0 ? `Reddit Trend Radar: ${posts}` : 'Reddit Trend Radar' };
}

/** The badge on every tab while there are unseen matches (tabs' own capture counts come back after). */
export async function showWatchBadge(state?: WatchState): Promise<void> {
  const unseen = unseenCount(state ?? (await readWatchState()));
  const b = badgeFor(0, unseen);
  await browser.action.setBadgeBackgroundColor({ color: b.color });
  await browser.action.setBadgeText({ text: b.text });
  await browser.action.setTitle({ title: b.title });
  if (unseen) return;
  // Seen: tabs still showing a watch count (blue) are cleared; their next batch shows their own count.
  const blue = [1, 3, 5].map((i) => parseInt(WATCH_BADGE_COLOR.slice(i, i + 2), 16));
  for (const tab of await browser.tabs.query({}).catch(() => [])) {
    if (tab.id == null) continue;
    const color = await browser.action.getBadgeBackgroundColor({ tabId: tab.id }).catch(() => null);
    if (Array.isArray(color) && blue.every((c, i) => color[i] === c)) {
      await browser.action.setBadgeText({ tabId: tab.id, text: '' }).catch(() => undefined);
      await browser.action.setBadgeBackgroundColor({ tabId: tab.id, color: '#d93a00' }).catch(() => undefined);
    }
  }
}

/** A notification clicked: open its post. */
export function setUpWatchNotifications(): void {
  if (!browser.notifications?.onClicked) return;
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    void readWatchState().then((state) => {
      const hit = state.hits.find((h) => `${NOTIFICATION_PREFIX}${h.key}` === id);
      if (hit) void browser.tabs.create({ url: postUrl({ id: hit.postId, permalink: hit.permalink }) });
      void browser.notifications.clear(id);
    });
  });
}
