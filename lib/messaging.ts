/**
 * The one typed message map between content scripts, pages and the background (STYLE.md rule 8).
 * Answers travel through `sendResponse` (+ `return true`), which every browser and WXT's fake browser
 * support. Payloads are validated by the receiver; types alone prove nothing at run time.
 */
import { browser, type Browser } from 'wxt/browser';
import type { CaptureBatch } from './capture/schema';
import type { SearchAnswer, SearchRequest } from './search/types';

export interface CaptureAck {
  ok: boolean;
  /** Posts, comments written; records refused by validation. */
  stored: number;
  comments: number;
  rejected: number;
  /** Set when nothing was written: the sender keeps the batch and tries again later. */
  error?: string;
  /** Capture is switched off: the sender drops the batch and stops. */
  paused?: boolean;
}

export interface ProtocolMap {
  capture: { data: CaptureBatch; reply: CaptureAck };
  /** Asks the background to recover a post body with Readability on a page of unknown layout. */
  readabilityFallback: { data: { postId: string }; reply: { ok: boolean } };
  /** Full-text search over everything captured (lib/background/search.ts). */
  search: { data: SearchRequest; reply: SearchAnswer };
  /** Rebuilds the search index from the database (Options). */
  rebuildSearch: { data: Record<string, never>; reply: { ok: boolean; docs?: number; error?: string } };
}

export type MessageType = keyof ProtocolMap;

/**
 * A batch a content script has cut but not yet seen acknowledged is also kept in storage.local under
 * this prefix (content scripts may write there): a tab closed while the service worker sleeps loses its
 * message, but not the batch. The background drains these on start and shortly after one is written, and
 * removes each once stored; a batch stored twice changes nothing (the merge rules).
 */
export const PENDING_PREFIX = 'pending-batch:';

/** What the background reports to pages through storage.local: a capture problem (low disk, full disk). */
export const CAPTURE_STATUS_KEY = 'capture-status';
/**
 * Set (to the time) by a page after it changed the store in bulk (the sample, an import, retention,
 * deletion): the background re-ranks, so the stored latest report pages open on is current again.
 */
export const STORE_CHANGED_KEY = 'store-changed';
/** Capture health per page type (lib/capture/health.ts). */
export const HEALTH_KEY = 'capture-health';
export const pendingKey = (batchId: string) => `${PENDING_PREFIX}${batchId}`;
interface Envelope<K extends MessageType = MessageType> {
  rtr: K;
  data: ProtocolMap[K]['data'];
}

export async function sendMessage<K extends MessageType>(type: K, data: ProtocolMap[K]['data']): Promise<ProtocolMap[K]['reply']> {
  const reply = (await browser.runtime.sendMessage({ rtr: type, data } satisfies Envelope<K>)) as ProtocolMap[K]['reply'] | undefined;
  if (reply === undefined) throw new Error(`no answer to ${type}`);
  return reply;
}

type Handlers = {
  [K in MessageType]?: (data: unknown, sender: Browser.runtime.MessageSender) => Promise<ProtocolMap[K]['reply']>;
};

/** Registers the background's handlers. Unknown messages are left to other listeners. */
export function onMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const type = (message as Partial<Envelope> | null)?.rtr;
    const handler = typeof type === 'string' ? (handlers as Record<string, Handlers[MessageType]>)[type] : undefined;
    if (!handler) return false;
    handler((message as Envelope).data, sender).then(sendResponse, (err: unknown) =>
      sendResponse({ ok: false, stored: 0, comments: 0, rejected: 0, error: err instanceof Error ? err.message : String(err) }),
    );
    return true;
  });
}
