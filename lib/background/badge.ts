/**
 * The toolbar badge: a tab's capture count (with unseen watch matches), and a grey "OFF" on every tab
 * while capture is paused.
 */
import { browser } from 'wxt/browser';
import { getSettings } from '../storage/settings';
import { unseenCount } from '../search/watch';
import { badgeFor, readWatchState, showWatchBadge } from './watches';

/** The tab's badge: how many posts this page captured, and the tooltip says so. */
export async function setBadge(tabId: number, count: number): Promise<void> {
  try {
    if (!(await getSettings()).captureEnabled) return;
    const b = badgeFor(count, unseenCount(await readWatchState()));
    await browser.action.setBadgeBackgroundColor({ tabId, color: b.color });
    await browser.action.setBadgeText({ tabId, text: b.text });
    await browser.action.setTitle({ tabId, title: b.title });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

export const PAUSED_BADGE = 'OFF';
/**
 * While capture is paused, the toolbar says so on every tab: a grey "OFF" badge and a tooltip that
 * says how to resume. Turned on again, the badge is cleared (tabs show their counts as they capture).
 */
export async function showCaptureState(): Promise<void> {
  const { captureEnabled } = await getSettings();
  // On: the badge shows unseen watch matches, if any (nothing otherwise; tabs show their counts).
  if (captureEnabled) return showWatchBadge();
  await browser.action.setBadgeBackgroundColor({ color: '#5f6368' });
  await browser.action.setBadgeText({ text: PAUSED_BADGE });
  await browser.action.setTitle({ title: 'Reddit Trend Radar: capture is paused (turn it on in the popup)' });
}

