import { describe, expect, test } from 'vitest';
import { Batcher, BATCH_SIZE } from '@/lib/capture/batcher';
import type { CaptureBatch } from '@/lib/capture/schema';
import type { CaptureAck } from '@/lib/messaging';
import { capturedPost } from '../support/records';

/** A batcher with a manual clock: timers run only when the test says so. */
function harness(answer: (batch: CaptureBatch, attempt: number) => CaptureAck | Error) {
  const timers: { fn: () => void; ms: number }[] = [];
  const sent: CaptureBatch[] = [];
  let ids = 0;
  let attempts = 0;
  const b = new Batcher({
    send: async (batch) => {
      sent.push(structuredClone(batch));
      const a = answer(batch, attempts++);
      if (a instanceof Error) throw a;
      return a;
    },
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    newId: () => `batch-${String(++ids).padStart(4, '0')}`,
  });
  const tick = async () => {
    const due = timers.splice(0);
    for (const t of due) t.fn();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { b, sent, timers, tick };
}
const ok: CaptureAck = { ok: true, stored: 1, comments: 0, rejected: 0 };

/** Records queued or sent but not acknowledged (read from the batcher's private state). */
function pendingOf(b: Batcher): number {
  const x = b as unknown as { posts: Map<string, unknown>; comments: Map<string, unknown>; unacked: { posts: unknown[]; comments: unknown[] }[] };
  return x.posts.size + x.comments.size + x.unacked.reduce((n, u) => n + u.posts.length + u.comments.length, 0);
}

describe('Batcher', () => {
  test('batches of 25 go at once, the rest after a short delay', async () => {
    const h = harness(() => ok);
    h.b.add(Array.from({ length: BATCH_SIZE + 3 }, () => capturedPost()));
    expect(h.timers[0]!.ms).toBe(0);
    await h.tick();
    expect(h.sent.map((s) => s.posts.length)).toEqual([25, 3]);
    expect(h.sent.map((s) => s.tabTotal)).toEqual([28, 28]);
    expect(new Set(h.sent.flatMap((s) => (s.posts as { id: string }[]).map((p) => p.id))).size).toBe(28);
    expect(pendingOf(h.b)).toBe(0);
  });

  test('an unacknowledged batch is sent again with the same id and content, then nothing is left', async () => {
    const h = harness((_, attempt) => (attempt < 2 ? new Error('Could not establish connection. Receiving end does not exist.') : ok));
    h.b.add([capturedPost({ id: 't3_one' })]);
    await h.tick();
    expect(h.sent).toHaveLength(1);
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
    await h.tick();
    expect(h.timers.map((t) => t.ms)).toEqual([1000]);
    expect(pendingOf(h.b)).toBe(1);
    await h.tick();
    expect(h.sent.map((s) => s.batchId)).toEqual(['batch-0001', 'batch-0001', 'batch-0001']);
    expect(h.sent[2]).toEqual(h.sent[0]);
    expect(pendingOf(h.b)).toBe(0);
    expect(h.timers).toHaveLength(0);
  });

  test('a refusal with an error is retried; records added meanwhile follow in their own batch', async () => {
    const h = harness((_, attempt) => (attempt === 0 ? { ok: false, stored: 0, comments: 0, rejected: 0, error: 'QuotaExceededError' } : ok));
    h.b.add([capturedPost({ id: 't3_a' })]);
    await h.tick();
    h.b.add([capturedPost({ id: 't3_b' })]);
    await h.tick();
    expect(h.sent.map((s) => [s.batchId, s.posts.map((p) => (p as { id: string }).id)])).toEqual([
      ['batch-0001', ['t3_a']],
      ['batch-0001', ['t3_a']],
      ['batch-0002', ['t3_b']],
    ]);
  });

  test('capture switched off: the batcher drops its queue and stops', async () => {
    const h = harness(() => ({ ok: true, stored: 0, comments: 0, rejected: 0, paused: true }));
    h.b.add([capturedPost(), capturedPost()]);
    await h.tick();
    expect(h.b.stopped).toBe(true);
    expect(pendingOf(h.b)).toBe(0);
    h.b.add([capturedPost()]);
    expect(h.timers).toHaveLength(0);
  });
});

test('a batch never waits behind another in flight: closing the page right after a scroll loses nothing queued', async () => {
  const sent: string[] = [];
  const pending: (() => void)[] = [];
  const b = new Batcher({
    send: (batch) => new Promise((resolve) => {
      sent.push(batch.batchId);
      pending.push(() => resolve({ ok: true, stored: batch.posts.length, comments: 0, rejected: 0 }));
    }),
    setTimeout: () => 0,
    newId: (() => { let i = 0; return () => `batch-${String(++i).padStart(4, '0')}`; })(),
  });
  b.add(Array.from({ length: 30 }, () => capturedPost()));
  void b.flush();
  // Nothing acknowledged yet, and both batches are already on their way.
  expect(sent).toEqual(['batch-0001', 'batch-0002']);
  b.add([capturedPost()]);
  void b.flush(); // what pagehide does
  expect(sent).toEqual(['batch-0001', 'batch-0002', 'batch-0003']);
  pending.forEach((r) => r());
  await new Promise((r) => setTimeout(r, 0));
  expect(pendingOf(b)).toBe(0);
});

test('every cut batch is kept until acknowledged, and forgotten when acknowledged or stopped', async () => {
  const kept = new Map<string, unknown>();
  let ok = false;
  const b = new Batcher({
    send: async () => (ok ? { ok: true, stored: 1, comments: 0, rejected: 0 } : { ok: false, stored: 0, comments: 0, rejected: 0, error: 'worker asleep' }),
    setTimeout: () => undefined,
    newId: (() => {
      let i = 0;
      return () => `id-${++i}`;
    })(),
    persist: (batch) => kept.set(batch.batchId, batch),
    forget: (id) => kept.delete(id),
  });
  b.add([capturedPost({ id: 't3_k1' })]);
  await b.flush();
  // Not acknowledged (the tab could close now): the batch is kept.
  expect([...kept.keys()]).toEqual(['id-1']);
  ok = true;
  await b.flush();
  expect(kept.size).toBe(0);
  ok = false;
  b.add([capturedPost({ id: 't3_k2' })]);
  await b.flush();
  expect(kept.size).toBe(1);
  b.stop();
  expect(kept.size).toBe(0);
});

test('a batch acknowledged at once is never written to storage; a refused one is, and every unacknowledged one at pagehide (issue 22, item 6)', async () => {
  const kept: string[] = [];
  let answer: 'ok' | 'refuse' | 'hang' = 'ok';
  const b = new Batcher({
    send: () =>
      answer === 'hang' ? new Promise<never>(() => undefined) : Promise.resolve(answer === 'ok' ? { ok: true, stored: 1, comments: 0, rejected: 0 } : { ok: false, stored: 0, comments: 0, rejected: 0, error: 'busy' }),
    setTimeout: () => undefined,
    newId: (() => {
      let i = 0;
      return () => `id-${++i}`;
    })(),
    persist: (batch) => kept.push(batch.batchId),
    forget: () => undefined,
  });
  b.add(Array.from({ length: 300 }, () => capturedPost()));
  await b.flush();
  // 300 queued: one batch of 250, then two of 25, all acknowledged, none written.
  expect(kept).toEqual([]);
  answer = 'refuse';
  b.add([capturedPost()]);
  await b.flush();
  expect(kept).toEqual(['id-4']);
  answer = 'hang';
  b.add([capturedPost()]);
  void b.flush(true); // pagehide: sent, and kept at once with the one still unacknowledged
  expect(kept).toEqual(['id-4', 'id-4', 'id-5']);
});
