import { describe, expect, test } from 'vitest';
import { ChromeEngine, chromeAvailability, languageModelApi, type LanguageModelApi, type LanguageModelSession } from '@/lib/llm/chrome-ai';
import { classifyFailure } from '@/lib/llm/engine';
import { mirrored, parseMirror } from '@/lib/llm/mirror';

/** A fake Prompt API: records sessions, streams a canned answer in pieces. */
function fakeApi(options: { availability?: string; answer?: string[]; fail?: Error; cumulative?: boolean; contextWindow?: number } = {}) {
  const created: { initialPrompts?: unknown; destroyed: boolean; prompts: string[] }[] = [];
  const api: LanguageModelApi = {
    availability: async () => (options.availability ?? 'available') as never,
    create: async (o = {}) => {
      const record = { initialPrompts: o.initialPrompts, destroyed: false, prompts: [] as string[] };
      created.push(record);
      if (o.monitor) {
        const target = new EventTarget();
        o.monitor(target);
        target.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded: 0.5 }));
      }
      const session: LanguageModelSession = {
        contextWindow: options.contextWindow,
        promptStreaming: (input) => {
          record.prompts.push(input);
          const pieces = options.answer ?? ['Hello', ' world'];
          let i = 0;
          let sofar = '';
          return new ReadableStream<string>({
            pull(c) {
              if (options.fail) return c.error(options.fail);
              if (i >= pieces.length) return c.close();
              sofar += pieces[i++];
              c.enqueue(options.cumulative ? sofar : pieces[i - 1]!);
            },
          });
        },
        destroy: () => void (record.destroyed = true),
      };
      return session;
    },
  };
  return { api, created };
}

describe("Chrome's built-in model", () => {
  test('feature detection: absent without LanguageModel, else what Chrome says', async () => {
    expect(languageModelApi({})).toBeNull();
    expect(await chromeAvailability(null)).toBe('absent');
    expect(await chromeAvailability(fakeApi({ availability: 'downloadable' }).api)).toBe('downloadable');
    expect(await chromeAvailability({ availability: () => Promise.reject(new Error('x')), create: async () => ({}) as never })).toBe('unavailable');
  });

  test('load reads the context window and reports Chrome download progress; generate streams, one session per request', async () => {
    const { api, created } = fakeApi({ contextWindow: 9216 });
    const engine = new ChromeEngine(api);
    const progress: number[] = [];
    await engine.load((p) => progress.push(p.progress));
    expect(engine.contextWindow).toBe(9216);
    expect(progress).toEqual([0.5]);
    const tokens: string[] = [];
    const { text } = await engine.generate([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hello.' }], { maxTokens: 10, onToken: (t) => tokens.push(t) });
    expect(text).toBe('Hello world');
    expect(tokens).toEqual(['Hello', ' world']);
    expect(created[1]).toEqual({ initialPrompts: [{ role: 'system', content: 'Be brief.' }], destroyed: true, prompts: ['Say hello.'] });
  });

  test('older Chrome streamed the whole text so far: the same answer', async () => {
    const engine = new ChromeEngine(fakeApi({ cumulative: true, answer: ['A', 'B', 'C'] }).api);
    await engine.load();
    expect((await engine.generate([{ role: 'user', content: 'x' }], { maxTokens: 5 })).text).toBe('ABC');
  });

  test('an input too large is a context failure (the caller trims and retries)', async () => {
    const engine = new ChromeEngine(fakeApi({ fail: Object.assign(new Error('too big'), { name: 'QuotaExceededError' }) }).api);
    await engine.load();
    const e = await engine.generate([{ role: 'user', content: 'x' }], { maxTokens: 5 }).catch((x: unknown) => x);
    expect(classifyFailure(e)).toBe('context');
  });
});

describe('WebLLM mirror', () => {
  test('addresses: https (http on localhost), no credentials, a clear error otherwise', () => {
    expect(parseMirror(' https://models.example.org/webllm/ ')).toEqual({ ok: true, url: 'https://models.example.org/webllm' });
    expect(parseMirror('http://localhost:8000')).toEqual({ ok: true, url: 'http://localhost:8000' });
    expect(parseMirror('')).toEqual({ ok: true, url: '' });
    expect(parseMirror('http://models.example.org')).toEqual({ ok: false, error: 'The mirror must use https:// (http:// only for localhost).' });
    expect(parseMirror('https://u:p@example.org')).toMatchObject({ ok: false });
    expect(parseMirror('models')).toEqual({ ok: false, error: '"models" is not an address. Write the mirror\'s full address, like https://models.example.org/webllm.' });
  });

  test("one model's weights and library point at the mirror, laid out as Hugging Face lays them out", () => {
    const records = [
      { model_id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', model: 'https://huggingface.co/mlc-ai/Qwen2.5-1.5B-Instruct-q4f16_1-MLC', model_lib: 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_80/Qwen2-1.5B-Instruct-q4f16_1-ctx4k_cs1k-webgpu.wasm' },
      { model_id: 'other', model: 'https://huggingface.co/x/other', model_lib: 'https://example.org/other.wasm' },
    ];
    expect(mirrored(records, 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'https://m.example.org')).toEqual([
      { model_id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', model: 'https://m.example.org/Qwen2.5-1.5B-Instruct-q4f16_1-MLC/', model_lib: 'https://m.example.org/libs/Qwen2-1.5B-Instruct-q4f16_1-ctx4k_cs1k-webgpu.wasm' },
      records[1],
    ]);
    expect(mirrored(records, 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', '')).toBe(records);
  });
});
