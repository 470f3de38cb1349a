/**
 * Every key this extension keeps in `browser.storage.local`, and the type of its value: the one list.
 * Only lib/storage/ reads and writes them (test/conventions.test.ts refuses raw storage calls elsewhere);
 * type imports only, so the content script's light access (light.ts) carries nothing of them.
 */
import type { Settings } from '../settings/shape';
import type { CaptureHealth } from '../capture/health';
import type { Browsed } from '../settings/browsed';
import type { SearchStatus } from '../search/types';
import type { WatchState } from '../search/watch';
import type { FeedBadges } from '../rank/badges';
import type { TrendRow } from '../rank/types';
import type { RefreshState } from '../refresh/plan';

/** What the background tells pages about capture: a problem (low disk, full disk) while it lasts. */
export interface CaptureStatus {
  state: 'storage-low' | 'storage-full';
  since: number;
  message: string;
}

/** Today's table as the background leaves it for the popup's first paint (first-paint.ts). */
export interface FirstPaint {
  version: number;
  settingsKey: string;
  computedAt: number;
  date: string;
  today: TrendRow[];
  /** Rows per table, for the tab counts. */
  counts: Record<'today' | 'rising' | 'weekly' | 'monthly' | 'communities', number>;
}

export interface Stored {
  /** The settings (versioned, lib/storage/settings.ts); a field may be missing (its default applies). */
  settings: Partial<Settings>;
  'capture-status': CaptureStatus;
  /** Capture health per page type (lib/capture/health.ts). */
  'capture-health': CaptureHealth;
  /** Communities browsed (Options suggests tracking them; lib/settings/browsed.ts). */
  'browsed-communities': Browsed;
  /** Today's table for the popup's first paint (first-paint.ts). */
  'first-paint': FirstPaint;
  /** The search index's progress (lib/background/search.ts). */
  'search-status': SearchStatus;
  /** Watch matches, seen and unseen (lib/search/watch.ts). */
  'watch-state': WatchState;
  /** Today's and rising posts, for the feed badges the content script draws. */
  'trend-badges': FeedBadges;
  /** Keeping communities fresh: each community's last success and problem, requests, the run under way. */
  'refresh-state': RefreshState;
  /** A question asked in the popup, for the side panel it opens to answer it (lib/ask/). */
  'ask-draft': { question: string; at: number };
}
export type StoredKey = keyof Stored;

/**
 * A batch a content script has cut but not yet seen acknowledged is also kept under this prefix (content
 * scripts may write there): a tab closed while the service worker sleeps loses its message, not the batch.
 */
export const PENDING_PREFIX = 'pending-batch:';
export const pendingKey = (batchId: string) => `${PENDING_PREFIX}${batchId}`;
