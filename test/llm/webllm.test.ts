/**
 * The page side of the WebLLM adapter, against a fake worker that answers the protocol as
 * lib/llm/webllm-worker.ts does: no GPU, no weights, no web-llm.
 */
import { expect, test } from 'vitest';
import { classifyFailure } from '@/lib/llm/engine';
import { modelChoice } from '@/lib/llm/models';
import { WebLLMEngine, type WorkerLike } from '@/lib/llm/webllm';
import type { WorkerEvent, WorkerRequest } from '@/lib/llm/worker-protocol';

/** A worker whose answers a test scripts: `reply(req)` returns the events for one request. */
function fakeWorker(reply: (req: WorkerRequest) => WorkerEvent[]) {
  const seen: WorkerRequest[] = [];
  let listener: ((e: MessageEvent<WorkerEvent>) => void) | null = null;
  const worker: WorkerLike & { seen: WorkerRequest[]; terminated: boolean } = {
    seen,
    terminated: false,
    postMessage(req) {
      seen.push(req);
      queueMicrotask(() => reply(req).forEach((e) => listener?.({ data: e } as MessageEvent<WorkerEvent>)));
    },
    addEventListener(_type, l) {
      listener = l;
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

const choice = modelChoice('Qwen2.5-1.5B-Instruct', true);

test('load reports progress; generate streams tokens and returns the text and usage', async () => {
  const worker = fakeWorker((req) => {
    if (req.type === 'load') return [{ id: req.id, type: 'progress', progress: 0.5, text: 'half' }, { id: req.id, type: 'done' }];
    if (req.type === 'generate')
      return [
        { id: req.id, type: 'token', text: 'Hello' },
        { id: req.id, type: 'token', text: ' world' },
        { id: req.id, type: 'done', value: { promptTokens: 12, completionTokens: 2, decodeTokensPerSecond: 40 } },
      ];
    return [{ id: req.id, type: 'done' }];
  });
  const engine = new WebLLMEngine(choice, () => worker);
  const progress: number[] = [];
  await engine.load((p) => progress.push(p.progress));
  expect(progress).toEqual([0.5]);
  expect(worker.seen[0]).toEqual({ id: 1, type: 'load', modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', mirror: '' });
  const tokens: string[] = [];
  const out = await engine.generate([{ role: 'user', content: 'hi' }], { maxTokens: 10, onToken: (t) => tokens.push(t) });
  expect(tokens).toEqual(['Hello', ' world']);
  expect(out).toEqual({ text: 'Hello world', usage: { promptTokens: 12, completionTokens: 2, decodeTokensPerSecond: 40 } });
  expect(worker.seen[1]).toEqual({ id: 2, type: 'generate', messages: [{ role: 'user', content: 'hi' }], maxTokens: 10, temperature: 0.3 });
  await engine.unload();
  expect(worker.seen[2]!.type).toBe('unload');
  expect(worker.terminated).toBe(true);
});

test('a mirror set in Options goes with the load request to the worker', async () => {
  const worker = fakeWorker((req) => [{ id: req.id, type: 'done' }]);
  await new WebLLMEngine(choice, () => worker, 'https://m.example.org').load();
  expect(worker.seen[0]).toEqual({ id: 1, type: 'load', modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', mirror: 'https://m.example.org' });
});

test("the worker's error names survive the trip, so the step-down ladder reads them", async () => {
  const worker = fakeWorker((req) => [{ id: req.id, type: 'error', name: 'DeviceLostError', message: 'the GPU device was lost' }]);
  const engine = new WebLLMEngine(choice, () => worker);
  const err = await engine.load().catch((e: Error) => e);
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).name).toBe('DeviceLostError');
  expect(classifyFailure(err)).toBe('device-lost');
  // A failed load leaves no worker running.
  expect(worker.terminated).toBe(true);
});

test('Stop sends an interrupt and the answer ends as aborted', async () => {
  const controller = new AbortController();
  const worker = fakeWorker((req) => {
    if (req.type === 'generate') {
      controller.abort();
      return [{ id: req.id, type: 'token', text: 'partial' }, { id: req.id, type: 'done', value: null }];
    }
    return [{ id: req.id, type: 'done' }];
  });
  const engine = new WebLLMEngine(choice, () => worker);
  await engine.load();
  const err = await engine.generate([{ role: 'user', content: 'x' }], { maxTokens: 5, signal: controller.signal }).catch((e: Error) => e);
  expect(classifyFailure(err)).toBe('aborted');
  expect(worker.seen.map((r) => r.type)).toEqual(['load', 'generate', 'interrupt']);
});
