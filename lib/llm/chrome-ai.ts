/**
 * Chrome's built-in model (Gemini Nano, through the Prompt API: `LanguageModel`, Chrome 138+ in
 * extensions) behind the same ChatEngine interface as WebLLM. Nothing of ours is downloaded: Chrome
 * fetches and keeps its model itself (about 22 GB free disk and a capable GPU or CPU, Chrome's own
 * requirements). Feature-detected: where `LanguageModel` is absent or says "unavailable", the page
 * uses WebLLM or the offline analyser.
 *
 * One session per request, created with the system prompt, destroyed after: sections never see each
 * other's text, as with WebLLM.
 */
import { AbortedError, type ChatEngine, type ChatMessage, type GenerateOptions, type LoadProgress } from './engine';

export type ChromeAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** The part of the Prompt API this engine uses (the W3C draft's IDL, webmachinelearning.github.io/prompt-api). */
export interface LanguageModelSession {
  promptStreaming(input: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  /** Tokens the session holds (newer Chrome); `inputQuota` is the older, extension-only name. */
  readonly contextWindow?: number;
  readonly inputQuota?: number;
  destroy(): void;
}

export interface LanguageModelApi {
  availability(options?: object): Promise<ChromeAvailability>;
  create(options?: {
    initialPrompts?: { role: 'system' | 'user' | 'assistant'; content: string }[];
    temperature?: number;
    topK?: number;
    signal?: AbortSignal;
    monitor?: (m: EventTarget) => void;
    expectedInputs?: { type: 'text'; languages?: string[] }[];
    expectedOutputs?: { type: 'text'; languages?: string[] }[];
  }): Promise<LanguageModelSession>;
}

export const CHROME_MODEL_ID = 'Chrome built-in model (Gemini Nano)';
/** English in, English out: what availability() and create() are asked for alike. */
const LANGUAGES = { expectedInputs: [{ type: 'text' as const, languages: ['en'] }], expectedOutputs: [{ type: 'text' as const, languages: ['en'] }] };

/** Chrome can run its model now, or fetch it on first use: the engine can be offered. */
export const canUseChromeModel = (a: ChromeAvailability | 'absent' | undefined): boolean => a === 'available' || a === 'downloadable' || a === 'downloading';

/** The Prompt API of this browser, if it has one. */
export function languageModelApi(scope: object = globalThis): LanguageModelApi | null {
  const api = (scope as { LanguageModel?: LanguageModelApi }).LanguageModel;
  return api && typeof api.availability === 'function' && typeof api.create === 'function' ? api : null;
}

/** "absent" where the browser has no Prompt API; else what Chrome says (a thrown check reads "unavailable"). */
export async function chromeAvailability(api: LanguageModelApi | null = languageModelApi()): Promise<ChromeAvailability | 'absent'> {
  if (!api) return 'absent';
  try {
    return await api.availability(LANGUAGES);
  } catch {
    return 'unavailable';
  }
}

export class ChromeEngine implements ChatEngine {
  readonly modelId = CHROME_MODEL_ID;
  /** Known after load (Chrome says); a safe figure before. */
  contextWindow = 4096;
  private loaded = false;

  constructor(private api: LanguageModelApi) {}

  /** Makes sure Chrome has its model (it downloads it the first time, with progress) and reads the window. */
  async load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    if (this.loaded) return;
    const session = await this.api.create({
      ...LANGUAGES,
      signal,
      monitor: (m) =>
        m.addEventListener('downloadprogress', (e) => {
          const loaded = (e as Event & { loaded?: number }).loaded ?? 0;
          onProgress?.({ progress: loaded, text: `Chrome is downloading its built-in model: ${Math.round(loaded * 100)}%` });
        }),
    });
    this.contextWindow = session.contextWindow ?? session.inputQuota ?? this.contextWindow;
    session.destroy();
    this.loaded = true;
  }

  async generate(messages: ChatMessage[], options: GenerateOptions): Promise<{ text: string }> {
    if (!this.loaded) throw new Error('the model is not loaded');
    const system = messages.filter((m) => m.role === 'system').map((m) => ({ role: 'system' as const, content: m.content }));
    const user = messages.filter((m) => m.role !== 'system').map((m) => m.content).join('\n\n');
    const session = await this.api.create({ ...LANGUAGES, initialPrompts: system, temperature: options.temperature ?? 0.3, topK: 3, signal: options.signal });
    let text = '';
    try {
      const reader = session.promptStreaming(user, { signal: options.signal }).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        // Chrome streams pieces; early versions streamed the whole text so far. Both read the same here.
        const piece = value.startsWith(text) && text ? value.slice(text.length) : value;
        text += piece;
        if (piece) options.onToken?.(piece);
      }
    } catch (e) {
      if (options.signal?.aborted) throw new AbortedError();
      // Chrome's "the input is too large" is a context failure for the caller's trim-and-retry.
      if ((e as Error)?.name === 'QuotaExceededError') throw Object.assign(new Error(`prompt tokens exceed the context window: ${(e as Error).message}`), { name: 'ContextWindowSizeExceededError' });
      throw e;
    } finally {
      session.destroy();
    }
    if (options.signal?.aborted) throw new AbortedError();
    return { text };
  }

  async unload(): Promise<void> {
    this.loaded = false;
  }
}
