/**
 * The page's model: GPU detection, the ladder (ModelHost), consent before the first download, load
 * progress. Shared by the report page and the side panel; the model itself runs in a Web Worker.
 */
import { useEffect, useMemo, useState } from 'react';
import { createEngine, gpuInfo } from '@/lib/llm/factory';
import { ModelHost, SingleEngineHost, type EngineHost } from '@/lib/llm/host';
import { canUseChromeModel, ChromeEngine, chromeAvailability, languageModelApi, type ChromeAvailability } from '@/lib/llm/chrome-ai';
import { chooseEngine, ENGINES, writes } from '@/lib/llm/registry';
import { formatMB, type GpuInfo, type ModelChoice } from '@/lib/llm/models';
import type { ChatEngine, LoadProgress } from '@/lib/llm/engine';
import { type Settings } from '@/lib/settings/shape';
import { updateSettings } from '@/lib/storage/settings';

/** The model a page would use: a WebLLM model, or Chrome's built-in one. */
export type EngineLabel = Pick<ModelChoice, 'id'> & { family: string };

export interface ModelState {
  gpu: GpuInfo | undefined;
  choice: EngineLabel | null;
  /** Why the offline analyser is used, in words, when there is no model to use. */
  offlineReason: string | null;
  needsConsent: boolean;
  consentText: string;
  progress: LoadProgress | null;
  consent: () => Promise<void>;
  /** Loads (or reuses) the engine; null when no model can run. */
  acquire: (signal?: AbortSignal) => Promise<ChatEngine | null>;
  host: EngineHost | null;
}


export function useModel(settings: Settings | undefined): ModelState {
  const [gpu, setGpu] = useState<GpuInfo>();
  const [chrome, setChrome] = useState<ChromeAvailability | 'absent'>();
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  useEffect(() => {
    void gpuInfo().then(setGpu);
    void chromeAvailability().then(setChrome);
  }, []);
  // The registry's one policy (lib/llm/registry.ts) picks the engine from the setting and what was found.
  const chosen = settings && gpu && chrome !== undefined
    ? chooseEngine(settings.engine, {
        chrome: canUseChromeModel(chrome) ? { canRun: true } : { canRun: false, reason: 'not here' },
        webllm: gpu.available ? { canRun: true } : { canRun: false, reason: gpu.reason ?? 'no usable GPU' },
      }, settings.reportLanguage)
    : null;
  const useChrome = chosen?.key === 'chrome';
  const host = useMemo<ModelHost | SingleEngineHost | null>(() => {
    if (!settings || !gpu || chrome === undefined) return null;
    const api = languageModelApi();
    if (useChrome && api) return new SingleEngineHost(() => new ChromeEngine(api));
    if (settings.engine === 'chrome') return null;
    return new ModelHost({
      gpu,
      preferred: settings.model,
      ceiling: settings.modelCeiling,
      createEngine: (choice) => createEngine(choice, settings.modelMirror),
      rememberCeiling: async (modelCeiling) => void (await updateSettings({ modelCeiling })),
    });
    // A new host only when what it is built from changes (not on every settings write).
  }, [gpu, chrome, useChrome, settings?.model, settings?.engine, settings?.modelMirror]);
  useEffect(() => () => void host?.release(), [host]);
  const webllm = host instanceof ModelHost ? host.choice : null;
  // Who writes: the chosen engine's model id (a single-engine host is the one the registry chose, not "Chrome" by default).
  const single = useChrome ? ENGINES.chrome.modelId : null;
  const choice: EngineLabel | null = host instanceof SingleEngineHost && single ? { id: single, family: single } : webllm;
  const offlineReason = !gpu || chrome === undefined || !settings
    ? null
    : settings.engine === 'chrome' && !writes('chrome', settings.reportLanguage)
      ? `No model: Chrome's built-in model writes only ${ENGINES.chrome.writesOnly}. For this report's language choose "WebLLM" or "Automatic" in Options; the analysis comes from the offline analyser.`
      : settings.engine === 'chrome' && !useChrome
      ? `No model: Chrome's built-in model is ${chrome === 'absent' ? 'not in this browser (it needs Chrome 138 or later)' : 'not available on this device'}. Choose "WebLLM" or "Automatic" in Options; the analysis comes from the offline analyser.`
      : useChrome
        ? null
        : !gpu.available
          ? `No model: ${gpu.reason}. The analysis comes from the offline analyser.`
          : !choice
            ? 'No model: every model failed on this GPU before (see Options to try again). The analysis comes from the offline analyser.'
            : null;
  // Chrome downloads its own model (and asks nothing of ours); WebLLM's download needs the user's yes.
  const needsConsent = !!webllm && !!settings && !settings.modelConsent.includes(webllm.id);
  return {
    gpu,
    choice,
    offlineReason,
    needsConsent,
    consentText: webllm
      ? `${webllm.family} (${webllm.quantization}) runs on your GPU (${gpu?.description}). The first time, WebLLM downloads about ${formatMB(webllm.downloadMB)} of weights from ${settings?.modelMirror ? `your mirror (${settings.modelMirror})` : 'its model hosts'} (it needs about ${formatMB(webllm.vramMB)} of GPU memory); they stay in this browser's cache, and nothing about your browsing is sent.`
      : '',
    progress,
    consent: async () => {
      if (webllm && settings) await updateSettings({ modelConsent: [...settings.modelConsent, webllm.id] });
    },
    acquire: async (signal) => {
      if (!host) return null;
      setProgress({ progress: 0, text: 'Starting the model…' });
      try {
        return await host.acquire(setProgress, signal);
      } finally {
        setProgress(null);
      }
    },
    host,
  };
}
