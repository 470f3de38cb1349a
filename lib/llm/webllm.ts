/**
 * The WebLLM adapter, page side. The model runs in a Web Worker (webllm-worker.ts), the only module that
 * imports @mlc-ai/web-llm; this side speaks worker-protocol.ts and bundles none of the library. Weights
 * are downloaded from WebLLM's model hosts on first use (after the user agrees) and kept in WebLLM's
 * cache (the browser's Cache Storage, per extension).
 *
 * Not runnable in CI (no GPU there, and no network): the tests drive FakeEngine through the same
 * ChatEngine interface, and the protocol through a fake worker. See docs/ranking-and-analysis.md, "Running a real model".
 */
import { AbortedError, type ChatEngine, type ChatMessage, type GenerateOptions, type LoadProgress, type Usage } from './engine';
import { CONTEXT_WINDOW, type ModelChoice } from './models';
import { workerError, type WorkerEvent, type WorkerRequest } from './worker-protocol';

/** What the adapter needs of a Worker (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerEvent>) => void): void;
  terminate(): void;
}

export function startModelWorker(): WorkerLike {
  return new Worker(new URL('./webllm-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

type Listener = { onEvent?: (e: WorkerEvent) => void; resolve: (v: unknown) => void; reject: (e: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Requests to one worker, each answered by its own `done` or `error`. */
export class WorkerClient {
  private next = 1;
  private pending = new Map<number, Listener>();

  constructor(readonly worker: WorkerLike) {
    worker.addEventListener('message', (msg) => {
      const e = msg.data;
      const l = this.pending.get(e.id);
      if (!l) return;
      if (e.type === 'done') {
        this.pending.delete(e.id);
        l.resolve(e.value);
      } else if (e.type === 'error') {
        this.pending.delete(e.id);
        l.reject(workerError(e));
      } else l.onEvent?.(e);
    });
  }

  request<T>(req: Request, onEvent?: (e: WorkerEvent) => void): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { onEvent, resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...req, id } as WorkerRequest);
    });
  }
}

export class WebLLMEngine implements ChatEngine {
  readonly modelId: string;
  readonly contextWindow = CONTEXT_WINDOW;
  private client: WorkerClient | null = null;

  constructor(
    readonly model: ModelChoice,
    private start: () => WorkerLike = startModelWorker,
    /** A self-hosted mirror of weights and libraries (lib/llm/mirror.ts); '' for WebLLM's hosts. */
    private mirror = '',
  ) {
    this.modelId = model.id;
  }

  async load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    if (this.client) return;
    const client = new WorkerClient(this.start());
    const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(new AbortedError()), { once: true }));
    try {
      await Promise.race([
        client.request({ type: 'load', modelId: this.model.id, mirror: this.mirror }, (e) => e.type === 'progress' && onProgress?.({ progress: e.progress, text: e.text })),
        aborted,
      ]);
      this.client = client;
    } catch (e) {
      client.worker.terminate();
      throw e;
    }
  }

  async generate(messages: ChatMessage[], options: GenerateOptions): Promise<{ text: string; usage?: Usage }> {
    const client = this.client;
    if (!client) throw new Error('the model is not loaded');
    const onAbort = () => void client.request({ type: 'interrupt' });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let text = '';
      const usage = await client.request<Usage | null>(
        { type: 'generate', messages, maxTokens: options.maxTokens, temperature: options.temperature ?? 0.3 },
        (e) => {
          if (e.type !== 'token') return;
          text += e.text;
          options.onToken?.(e.text);
        },
      );
      if (options.signal?.aborted) throw new AbortedError();
      return { text, usage: usage ?? undefined };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  async unload(): Promise<void> {
    const client = this.client;
    this.client = null;
    try {
      await client?.request({ type: 'unload' });
    } finally {
      client?.worker.terminate();
    }
  }
}

/** Runs one request in a short-lived worker (cache questions, when no model is loaded). */
async function once<T>(req: Request, start: () => WorkerLike = startModelWorker): Promise<T> {
  const client = new WorkerClient(start());
  try {
    return await client.request<T>(req);
  } finally {
    client.worker.terminate();
  }
}

/** Whether WebLLM keeps this model's weights and compiled code. */
export const modelInCache = (id: string) => once<boolean>({ type: 'hasInCache', modelId: id });
/** Removes this model's weights and compiled code from WebLLM's cache. */
export const removeModelFromCache = (id: string) => once<void>({ type: 'deleteFromCache', modelId: id });
