import { useEffect, useState } from 'react';
import { gpuInfo } from '@/lib/llm/factory';
import { canUseChromeModel, chromeAvailability } from '@/lib/llm/chrome-ai';
import type { EngineChoice } from '@/lib/settings/shape';

export type ModelAvailability = { canRun: true } | { canRun: false; reason: string };

/**
 * Whether a model could write the analysis in this browser, without loading one: Chrome's built-in model
 * says it can run (or fetch) it, or WebGPU has a usable adapter. The popup offers the model only then,
 * and says why not otherwise. Undefined while checking.
 */
export function useModelAvailability(engine: EngineChoice | undefined): ModelAvailability | undefined {
  const [state, setState] = useState<ModelAvailability>();
  useEffect(() => {
    if (!engine) return;
    let live = true;
    void (async () => {
      const chrome = engine === 'webllm' ? 'absent' : await chromeAvailability();
      if (canUseChromeModel(chrome)) return live && setState({ canRun: true });
      if (engine === 'chrome') return live && setState({ canRun: false, reason: "Chrome's built-in model is not available in this browser (Options → Engine)" });
      const gpu = await gpuInfo();
      if (live) setState(gpu.available ? { canRun: true } : { canRun: false, reason: gpu.reason ?? 'no usable GPU' });
    })();
    return () => {
      live = false;
    };
  }, [engine]);
  return state;
}
