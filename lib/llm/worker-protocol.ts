/**
 * The small protocol between a page and the model's Web Worker. Only the worker imports
 * @mlc-ai/web-llm, so the 6 MB library is bundled once (in the worker's chunk), not in the page too.
 * Every request carries an id; the worker answers with progress and token events for that id, then one
 * `done` or `error`.
 */
import type { ChatMessage } from './engine';

export type WorkerRequest =
  /** `mirror`: where weights and libraries come from instead of WebLLM's hosts (lib/llm/mirror.ts); '' for those. */
  | { id: number; type: 'load'; modelId: string; mirror?: string }
  | { id: number; type: 'generate'; messages: ChatMessage[]; maxTokens: number; temperature: number }
  | { id: number; type: 'interrupt' }
  | { id: number; type: 'unload' }
  | { id: number; type: 'hasInCache'; modelId: string }
  | { id: number; type: 'deleteFromCache'; modelId: string };

export interface WorkerUsage {
  promptTokens: number;
  completionTokens: number;
  prefillTokensPerSecond?: number;
  decodeTokensPerSecond?: number;
}

export type WorkerEvent =
  | { id: number; type: 'progress'; progress: number; text: string }
  | { id: number; type: 'token'; text: string }
  | { id: number; type: 'done'; value?: boolean | WorkerUsage | null }
  /** The error's name is kept: the step-down ladder reads it (DeviceLostError, ShaderF16SupportError…). */
  | { id: number; type: 'error'; name: string; message: string };

/** An error rebuilt on the page side with the worker's name and message. */
export function workerError(e: { name: string; message: string }): Error {
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
