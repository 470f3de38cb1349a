/**
 * A test engine: streams canned answers word by word, can fail like a GPU does, and honours Stop.
 * Used by unit tests and by the test build (RTR_FAKE_ENGINE=1) that the browser tests drive.
 */
import { postLink } from '../reddit/urls';
import { AbortedError, type ChatEngine, type ChatMessage, type GenerateOptions, type LoadProgress } from './engine';

export interface FakeEngineOptions {
  modelId?: string;
  contextWindow?: number;
  /** The answer to a prompt; default: a fixed paragraph with one real and one made-up link. */
  answer?: (messages: ChatMessage[]) => string;
  /** Milliseconds between streamed words. */
  delayMs?: number;
  /** Throw this from load() or generate(). */
  failLoad?: Error;
  failGenerate?: (messages: ChatMessage[]) => Error | undefined;
}

export const FAKE_ANSWER =
  `The community converged on one story ([the top post](${postLink('%ID%')})) (Score: 99999, Comments: 1). ` +
  `Some claimed a secret release [here](https://evil.example/phish) and [there](${postLink('t3_zzzzzz9')}), ` +
  'but that is not in the data.';

/**
 * What the fake answers a question of "Ask your history" (lib/ask/answer.ts askMessages): two real
 * citations, one of an item that was never retrieved, and two foreign links, which grounding must remove.
 */
export const FAKE_ASK_ANSWER =
  'The labs say prices are falling [1], while commenters doubt it [2]. Some say it is all in a leak [9], see https://evil.example/leak and [this thread](https://evil.example/t).';

export class FakeEngine implements ChatEngine {
  readonly modelId: string;
  readonly contextWindow: number;
  loaded = false;
  prompts: ChatMessage[][] = [];

  constructor(private options: FakeEngineOptions = {}) {
    this.modelId = options.modelId ?? 'fake-model';
    this.contextWindow = options.contextWindow ?? 4096;
  }

  async load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    if (this.options.failLoad) throw this.options.failLoad;
    for (const p of [0.25, 0.5, 1]) {
      if (signal?.aborted) throw new AbortedError();
      onProgress?.({ progress: p, text: `Loading fake model ${Math.round(p * 100)}%` });
      await tick(this.options.delayMs ?? 0);
    }
    this.loaded = true;
  }

  async generate(messages: ChatMessage[], options: GenerateOptions): Promise<{ text: string }> {
    this.prompts.push(messages);
    const failure = this.options.failGenerate?.(messages);
    if (failure) throw failure;
    const firstId = /\burl=https:\/\/www\.reddit\.com\/comments\/([0-9a-z]+)/.exec(messages.map((m) => m.content).join('\n'))?.[1] ?? 'none';
    const asked = messages.some((m) => m.role === 'user' && m.content.startsWith('Question: '));
    const answer = (this.options.answer?.(messages) ?? (asked ? FAKE_ASK_ANSWER : FAKE_ANSWER)).replace(/%ID%/g, firstId);
    let text = '';
    for (const word of answer.split(/(?<= )/)) {
      if (options.signal?.aborted) throw new AbortedError();
      text += word;
      options.onToken?.(word);
      await tick(this.options.delayMs ?? 0);
    }
    return { text };
  }

  async unload(): Promise<void> {
    this.loaded = false;
  }
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
