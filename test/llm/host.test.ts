import { expect, test } from 'vitest';
import { ModelHost } from '@/lib/llm/host';
import { chooseModel, stepDown, type GpuInfo, type ModelFamily } from '@/lib/llm/models';
import { FakeEngine } from '@/lib/llm/fake-engine';
import { classifyFailure } from '@/lib/llm/engine';

const gpu = (over: Partial<GpuInfo> = {}): GpuInfo => ({ available: true, shaderF16: true, maxBufferSize: 4 * 2 ** 30, description: 'test', ...over });
const named = (name: string, message = name) => Object.assign(new Error(message), { name });

test('the model from the GPU: default Qwen 1.5B, f16 only with shader-f16, 1B for weak GPUs, none without a GPU', () => {
  expect(chooseModel(gpu())!.id).toBe('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
  expect(chooseModel(gpu({ shaderF16: false }))!.id).toBe('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
  expect(chooseModel(gpu({ maxBufferSize: 256 * 2 ** 20 }))!.id).toBe('Llama-3.2-1B-Instruct-q4f16_1-MLC');
  expect(chooseModel(gpu(), 'Llama-3.2-3B-Instruct')!.id).toBe('Llama-3.2-3B-Instruct-q4f16_1-MLC');
  expect(chooseModel(gpu(), 'Llama-3.2-3B-Instruct', 'Qwen2.5-1.5B-Instruct')!.id).toBe('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
  expect(chooseModel(gpu({ available: false }))).toBeNull();
  expect(chooseModel(gpu(), 'Qwen2.5-1.5B-Instruct', 'none')).toBeNull();
  expect(stepDown('Llama-3.2-3B-Instruct')).toBe('Qwen2.5-1.5B-Instruct');
  expect(stepDown('Llama-3.2-1B-Instruct')).toBe('none');
});

test.each([
  [named('DeviceLostError'), 'device-lost'],
  [named('ShaderF16SupportError'), 'no-f16'],
  [new Error('GPUBuffer allocation failed: out of memory'), 'out-of-memory'],
  [named('ContextWindowSizeExceededError'), 'context'],
  [named('AbortError'), 'aborted'],
  [new Error('tokenizer missing'), 'other'],
])('failure %s → %s', (e, kind) => expect(classifyFailure(e)).toBe(kind));

test('the step-down ladder: a GPU failure steps down one model and remembers it', async () => {
  const tried: string[] = [];
  const remembered: (ModelFamily | 'none')[] = [];
  const host = new ModelHost({
    gpu: gpu(),
    preferred: 'Llama-3.2-3B-Instruct',
    ceiling: null,
    createEngine: (choice) => {
      tried.push(choice.id);
      const fail = choice.family === 'Llama-3.2-3B-Instruct' ? named('DeviceLostError') : choice.family === 'Qwen2.5-1.5B-Instruct' ? named('ShaderF16SupportError') : undefined;
      return new FakeEngine({ modelId: choice.id, failLoad: fail });
    },
    rememberCeiling: async (c) => void remembered.push(c),
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  });
  const engine = await host.acquire();
  expect(tried).toEqual(['Llama-3.2-3B-Instruct-q4f16_1-MLC', 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'Llama-3.2-1B-Instruct-q4f16_1-MLC']);
  expect(engine!.modelId).toBe('Llama-3.2-1B-Instruct-q4f16_1-MLC');
  expect(remembered).toEqual(['Qwen2.5-1.5B-Instruct', 'Llama-3.2-1B-Instruct']);
  // Out of memory while generating: the 1B steps down to nothing, and the host says so.
  await host.failed('out-of-memory');
  expect(remembered.at(-1)).toBe('none');
  expect(await host.acquire()).toBeNull();
});

test('other failures are not the GPU: no step-down, the error surfaces', async () => {
  const host = new ModelHost({
    gpu: gpu(), preferred: 'Qwen2.5-1.5B-Instruct', ceiling: null,
    createEngine: () => new FakeEngine({ failLoad: new Error('network down') }),
    rememberCeiling: async () => { throw new Error('must not step down'); },
    setTimeout: () => 0, clearTimeout: () => undefined,
  });
  await expect(host.acquire()).rejects.toThrow('network down');
});

test('idle unload: the engine goes after the idle delay, and loads again on next use', async () => {
  const timers: (() => void)[] = [];
  const engine = new FakeEngine();
  const host = new ModelHost({
    gpu: gpu(), preferred: 'Qwen2.5-1.5B-Instruct', ceiling: null, createEngine: () => engine, rememberCeiling: async () => undefined,
    setTimeout: (fn) => timers.push(fn), clearTimeout: () => undefined,
  });
  await host.acquire();
  expect(engine.loaded).toBe(true);
  timers.at(-1)!();
  await new Promise((r) => setTimeout(r, 0));
  expect(engine.loaded).toBe(false);
  expect(host.loaded).toBeNull();
});
