/**
 * Which engine a page gets. The test build (RTR_FAKE_ENGINE, set by `RTR_TEST=1 wxt build`) swaps in the
 * fake engine and accepts a software WebGPU adapter, so the browser tests can drive the whole flow
 * without a GPU or weights. In a normal build the fake is dead code and is not bundled.
 */
import type { ChatEngine } from './engine';
import { detectGpu } from './gpu';
import type { GpuInfo, ModelChoice } from './models';

export function createEngine(choice: ModelChoice, mirror = ''): Promise<ChatEngine> {
  // Written as one expression so the bundler drops the branches a build does not use, imports included.
  return import.meta.env.RTR_FAKE_ENGINE === true
    ? import('./fake-engine').then(({ FakeEngine }) => new FakeEngine({ modelId: choice.id, delayMs: 25 }))
    : import.meta.env.RTR_NO_WEBLLM === true
      ? Promise.reject(new Error(NO_WEBLLM))
      : import('./webllm').then(({ WebLLMEngine }) => new WebLLMEngine(choice, undefined, mirror));
}

export const NO_WEBLLM = 'this build runs no language model (the Firefox build leaves WebLLM out)';

export async function gpuInfo(): Promise<GpuInfo> {
  if (import.meta.env.RTR_NO_WEBLLM === true) return { available: false, shaderF16: false, maxBufferSize: 0, description: '', reason: NO_WEBLLM };
  const gpu = await detectGpu();
  if (import.meta.env.RTR_FAKE_ENGINE === true && !gpu.available && /software/.test(gpu.reason ?? ''))
    return { available: true, shaderF16: false, maxBufferSize: 4 * 2 ** 30, description: 'software adapter (test build)' };
  return gpu;
}
