/**
 * The page's model: GPU detection, the ladder (ModelHost), consent before the first download, load
 * progress. Shared by the report page and the side panel; the model itself runs in a Web Worker.
 */
import { useEffect, useMemo, useState } from 'react';
import { createEngine, gpuInfo } from '@/lib/llm/factory';
import { ModelHost } from '@/lib/llm/host';
import { formatMB, type GpuInfo, type ModelChoice } from '@/lib/llm/models';
import type { ChatEngine, LoadProgress } from '@/lib/llm/engine';
import { type Settings } from '@/lib/settings/shape';
import { updateSettings } from '@/lib/settings/storage';

export interface ModelState {
  gpu: GpuInfo | undefined;
  choice: ModelChoice | null;
  /** Why the offline analyser is used, in words, when there is no model to use. */
  offlineReason: string | null;
  needsConsent: boolean;
  consentText: string;
  progress: LoadProgress | null;
  consent: () => Promise<void>;
  /** Loads (or reuses) the engine; null when no model can run. */
  acquire: (signal?: AbortSignal) => Promise<ChatEngine | null>;
  host: ModelHost | null;
}

export function useModel(settings: Settings | undefined): ModelState {
  const [gpu, setGpu] = useState<GpuInfo>();
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  useEffect(() => {
    void gpuInfo().then(setGpu);
  }, []);
  const host = useMemo(
    () =>
      gpu && settings
        ? new ModelHost({
            gpu,
            preferred: settings.model,
            ceiling: settings.modelCeiling,
            createEngine,
            rememberCeiling: async (modelCeiling) => void (await updateSettings({ modelCeiling })),
          })
        : null,
    // A new host only when what it is built from changes (not on every settings write).
    [gpu, settings?.model],
  );
  useEffect(() => () => void host?.release(), [host]);
  const choice = host?.choice ?? null;
  const offlineReason = !gpu
    ? null
    : !gpu.available
      ? `No model: ${gpu.reason}. The analysis comes from the offline analyser.`
      : !choice
        ? 'No model: every model failed on this GPU before (see Options to try again). The analysis comes from the offline analyser.'
        : null;
  const needsConsent = !!choice && !!settings && !settings.modelConsent.includes(choice.id);
  return {
    gpu,
    choice,
    offlineReason,
    needsConsent,
    consentText: choice
      ? `${choice.family} (${choice.quantization}) runs on your GPU (${gpu?.description}). The first time, WebLLM downloads about ${formatMB(choice.downloadMB)} of weights from its model hosts (it needs about ${formatMB(choice.vramMB)} of GPU memory); they stay in this browser's cache, and nothing about your browsing is sent.`
      : '',
    progress,
    consent: async () => {
      if (choice && settings) await updateSettings({ modelConsent: [...settings.modelConsent, choice.id] });
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
