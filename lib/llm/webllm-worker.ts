/**
 * The Web Worker that runs the model, owned by an extension page (the report page or the side panel),
 * never by the service worker: Chrome stops that when idle, and Firefox has no WebGPU there.
 */
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (msg: MessageEvent) => handler.onmessage(msg);
