import { useEffect, useState } from 'react';
import { chooseEngine, detectEngines, ENGINES, type Availability } from '@/lib/llm/registry';
import type { EngineChoice } from '@/lib/settings/shape';

export type ModelAvailability = Availability;

/**
 * Whether a model could write the analysis in this browser, without loading one: the engines the setting
 * allows are detected in the registry's order (lib/llm/registry.ts) and its one policy picks. The popup
 * offers the model only then, and says why not otherwise. Undefined while checking.
 */
export function useModelAvailability(engine: EngineChoice | undefined): ModelAvailability | undefined {
  const [state, setState] = useState<ModelAvailability>();
  useEffect(() => {
    if (!engine) return;
    let live = true;
    void detectEngines(engine).then((found) => {
      const chosen = chooseEngine(engine, found);
      if (!live) return;
      if (chosen.key) setState({ canRun: true });
      else setState({ canRun: false, reason: engine === 'auto' || engine === 'webllm' ? chosen.reason : `${ENGINES[engine].label} is not available in this browser (Options → Engine)` });
    });
    return () => {
      live = false;
    };
  }, [engine]);
  return state;
}
