/**
 * Queues captured records and sends them in batches. A batch the background did not acknowledge (the
 * service worker was restarting, the database was busy) stays queued under the same id and is sent
 * again with a growing delay; the store's merge rules make a repeat harmless, so nothing is lost and
 * nothing is counted twice.
 */
import type { CaptureAck } from './schema';
import type { CaptureBatch } from './schema';
import type { CapturedComment, CapturedPost } from './types';
import type { PageReport } from './health';

export interface BatcherDeps {
  send: (batch: CaptureBatch) => Promise<CaptureAck>;
  /** Timers go through the content script's context so they die with it. */
  setTimeout: (fn: () => void, ms: number) => unknown;
  newId: () => string;
  onPaused?: () => void;
  /**
   * Keeps a batch somewhere that outlives the page (storage.local), until `forget`: a batch its first
   * send did not get acknowledged, and every batch still unacknowledged when the page goes (flush(true)).
   * Not every batch as it is cut: writing each to storage cost a page of 10,000 posts a second of its
   * main thread, for batches acknowledged within milliseconds.
   */
  persist?: (batch: CaptureBatch) => void;
  forget?: (batchId: string) => void;
}

export const BATCH_SIZE = 25;
export const FLUSH_DELAY_MS = 400;

export class Batcher {
  private posts = new Map<string, CapturedPost>();
  private comments = new Map<string, CapturedComment>();
  private bodies = new Map<string, string>();
  private page: PageReport | undefined;
  private unacked: CaptureBatch[] = [];
  private inFlight = new Set<string>();
  private timer = false;
  private failures = 0;
  private queuedIds = new Set<string>();
  stopped = false;

  constructor(private deps: BatcherDeps) {}

  add(posts: CapturedPost[], comments: CapturedComment[] = []): void {
    if (this.stopped) return;
    for (const p of posts) {
      this.posts.set(p.id, p);
      this.queuedIds.add(p.id);
    }
    for (const c of comments) this.comments.set(c.id, c);
    this.schedule(this.posts.size >= BATCH_SIZE ? 0 : FLUSH_DELAY_MS);
  }

  /** A full read of the page: goes with the next batch (or alone, when the page held nothing). */
  report(page: PageReport): void {
    this.page = page;
    this.schedule(FLUSH_DELAY_MS);
  }

  addBody(postId: string, body: string): void {
    this.bodies.set(postId, body);
    this.schedule(FLUSH_DELAY_MS);
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = true;
    this.deps.setTimeout(() => {
      this.timer = false;
      void this.flush();
    }, ms);
  }

  /**
   * Cuts queued records into batches and sends every unacknowledged batch not already on its way, all at
   * once: a batch never waits behind another, so a page closed right after a scroll loses nothing queued.
   * On pagehide (`going`), every batch not yet acknowledged is also kept for the background to store.
   */
  async flush(going = false): Promise<void> {
    if (this.stopped) return;
    this.cut();
    if (going) for (const b of this.unacked) this.deps.persist?.(b);
    await Promise.all(this.unacked.filter((b) => !this.inFlight.has(b.batchId)).map((b) => this.send(b)));
  }

  private async send(batch: CaptureBatch): Promise<void> {
    this.inFlight.add(batch.batchId);
    let ack: CaptureAck;
    try {
      ack = await this.deps.send(batch);
    } catch (e) {
      ack = { ok: false, stored: 0, comments: 0, rejected: 0, error: e instanceof Error ? e.message : String(e) };
    } finally {
      this.inFlight.delete(batch.batchId);
    }
    if (this.stopped) return;
    if (ack.paused) {
      this.stop();
      this.deps.onPaused?.();
      return;
    }
    if (!ack.ok) {
      // Not acknowledged (the worker was restarting, the database busy): keep it, try again later.
      this.deps.persist?.(batch);
      // 0.5 s, then twice as long each time, at most 30 s.
      this.schedule(Math.min(500 * 2 ** this.failures++, 30_000));
      return;
    }
    this.failures = 0;
    this.unacked = this.unacked.filter((b) => b.batchId !== batch.batchId);
    this.deps.forget?.(batch.batchId);
  }

  private cut(): void {
    while (this.posts.size || this.comments.size || this.bodies.size || this.page) {
      // A page read whole (10,000 posts on it) goes in batches ten times larger: fewer messages.
      const posts = [...this.posts.values()].slice(0, this.posts.size > 10 * BATCH_SIZE ? 10 * BATCH_SIZE : BATCH_SIZE);
      for (const p of posts) this.posts.delete(p.id);
      const comments = [...this.comments.values()].slice(0, 200);
      for (const c of comments) this.comments.delete(c.id);
      const bodies = [...this.bodies].map(([postId, body]) => ({ postId, body }));
      this.bodies.clear();
      const batch = { batchId: this.deps.newId(), tabTotal: this.queuedIds.size, posts, comments, bodies, page: this.page };
      this.page = undefined;
      this.unacked.push(batch);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const b of this.unacked) this.deps.forget?.(b.batchId);
    this.posts.clear();
    this.comments.clear();
    this.bodies.clear();
    this.unacked = [];
  }
}
