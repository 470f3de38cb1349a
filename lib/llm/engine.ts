/**
 * The model is an interface (STYLE.md rule 13): a WebLLM adapter (webllm.ts), a fake for tests
 * (fake-engine.ts), and the offline analyser when there is none. Domain code sees only this.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LoadProgress {
  /** 0..1 */
  progress: number;
  text: string;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  prefillTokensPerSecond?: number;
  decodeTokensPerSecond?: number;
}

export interface GenerateOptions {
  maxTokens: number;
  temperature?: number;
  signal?: AbortSignal;
  onToken?: (text: string) => void;
}

export interface ChatEngine {
  /** The model id, as the report names the writer of a section. */
  readonly modelId: string;
  /** The model's context window in tokens. */
  readonly contextWindow: number;
  load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void>;
  /** Streams the answer through onToken; resolves with the whole text. Aborting stops generation. */
  generate(messages: ChatMessage[], options: GenerateOptions): Promise<{ text: string; usage?: Usage }>;
  unload(): Promise<void>;
}

/** Why a model failed, in the terms the step-down ladder needs. */
export type FailureKind = 'device-lost' | 'no-f16' | 'out-of-memory' | 'context' | 'aborted' | 'no-webgpu' | 'other';

export function classifyFailure(e: unknown): FailureKind {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = String((e as { message?: string } | null)?.message ?? e);
  if (name === 'AbortError' || /aborted|interrupted/i.test(message)) return 'aborted';
  if (name === 'DeviceLostError' || /device (was )?lost/i.test(message)) return 'device-lost';
  if (name === 'ShaderF16SupportError' || /shader-f16/i.test(message)) return 'no-f16';
  if (/out of memory|OOM|allocation failed|exceeds the maximum/i.test(message)) return 'out-of-memory';
  if (name === 'ContextWindowSizeExceededError' || /context window|prompt tokens exceed|exceed.*context/i.test(message)) return 'context';
  if (name === 'WebGPUNotAvailableError' || name === 'WebGPUNotFoundError' || /WebGPU/i.test(message)) return 'no-webgpu';
  return 'other';
}

export class AbortedError extends Error {
  override name = 'AbortError';
  constructor() {
    super('Stopped.');
  }
}
