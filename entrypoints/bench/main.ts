/**
 * bench.html?model=<WebLLM model id>&tokens=N — loads a real model through the same adapter the report
 * page uses, runs one fixed prompt, and shows load time and WebLLM's own usage figures (prefill and
 * decode tokens per second) as JSON in #result. Driven by `node scripts/webllm-bench.mjs` on a GPU machine.
 */
import { runBench } from '@/bench/webllm';

const status = document.getElementById('status')!;
const out = document.getElementById('result')!;
const params = new URLSearchParams(location.search);
runBench(params.get('model') ?? 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', Number(params.get('tokens') ?? 256), (t) => (status.textContent = t))
  .then((r) => (out.textContent = JSON.stringify(r)))
  .catch((e: Error) => (out.textContent = JSON.stringify({ error: `${e.name}: ${e.message}` })));
