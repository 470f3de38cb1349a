/**
 * Which engine a page gets. The test build (RTR_FAKE_ENGINE, set by `RTR_TEST=1 wxt build`) swaps in the
 * fake engine and accepts a software WebGPU adapter, so the browser tests can drive the whole flow
 * without a GPU or weights. In a normal build the fake is dead code and is not bundled.
 */
import type { ChatEngine } from './engine';
import { detectGpu } from './gpu';
import type { GpuInfo, ModelChoice } from './models';

export const FAKE_ENGINE: boolean = import.meta.env.RTR_FAKE_ENGINE === true;

export async function createEngine(choice: ModelChoice): Promise<ChatEngine> {
  if (import.meta.env.RTR_FAKE_ENGINE === true) {
    const { FakeEngine } = await import('./fake-engine');
    return new FakeEngine({ modelId: choice.id, delayMs: 25 });
  }
  const { WebLLMEngine } = await import('./webllm');
  return new WebLLMEngine(choice);
}

export async function gpuInfo(): Promise<GpuInfo> {
  const gpu = await detectGpu();
  if (import.meta.env.RTR_FAKE_ENGINE === true && !gpu.available && /software/.test(gpu.reason ?? ''))
    return { available: true, shaderF16: false, maxBufferSize: 4 * 2 ** 30, description: 'software adapter (test build)' };
  return gpu;
}
