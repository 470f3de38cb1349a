import { useEffect, useState } from 'react';
import { chooseEngine, detectEngines, ENGINES, writes, type Availability } from '@/lib/llm/registry';
import type { EngineChoice } from '@/lib/settings/shape';

export type ModelAvailability = Availability;

/**
 * Whether a model could write the analysis in this browser, without loading one: the engines the setting
 * allows are detected in the registry's order (lib/llm/registry.ts) and its one policy picks. The popup
 * offers the model only then, and says why not otherwise. Undefined while checking.
 */
export function useModelAvailability(engine: EngineChoice | undefined, lang = 'en'): ModelAvailability | undefined {
  const [state, setState] = useState<ModelAvailability>();
  useEffect(() => {
    if (!engine) return;
    let live = true;
    void detectEngines(engine, lang).then((found) => {
      const chosen = chooseEngine(engine, found, lang);
      if (!live) return;
      if (chosen.key) setState({ canRun: true });
      else
        setState({
          canRun: false,
          reason: engine === 'auto' || engine === 'webllm' || !writes(engine, lang) ? chosen.reason : `${ENGINES[engine].label} is not available in this browser (Options → Engine)`,
        });
    });
    return () => {
      live = false;
    };
  }, [engine, lang]);
  return state;
}
