/**
 * Which model, from the GPU. Default Qwen2.5-1.5B-Instruct; Llama-3.2-1B-Instruct for weak GPUs;
 * Llama-3.2-3B-Instruct as a quality choice. q4f16_1 where the adapter has shader-f16, else q4f32_1.
 * After a device loss, a missing shader-f16 or running out of memory, step down one model, remembered.
 * Sizes are WebLLM's own figures (prebuiltAppConfig, web-llm 0.2.86): GPU memory needed; the download is
 * somewhat smaller (the weights) and is cached by WebLLM after the first time.
 */
export type ModelFamily = 'Llama-3.2-3B-Instruct' | 'Qwen2.5-1.5B-Instruct' | 'Llama-3.2-1B-Instruct';
export type Quantization = 'q4f16_1' | 'q4f32_1';

/** Strongest first: stepping down moves right. */
export const LADDER: ModelFamily[] = ['Llama-3.2-3B-Instruct', 'Qwen2.5-1.5B-Instruct', 'Llama-3.2-1B-Instruct'];
export const DEFAULT_FAMILY: ModelFamily = 'Qwen2.5-1.5B-Instruct';

const VRAM_MB: Record<ModelFamily, Record<Quantization, number>> = {
  'Llama-3.2-3B-Instruct': { q4f16_1: 2264, q4f32_1: 2952 },
  'Qwen2.5-1.5B-Instruct': { q4f16_1: 1630, q4f32_1: 1889 },
  'Llama-3.2-1B-Instruct': { q4f16_1: 879, q4f32_1: 1129 },
};
/** Approximate download of the weights, in MB (4-bit weights, plus embeddings). */
const DOWNLOAD_MB: Record<ModelFamily, number> = {
  'Llama-3.2-3B-Instruct': 1800,
  'Qwen2.5-1.5B-Instruct': 900,
  'Llama-3.2-1B-Instruct': 700,
};
export const CONTEXT_WINDOW = 4096;

export interface GpuInfo {
  available: boolean;
  shaderF16: boolean;
  /** adapter.limits.maxBufferSize in bytes; a proxy for a weak GPU. */
  maxBufferSize: number;
  description: string;
  /** Why there is no usable GPU (when available is false). */
  reason?: string;
}

export interface ModelChoice {
  family: ModelFamily;
  quantization: Quantization;
  id: string;
  vramMB: number;
  downloadMB: number;
}

export function modelChoice(family: ModelFamily, shaderF16: boolean): ModelChoice {
  const quantization: Quantization = shaderF16 ? 'q4f16_1' : 'q4f32_1';
  return { family, quantization, id: `${family}-${quantization}-MLC`, vramMB: VRAM_MB[family][quantization], downloadMB: DOWNLOAD_MB[family] };
}

/** Below this maximum buffer size a GPU is "weak": the 1B model. */
export const WEAK_GPU_BUFFER = 1024 * 1024 * 1024;

/**
 * The model to use: the user's choice (or the default), never above what the GPU or an earlier failure
 * allows. `ceiling` is the strongest family still allowed after step-downs. Null: no usable GPU.
 */
export function chooseModel(gpu: GpuInfo, preferred: ModelFamily = DEFAULT_FAMILY, ceiling?: ModelFamily | 'none'): ModelChoice | null {
  if (!gpu.available || ceiling === 'none') return null;
  let index = LADDER.indexOf(preferred);
  if (gpu.maxBufferSize < WEAK_GPU_BUFFER) index = Math.max(index, LADDER.indexOf('Llama-3.2-1B-Instruct'));
  if (ceiling) index = Math.max(index, LADDER.indexOf(ceiling));
  return modelChoice(LADDER[index]!, gpu.shaderF16);
}

/** The family one step below, or "none" when the smallest failed too. */
export function stepDown(family: ModelFamily): ModelFamily | 'none' {
  return LADDER[LADDER.indexOf(family) + 1] ?? 'none';
}

export function formatMB(mb: number): string {
  return mb >= 1000 ? `${(mb / 1000).toFixed(1)} GB` : `${Math.round(mb)} MB`;
}
