/**
 * The content script's wiring: a PageWatcher reads the page, a Batcher delivers the records.
 * Every listener and timer goes through WXT's ctx, so an updated or removed extension leaves nothing
 * behind (STYLE.md rule 17).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging';
import { browser } from 'wxt/browser';
import { BADGES_KEY } from '../rank/badges';
import { onLocalChange } from '../storage/light';
import { onlyBadges, syncBadges } from './badges-dom';
import { captures, captureSettings, excludedSet, onSettingsChange } from './settings';
import { captureBatcher } from './send';
import { guardScriptStarted } from './guard';
import { OBSERVE_OPTIONS, PageWatcher } from '../capture/observe';

export async function startCapture(ctx: ContentScriptContext): Promise<void> {
  guardScriptStarted(ctx);
  const incognito = browser.extension?.inIncognitoContext === true;
  const stored = await captureSettings(BADGES_KEY);
  let settings = stored.settings;
  if (!captures(settings, incognito)) return;
  let excluded = excludedSet(settings);

  const batcher = captureBatcher(ctx, () => observer.disconnect());
  const watcher = new PageWatcher({
    doc: document,
    url: () => location.href,
    now: () => Date.now(),
    // The watcher emits only records that pass the field rules (the background checks them again).
    onRecords: (posts, comments) => batcher.add(posts.filter((x) => !excluded.has(x.subreddit.toLowerCase())), comments),
    onPage: (page) => batcher.report(page),
    onUnknownPostPage: (postId) => void sendMessage('readabilityFallback', { postId }).catch(() => undefined),
  });

  // Feed badges: the background publishes the trending ids; redrawn after changes, at most twice a second.
  let badges = stored.also[BADGES_KEY];
  let badgeTimer = false;
  const drawBadges = () => {
    if (badgeTimer) return;
    badgeTimer = true;
    ctx.setTimeout(() => {
      badgeTimer = false;
      syncBadges(document, badges, settings.feedBadges !== false);
    }, 500);
  };
  const stopBadges = onLocalChange(BADGES_KEY, (next) => {
    badges = next;
    drawBadges();
  });
  ctx.onInvalidated(stopBadges);

  const observer = new MutationObserver((records) => {
    if (onlyBadges(records)) return;
    drawBadges();
    try {
      watcher.handleMutations(records);
    } catch {
      // A page we cannot read must never break Reddit: count it and go on.
      watcher.totals.skipped++;
    }
  });
  observer.observe(document.documentElement, OBSERVE_OPTIONS);
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.navigated());
  // Capture switched off from the popup: stop at once, keep nothing queued.
  const unwatch = onSettingsChange((next) => {
    settings = next;
    excluded = excludedSet(next);
    drawBadges();
    if (!captures(next, incognito)) {
      observer.disconnect();
      batcher.stop();
      unwatch();
    }
  });
  ctx.onInvalidated(unwatch);

  drawBadges();
  try {
    watcher.scan();
  } catch {
    watcher.totals.skipped++;
  }
}
