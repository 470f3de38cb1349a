// Test builds only: exposes the benchmark stages to scripts/bench.ts (see bench/perf.ts).
import { stages } from '@/bench/perf';

(window as unknown as { rtrPerf: typeof stages }).rtrPerf = stages;
document.title = 'perf ready';
