/** What WebGPU this browser offers. No adapter (or no WebGPU at all) means the offline analyser. */
import type { GpuInfo } from './models';

interface GpuAdapterLike {
  features: { has(name: string): boolean };
  limits: { maxBufferSize: number };
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}
interface NavigatorGpu {
  gpu?: { requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null> };
}

export async function detectGpu(nav: NavigatorGpu = navigator as unknown as NavigatorGpu): Promise<GpuInfo> {
  const none = (reason: string): GpuInfo => ({ available: false, shaderF16: false, maxBufferSize: 0, description: '', reason });
  if (!nav.gpu) return none('this browser has no WebGPU');
  let adapter: GpuAdapterLike | null = null;
  try {
    adapter = await nav.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return none(`WebGPU refused an adapter (${(e as Error).message})`);
  }
  if (!adapter) return none('WebGPU found no GPU adapter');
  const info = adapter.info ?? {};
  // SwiftShader and other software adapters run shaders on the CPU: far too slow for a model.
  if (adapter.isFallbackAdapter || info.isFallbackAdapter || /swiftshader/i.test(`${info.vendor} ${info.architecture} ${info.description}`))
    return none('only a software (CPU) WebGPU adapter is available, far too slow for a language model');
  return {
    available: true,
    shaderF16: adapter.features.has('shader-f16'),
    maxBufferSize: adapter.limits.maxBufferSize,
    description: [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'a WebGPU adapter',
  };
}
