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
export function checkWatches(
  db: RadarDB,
  postIds: readonly string[],
  commentIds: readonly string[],
  settings: Pick<Settings, 'watches' | 'follows' | 'quietFrom' | 'quietTo'>,
  now = Date.now(),
  /** A refresh run's list: digest watches' matches wait there for the run's one summary (notifyDigest). */
  held?: WatchHit[],
): Promise<WatchHit[]> {
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
    // Notifications: watches with alerts, and follows (the user asked to be told). A digest watch's
    // matches make one notification: for a refresh run at its end, for a page's batch at once.
    const quiet = quietNow(settings, now);
    const digest = new Set(settings.watches.filter((w) => w.alerts && w.digest).map((w) => w.id));
    const alerting = new Set(settings.watches.filter((w) => w.alerts && !w.digest).map((w) => w.id));
    const allowed = await notificationsAllowed();
    const budget = { left: MAX_NOTIFICATIONS, over: 0 };
    const watchOf = new Map(settings.watches.map((w) => [w.id, w]));
    for (const hit of all) {
      if (!allowed || !(alerting.has(hit.watchId) || hit.kind === 'follow') || !mayNotify(next, hit.watchId, now, quiet)) continue;
      next = { ...next, notified: { ...next.notified, [hit.watchId]: now } };
      if (budget.left <= 0) {
        budget.over++;
        continue;
      }
      budget.left--;
      const watch = watchOf.get(hit.watchId);
      await notify(`${NOTIFICATION_PREFIX}${hit.key}`, hit.kind === 'follow' ? `Followed post: ${hit.title}` : `Watch “${watch?.query ?? ''}”: r/${hit.community}`, hit.kind === 'comment' ? `In “${hit.title}”: ${hit.detail}` : hit.kind === 'follow' ? hit.detail : hit.title);
    }
    const digested = all.filter((h) => digest.has(h.watchId));
    if (held) held.push(...digested);
    else if (allowed && !quiet) next = await sendDigests(settings, digested, next, now, budget);
    await notifyOverflow(budget, now);
    await watchStateItem.setValue(next);
    await showWatchBadge(next);
    return all;
  });
  queue = run.catch(() => undefined);
  return run;
}

const quietNow = (settings: Pick<Settings, 'quietFrom' | 'quietTo'>, now: number) =>
  isQuiet(settings.quietFrom, settings.quietTo, new Date(now).getHours() * 60 + new Date(now).getMinutes());

/** One notification per digest watch for the matches of a refresh run (none in the quiet period). */
export async function notifyDigest(settings: Pick<Settings, 'watches' | 'quietFrom' | 'quietTo'>, hits: readonly WatchHit[], now = Date.now()): Promise<void> {
  if (!hits.length || quietNow(settings, now) || !(await notificationsAllowed())) return;
  const run = queue.then(async () => {
    const budget = { left: MAX_NOTIFICATIONS, over: 0 };
    await watchStateItem.setValue(await sendDigests(settings, hits, await readWatchState(), now, budget));
    await notifyOverflow(budget, now);
  });
  queue = run.catch(() => undefined);
  await run;
}

/**
 * At most this many notifications for one batch or one refresh run; the matches beyond them are told in
 * one more, which says how many (a backup of 1,000 alerting watches once sent 1,000 at once).
 */
export const MAX_NOTIFICATIONS = 3;
type Budget = { left: number; over: number };

async function sendDigests(settings: Pick<Settings, 'watches'>, hits: readonly WatchHit[], state: WatchState, now: number, budget: Budget): Promise<WatchState> {
  let next = state;
  const byWatch = new Map<string, WatchHit[]>();
  for (const h of hits) (byWatch.get(h.watchId) ?? byWatch.set(h.watchId, []).get(h.watchId)!).push(h);
  for (const watch of settings.watches) {
    const mine = byWatch.get(watch.id);
    if (!mine) continue;
    next = { ...next, notified: { ...next.notified, [watch.id]: now } };
    if (budget.left <= 0) {
      budget.over += mine.length;
      continue;
    }
    budget.left--;
    const titles = [...new Set(mine.map((h) => h.title))];
    const message = `${titles.slice(0, 3).map((t) => `• ${t}`).join('\n')}${titles.length > 3 ? `\n…and ${titles.length - 3} more (Watches in the popup)` : ''}`;
    await notify(`${NOTIFICATION_PREFIX}${mine[0]!.key}`, `Watch “${watch.query}”: ${mine.length} new match${mine.length === 1 ? '' : 'es'}`, message);
  }
  return next;
}

/** The matches beyond the notifications' bound, in one notification (it opens nothing: the popup lists them). */
async function notifyOverflow(budget: Budget, now: number): Promise<void> {
  if (budget.over) await notify(`${NOTIFICATION_PREFIX}more-${now}`, `${budget.over} more watch match${budget.over === 1 ? '' : 'es'}`, 'See them all in the popup’s Watches tab.');
}

/** Shows a notification; one that cannot be shown loses nothing (the match is listed and counted). */
async function notify(id: string, title: string, message: string): Promise<boolean> {
  try {
    await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    return true;
  } catch (e) {
    console.warn('[Reddit Trend Radar] notification:', e);
    return false;
  }
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
      // And its tooltip, which still counted the matches now seen.
      await browser.action.setTitle({ tabId: tab.id, title: b.title }).catch(() => undefined);
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
