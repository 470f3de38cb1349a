/**
 * The background worker wires events to the module that owns each job; it does nothing itself.
 *   a batch arrives          → intake.ts (validate, store, acknowledge; watches, badge, health, index)
 *   a page's Readability ask → readability.ts
 *   search, rebuild          → search.ts; a question ("Ask your history") → ask.ts
 *   a page's change to the store (sample, import, retention, deletion, saved analyses) → store.ts
 *   alarms                   → schedule.ts (re-rank, retention, automatic backup), refresh.ts
 *   keeping communities fresh (the refresh alarm, "Refresh now") → refresh.ts
 *   settings, watch state    → schedule.ts (re-rank), badge.ts
 *   the sidebar              → sidebar.ts; first run → the welcome page
 */
import { browser } from 'wxt/browser';
import { onMessages } from '../messaging';
import { settingsItem } from '../storage/settings';
import { watchStateItem } from '../storage/items';
import { onPendingKept } from '../storage/light';
import { getDb } from '../db/schema';
import type { SearchRequest } from '../search/types';
import { drainPending, handleCapture, scheduleDrain } from './intake';
import { handleReadability } from './readability';
import { rebuildSearch, runSearch } from './search';
import { runAsk } from './ask';
import type { AskRequest } from '../ask/answer';
import * as store from './store';

const page = store.fromExtensionPage;
import { backupIfDue, BACKUP_ALARM, ensureAlarm, rerank, RERANK_ALARM, retention, RETENTION_ALARM, scheduleRerank } from './schedule';
import { showCaptureState } from './badge';
import { setUpSidebar } from './sidebar';
import { setUpWatchNotifications } from './watches';
import { followRefreshSetting, REFRESH_ALARM, refreshNow, refreshTick } from './refresh';
import { getSettings } from '../storage/settings';

export function startBackground(): void {
  onMessages({
    // Each handler takes only the senders it is for: the content scripts (a tab on Reddit) capture…
    capture: store.fromContentScript(handleCapture),
    readabilityFallback: store.fromContentScript(handleReadability),
    // …and the rest is for the extension's own pages only (store.ts fromExtensionPage).
    search: page((data) => runSearch(getDb(), data as SearchRequest)),
    rebuildSearch: page(() => rebuildSearch(getDb())),
    loadSample: page(() => store.addSample()),
    removeSample: page(() => store.dropSample()),
    applyRetention: page(() => store.runRetention()),
    deleteEverything: page(() => store.deleteAll()),
    importPart: page((data) => store.importPart(data)),
    backUpNow: page(() => store.backUpNow()),
    keepAnalysis: page((data) => store.keepAnalysis(data)),
    keepGeneration: page((data) => store.keepGeneration(data)),
    refreshNow: page(() => refreshNow()),
    ask: page((data) => runAsk(getDb(), data as AskRequest)),
  });
  // Windows move with time even without new captures: re-rank every 15 minutes.
  void ensureAlarm(RERANK_ALARM, { periodInMinutes: 15, delayInMinutes: 1 });
  void ensureAlarm(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 10 });
  void ensureAlarm(BACKUP_ALARM, { periodInMinutes: 6 * 60, delayInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RERANK_ALARM) void rerank();
    if (alarm.name === RETENTION_ALARM) void retention();
    if (alarm.name === BACKUP_ALARM) void backupIfDue().catch((e) => console.warn('[Reddit Trend Radar] automatic backup failed:', e));
    if (alarm.name === REFRESH_ALARM) void refreshTick().catch(warnRefresh);
  });
  // Keeping communities fresh: the alarm follows the switch; a run a stopped worker left is resumed.
  void getSettings().then(followRefreshSetting).then(() => refreshTick()).catch(warnRefresh);
  setUpSidebar();
  setUpWatchNotifications();
  settingsItem.watch((next, prev) => {
    scheduleRerank();
    if (!!next?.refreshEnabled !== !!prev?.refreshEnabled) void followRefreshSetting({ refreshEnabled: !!next?.refreshEnabled }).then(() => refreshTick()).catch(warnRefresh);
    void showCaptureState().catch(() => undefined);
  });
  // Watch matches seen (or cleared) in a page: the badge follows.
  watchStateItem.watch(() => void showCaptureState().catch(() => undefined));
  // A content script kept a batch: if its message does not come (the tab closed), store it from here.
  // (A storage change wakes a sleeping worker, as a message would.)
  onPendingKept(scheduleDrain);
  void showCaptureState().catch(() => undefined);
  // Batches kept while this worker was stopped.
  void drainPending().catch((e) => console.warn('[Reddit Trend Radar] pending batches:', e));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    scheduleRerank();
    // Once, on a fresh install (not on updates): what it does, that nothing leaves the browser, three steps.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
  });
}

const warnRefresh = (e: unknown) => console.warn('[Reddit Trend Radar] refresh:', e);
