/**
 * The Web Worker that runs the model, owned by an extension page (the report page or the side panel),
 * never by the service worker: Chrome stops that when idle, and Firefox has no WebGPU there. It is the
 * only module that imports @mlc-ai/web-llm; pages speak to it through worker-protocol.ts.
 */
import { deleteModelAllInfoInCache, hasModelInCache, MLCEngine, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { mirrored } from './mirror';
import type { WorkerEvent, WorkerRequest, WorkerUsage } from './worker-protocol';

let engine: MLCEngine | null = null;
const post = (event: WorkerEvent) => (self as unknown as { postMessage(e: WorkerEvent): void }).postMessage(event);

async function handle(req: WorkerRequest): Promise<boolean | WorkerUsage | null | undefined> {
  switch (req.type) {
    case 'load':
      engine ??= new MLCEngine();
      engine.setAppConfig({ ...prebuiltAppConfig, model_list: mirrored(prebuiltAppConfig.model_list, req.modelId, req.mirror ?? '') });
      engine.setInitProgressCallback((r) => post({ id: req.id, type: 'progress', progress: r.progress, text: r.text }));
      await engine.reload(req.modelId);
      return undefined;
    case 'generate': {
      if (!engine) throw Object.assign(new Error('the model is not loaded'), { name: 'NotLoadedError' });
      const chunks = await engine.chat.completions.create({
        messages: req.messages,
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: req.maxTokens,
        temperature: req.temperature,
      });
      let usage: WorkerUsage | null = null;
      for await (const chunk of chunks) {
        const delta = chunk.choices[0]?.delta?.content ?? '';
        if (delta) post({ id: req.id, type: 'token', text: delta });
        if (chunk.usage) {
          usage = {
            promptTokens: chunk.usage.prompt_tokens,
            completionTokens: chunk.usage.completion_tokens,
            prefillTokensPerSecond: chunk.usage.extra?.prefill_tokens_per_s,
            decodeTokensPerSecond: chunk.usage.extra?.decode_tokens_per_s,
          };
        }
      }
      return usage;
    }
    case 'interrupt':
      await engine?.interruptGenerate();
      return undefined;
    case 'unload': {
      const e = engine;
      engine = null;
      await e?.unload();
      return undefined;
    }
    case 'hasInCache':
      return hasModelInCache(req.modelId);
    case 'deleteFromCache':
      await deleteModelAllInfoInCache(req.modelId);
      return undefined;
  }
}

self.onmessage = (msg: MessageEvent<WorkerRequest>) => {
  const req = msg.data;
  handle(req).then(
    (value) => post({ id: req.id, type: 'done', value }),
    (e: unknown) => post({ id: req.id, type: 'error', name: (e as Error)?.name ?? 'Error', message: (e as Error)?.message ?? String(e) }),
  );
};
