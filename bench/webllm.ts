/** One measured run of a real model: load time, then a fixed prompt with WebLLM's usage figures. */
import { detectGpu } from '../lib/llm/gpu';
import { LADDER, modelChoice } from '../lib/llm/models';
import { WebLLMEngine } from '../lib/llm/webllm';

export interface BenchResult {
  model: string;
  gpu: string;
  loadSeconds: number;
  promptTokens?: number;
  completionTokens?: number;
  prefillTokensPerSecond?: number;
  decodeTokensPerSecond?: number;
  totalSeconds: number;
}

const PROMPT =
  'Summarise in five bullet points why small language models running in the browser matter for privacy, cost and latency, ' +
  'and what their limits are compared with large cloud models.';

export async function runBench(modelId: string, maxTokens: number, onStatus: (text: string) => void): Promise<BenchResult> {
  const gpu = await detectGpu();
  if (!gpu.available) throw new Error(`no usable GPU: ${gpu.reason}`);
  const family = LADDER.find((f) => modelId.startsWith(f));
  if (!family) throw new Error(`unknown model ${modelId}; one of ${LADDER.join(', ')} with -q4f16_1-MLC or -q4f32_1-MLC`);
  const choice = { ...modelChoice(family, modelId.includes('q4f16')), id: modelId };
  const engine = new WebLLMEngine(choice);
  const t0 = performance.now();
  await engine.load((p) => onStatus(`${Math.round(p.progress * 100)}% ${p.text}`));
  const loadSeconds = (performance.now() - t0) / 1000;
  onStatus('Generating…');
  const t1 = performance.now();
  const { usage } = await engine.generate([{ role: 'user', content: PROMPT }], { maxTokens, temperature: 0 });
  const totalSeconds = (performance.now() - t1) / 1000;
  await engine.unload();
  onStatus('Done.');
  return {
    model: modelId,
    gpu: gpu.description,
    loadSeconds: Math.round(loadSeconds * 100) / 100,
    promptTokens: usage?.promptTokens,
    completionTokens: usage?.completionTokens,
    prefillTokensPerSecond: usage?.prefillTokensPerSecond,
    decodeTokensPerSecond: usage?.decodeTokensPerSecond,
    totalSeconds: Math.round(totalSeconds * 100) / 100,
  };
}
