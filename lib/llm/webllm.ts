/**
 * The WebLLM adapter. @mlc-ai/web-llm is one 6 MB bundle: it is imported dynamically here, and this
 * module is only imported by the pages that run the model, so no other page carries it. Weights are
 * downloaded from WebLLM's model hosts on first use (after the user agrees) and kept in WebLLM's cache.
 *
 * Not runnable in CI (no GPU there, and no network): the tests drive FakeEngine through the same
 * ChatEngine interface. See README "Running a real model".
 */
import type { MLCEngineInterface } from '@mlc-ai/web-llm';
import { AbortedError, type ChatEngine, type ChatMessage, type GenerateOptions, type LoadProgress, type Usage } from './engine';
import { CONTEXT_WINDOW, type ModelChoice } from './models';

export class WebLLMEngine implements ChatEngine {
  readonly modelId: string;
  readonly contextWindow = CONTEXT_WINDOW;
  private engine: MLCEngineInterface | null = null;
  private worker: Worker | null = null;

  constructor(readonly model: ModelChoice) {
    this.modelId = model.id;
  }

  async load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    if (this.engine) return;
    const webllm = await import('@mlc-ai/web-llm');
    this.worker = new Worker(new URL('./webllm-worker.ts', import.meta.url), { type: 'module' });
    const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(new AbortedError()), { once: true }));
    try {
      this.engine = await Promise.race([
        webllm.CreateWebWorkerMLCEngine(this.worker, this.model.id, {
          initProgressCallback: (r) => onProgress?.({ progress: r.progress, text: r.text }),
        }),
        aborted,
      ]);
    } catch (e) {
      await this.unload();
      throw e;
    }
  }

  async generate(messages: ChatMessage[], options: GenerateOptions): Promise<{ text: string; usage?: Usage }> {
    if (!this.engine) throw new Error('the model is not loaded');
    const engine = this.engine;
    const onAbort = () => engine.interruptGenerate();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const chunks = await engine.chat.completions.create({
        messages,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: options.maxTokens,
        temperature: options.temperature ?? 0.3,
      });
      let text = '';
      let usage: Usage | undefined;
      for await (const chunk of chunks) {
        const delta = chunk.choices[0]?.delta?.content ?? '';
        if (delta) {
          text += delta;
          options.onToken?.(delta);
        }
        if (chunk.usage) {
          usage = {
            promptTokens: chunk.usage.prompt_tokens,
            completionTokens: chunk.usage.completion_tokens,
            prefillTokensPerSecond: chunk.usage.extra?.prefill_tokens_per_s,
            decodeTokensPerSecond: chunk.usage.extra?.decode_tokens_per_s,
          };
        }
      }
      if (options.signal?.aborted) throw new AbortedError();
      return { text, usage };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  async unload(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    try {
      await engine?.unload();
    } finally {
      this.worker?.terminate();
      this.worker = null;
    }
  }
}

/** Weights and compiled code WebLLM keeps for a model: whether present, and removal. */
export async function modelInCache(id: string): Promise<boolean> {
  const webllm = await import('@mlc-ai/web-llm');
  return webllm.hasModelInCache(id);
}

export async function removeModelFromCache(id: string): Promise<void> {
  const webllm = await import('@mlc-ai/web-llm');
  await webllm.deleteModelAllInfoInCache(id);
}
