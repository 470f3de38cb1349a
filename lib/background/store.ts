/**
 * What pages ask of the database: the background is its only writer. Pages read with live queries and
 * send these requests (lib/messaging.ts) for every change; after a bulk change the popup's first paint
 * and the search index go and a re-rank follows, here, where the change was made.
 */
import { browser, type Browser } from 'wxt/browser';
import { isRedditHost } from '../reddit/urls';
import { getDb } from '../db/schema';
import { loadSample, removeSample } from '../db/sample';
import { deleteEverything, type RetentionResult } from '../db/retention';
import { autoBackup, opfsBackupStore, removeAutoBackups, type BackupStore } from '../db/auto-backup';
import { importBackup } from '../db/backup';
import { checkBackup, watchesFromBackup, type Backup, type ImportReport } from '../export/backup-format';
import { saveAnalysis, type SavedAnalysis } from '../db/generations';
import { browsedItem } from '../storage/items';
import { getSettings, updateSettings } from '../storage/settings';
import { MAX_FOLLOWS, MAX_WATCHES } from '../settings/shape';
import { dropFirstPaint } from './first-paint';
import { dropIndex } from './search';
import { retainAndBackUp, scheduleRerank } from './schedule';
import type { StoreReply } from '../messaging';

/**
 * Only the extension's own pages may ask: a message from a content script (a tab showing a web page) is
 * refused, so a compromised reddit.com renderer cannot delete, import or read the history.
 */
export function fromExtensionPage<T>(handler: (data: unknown) => Promise<T>) {
  return (data: unknown, sender: Browser.runtime.MessageSender): Promise<T | { ok: false; error: string }> => {
    const origin = browser.runtime.getURL('/').replace(/\/$/, '');
    const page = !sender.tab || (typeof sender.url === 'string' && (sender.url === origin || sender.url.startsWith(`${origin}/`)));
    return page ? handler(data) : Promise.resolve({ ok: false, error: 'not an extension page' });
  };
}

/**
 * Wraps a handler that only the content scripts may call (a batch, a Readability fallback): the sender is
 * a tab showing a Reddit page. An extension page, or any other tab, is refused: a page of another site
 * cannot reach this worker, and a message that does not come from Reddit's tab is no capture.
 */
export function fromContentScript<T, S extends Browser.runtime.MessageSender>(handler: (data: unknown, sender: S) => Promise<T>) {
  return (data: unknown, sender: S): Promise<T | { ok: false; stored: 0; comments: 0; rejected: 0; error: string }> => {
    let host = '';
    try {
      host = new URL(sender.url ?? sender.tab?.url ?? '').hostname;
    } catch {
      host = '';
    }
    return sender.tab && isRedditHost(host) ? handler(data, sender) : Promise.resolve({ ok: false, stored: 0, comments: 0, rejected: 0, error: 'not a Reddit page' });
  };
}

const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** After a bulk change: what was derived from the old store goes, and the report follows. */
async function changedInBulk(): Promise<void> {
  await dropFirstPaint();
  dropIndex();
  scheduleRerank();
}

async function answer<T extends object>(work: () => Promise<T>): Promise<StoreReply<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export const addSample = () =>
  answer(async () => {
    const added = await loadSample(getDb(), Date.now());
    await changedInBulk();
    return { added };
  });

export const dropSample = () =>
  answer(async () => {
    const removed = await removeSample(getDb());
    await changedInBulk();
    return { removed };
  });

export const runRetention = () =>
  answer<RetentionResult>(async () => {
    const result = await retainAndBackUp();
    await changedInBulk();
    return result;
  });

/** Every capture, the automatic backups and the browsed communities: what the user asked for is gone, everywhere. */
export const deleteAll = (store: BackupStore = opfsBackupStore()) =>
  answer(async () => {
    await deleteEverything(getDb());
    await removeAutoBackups(store).catch(() => undefined);
    await browsedItem.removeValue();
    await changedInBulk();
    return {};
  });

/**
 * A backup's watches and followed posts join the user's (one per id, one per post: the user's stay), up
 * to MAX_WATCHES and MAX_FOLLOWS in all; how many did not fit is reported.
 */
async function mergeWatches(backup: Pick<Backup, 'watches' | 'follows'>): Promise<{ watchesRefused: number; followsRefused: number }> {
  const from = watchesFromBackup(backup);
  const s = await getSettings();
  const newWatches = from.watches.filter((w) => !s.watches.some((x) => x.id === w.id));
  const newFollows = from.follows.filter((f) => !s.follows.some((x) => x.postId === f.postId));
  const watches = [...s.watches, ...newWatches].slice(0, Math.max(MAX_WATCHES, s.watches.length));
  const follows = [...s.follows, ...newFollows].slice(0, Math.max(MAX_FOLLOWS, s.follows.length));
  if (watches.length !== s.watches.length || follows.length !== s.follows.length) await updateSettings({ watches, follows });
  return { watchesRefused: s.watches.length + newWatches.length - watches.length, followsRefused: s.follows.length + newFollows.length - follows.length };
}

/**
 * One part of a backup (lib/export/backup-format.ts backupParts): checked again with capture's field rules, merged
 * in one transaction. A part that fails changes nothing; sending it again completes the import.
 */
export const importPart = (data: unknown) =>
  answer<ImportReport>(async () => {
    const part = checkBackup(data);
    const report = await importBackup(getDb(), part);
    const { watchesRefused, followsRefused } = await mergeWatches(part);
    await changedInBulk();
    return { ...report, ...(watchesRefused ? { watchesRefused } : {}), ...(followsRefused ? { followsRefused } : {}) };
  });

/** Makes an automatic backup now, whatever the week. */
export const backUpNow = (store: BackupStore = opfsBackupStore()) =>
  answer(async () => {
    const { watches, follows } = await getSettings();
    if (!(await autoBackup(getDb(), store, Date.now(), true, { watches, follows }))) throw new Error('nothing is captured yet');
    return {};
  });

/** The analysis of a report day, kept so the popup can show and export it without the model. */
export const keepAnalysis = (data: unknown) =>
  answer(async () => {
    const d = data as { date?: unknown; settingsKey?: unknown; saved?: SavedAnalysis } | null;
    if (!text(d?.date, 10) || !text(d?.settingsKey, 2_000) || typeof d?.saved?.at !== 'number' || typeof d.saved.analysis !== 'object')
      throw new Error('not an analysis');
    await saveAnalysis(getDb(), d.date, d.settingsKey, d.saved);
    return {};
  });

/** Text a model or Readability wrote: a cached generation, or a linked article. */
export const keepGeneration = (data: unknown) =>
  answer(async () => {
    const d = data as { key?: unknown; modelId?: unknown; kind?: unknown; text?: unknown } | null;
    if (!text(d?.key, 4_000) || !text(d?.modelId, 200) || !text(d?.kind, 100) || !text(d?.text, 2_000_000)) throw new Error('not a generation');
    await getDb().generations.put({ key: d.key, modelId: d.modelId, kind: d.kind, text: d.text, createdAt: Date.now() });
    return {};
  });
