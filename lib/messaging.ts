/**
 * The one typed message map between content scripts, pages and the background (STYLE.md rule 8).
 * Answers travel through `sendResponse` (+ `return true`), which every browser and WXT's fake browser
 * support. Payloads are validated by the receiver; types alone prove nothing at run time.
 */
import { browser, type Browser } from 'wxt/browser';
import type { CaptureAck, CaptureBatch } from './capture/schema';

export type { CaptureAck };
import type { SearchAnswer, SearchRequest } from './search/types';
import type { AskReply, AskRequest } from './ask/types';

export interface ProtocolMap {
  capture: { data: CaptureBatch; reply: CaptureAck };
  /** Asks the background to recover a post body with Readability on a page of unknown layout. */
  readabilityFallback: { data: { postId: string }; reply: { ok: boolean } };
  /** Full-text search over everything captured (lib/background/search.ts). */
  search: { data: SearchRequest; reply: SearchAnswer };
  /** Rebuilds the search index from the database (Options). */
  rebuildSearch: { data: Record<string, never>; reply: { ok: boolean; docs?: number; error?: string } };
  // Pages ask; the background writes (lib/background/store.ts). Each answers ok, or an error in words.
  loadSample: { data: Record<string, never>; reply: StoreReply<{ added: number }> };
  removeSample: { data: Record<string, never>; reply: StoreReply<{ removed: number }> };
  applyRetention: { data: Record<string, never>; reply: StoreReply<{ sightingsRemoved: number; postsRemoved: number }> };
  deleteEverything: { data: Record<string, never>; reply: StoreReply };
  /** One part of a backup (at most 2,000 posts with their history and comments): one transaction. */
  importPart: { data: unknown; reply: StoreReply<{ postsAdded: number; postsUpdated: number; sightingsAdded: number; commentsAdded: number; watchesRefused?: number; followsRefused?: number }> };
  backUpNow: { data: Record<string, never>; reply: StoreReply };
  keepAnalysis: { data: { date: string; settingsKey: string; saved: unknown }; reply: StoreReply };
  keepGeneration: { data: { key: string; modelId: string; kind: string; text: string }; reply: StoreReply };
  /** "Ask your history" (lib/background/ask.ts): the items that answer a question. */
  ask: { data: AskRequest; reply: AskReply };
  /** "Refresh now" (lib/background/refresh.ts): the run's size; its progress is in the refresh item. */
  refreshNow: { data: Record<string, never>; reply: StoreReply<{ jobs: number }> };
}

/** What every page request answers: ok with its figures, or what went wrong in a reader's words. */
export type StoreReply<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

export type MessageType = keyof ProtocolMap;

/** A page's request to the store: its answer, or an Error with the background's words. */
export async function ask<K extends MessageType>(type: K, data: ProtocolMap[K]['data']): Promise<Extract<ProtocolMap[K]['reply'], { ok: true }>> {
  const reply = await sendMessage(type, data);
  if (!reply.ok) throw new Error((reply as { error?: string }).error ?? `${type} failed`);
  return reply as Extract<ProtocolMap[K]['reply'], { ok: true }>;
}

/** Batches a tab keeps until acknowledged: lib/storage/keys.ts. */
export { PENDING_PREFIX, pendingKey } from './storage/keys';

/** What the background reports to pages through storage.local: a capture problem (low disk, full disk). */
export const CAPTURE_STATUS_KEY = 'capture-status' as const;
/** Capture health per page type (lib/capture/health.ts). */
export const HEALTH_KEY = 'capture-health' as const;
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
