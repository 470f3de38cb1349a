/**
 * The model engines, declared once: how each is detected (without loading a model), what it needs, its
 * label, and the one policy that picks an engine from the user's setting. The hooks (useModel,
 * useModelAvailability) and Options read it from here.
 *
 * WebLLM's engine is built by factory.ts: in a test build (RTR_TEST=1) the fake engine stands in for it,
 * behind the same ladder, so the browser tests drive the whole flow without a GPU or weights.
 */
import { canUseChromeModel, CHROME_MODEL_ID, chromeAvailability } from './chrome-ai';
import { gpuInfo } from './factory';

import type { EngineChoice, EngineKey } from './engine-keys';

export type { EngineChoice, EngineKey };
export type Availability = { canRun: true } | { canRun: false; reason: string };

export interface EngineSpec {
  /** Shown in Options' engine list, and by pages as who writes. */
  label: string;
  /** The model id it writes under (cache keys, "Written by"); null where the ladder picks a model (WebLLM). */
  modelId: string | null;
  /** The Options entry that chooses this engine alone. */
  only: string;
  /** What it needs, in words. */
  needs: string;
  /** The languages it writes (ISO 639-1 codes), or 'any'; `writesOnly` says which in words. */
  writes: readonly string[] | 'any';
  writesOnly?: string;
  /** Whether it could run here, without loading a model. */
  detect(): Promise<Availability>;
}

/** A key of EngineKey without its line here, or a line without its key, is a compile error. */
export const ENGINES: { [K in EngineKey]: EngineSpec } = {
  chrome: {
    label: "Chrome's built-in model",
    modelId: CHROME_MODEL_ID,
    only: "Chrome's built-in model only (Gemini Nano; Chrome downloads and keeps it)",
    needs: "Chrome 138 or later with its Prompt API, on hardware Chrome's built-in model supports",
    // Chrome's Prompt API: its model writes these output languages only.
    writes: ['en', 'de', 'es', 'fr', 'ja'],
    writesOnly: 'English, German, Spanish, French and Japanese',
    detect: async () => {
      const a = await chromeAvailability();
      if (canUseChromeModel(a)) return { canRun: true };
      return { canRun: false, reason: `Chrome's built-in model is ${a === 'absent' ? 'not in this browser (it needs Chrome 138 or later)' : 'not available on this device'}` };
    },
  },
  webllm: {
    label: 'WebLLM',
    modelId: null,
    only: 'WebLLM only (a model of the list below, on your GPU)',
    needs: 'a GPU WebGPU can use, and a one-time download of the model (after you agree)',
    writes: 'any',
    detect: async () => {
      const gpu = await gpuInfo();
      return gpu.available ? { canRun: true } : { canRun: false, reason: gpu.reason ?? 'no usable GPU' };
    },
  },
};

/** The order "Automatic" tries them in: Chrome's own model first (nothing to download), then WebLLM. */
export const ENGINE_ORDER: readonly EngineKey[] = ['chrome', 'webllm'];

/** Options' entry for "auto": "Automatic: Chrome's built-in model where it can run, else WebLLM". */
export const AUTOMATIC_LABEL = `Automatic: ${ENGINE_ORDER.map((k) => ENGINES[k].label).join(' where it can run, else ')}`;

/**
 * The one choice policy: the first engine the setting allows (in ENGINE_ORDER) that writes the report's
 * language and can run. None: the reason of the last engine allowed (the one a user would look to).
 */
export function chooseEngine(setting: EngineChoice, found: Partial<Record<EngineKey, Availability>>, lang = 'en'): { key: EngineKey } | { key: null; reason: string } {
  const allowed = ENGINE_ORDER.filter((k) => setting === 'auto' || setting === k);
  let reason = 'no engine is allowed';
  for (const key of allowed) {
    if (!writes(key, lang)) {
      reason = `${ENGINES[key].label} writes only ${ENGINES[key].writesOnly}`;
      continue;
    }
    const a = found[key];
    if (a?.canRun) return { key };
    reason = a ? a.reason : `${ENGINES[key].label} was not checked`;
  }
  return { key: null, reason };
}

/** Whether an engine writes a language (the report's: "en", "zh"). */
export const writes = (key: EngineKey, lang: string) => ENGINES[key].writes === 'any' || ENGINES[key].writes.includes(lang);

/** Detects the engines a setting allows (and that write the language), in order, stopping at the first that can run. */
export async function detectEngines(setting: EngineChoice, lang = 'en'): Promise<Partial<Record<EngineKey, Availability>>> {
  const found: Partial<Record<EngineKey, Availability>> = {};
  for (const key of ENGINE_ORDER) {
    if ((setting !== 'auto' && setting !== key) || !writes(key, lang)) continue;
    found[key] = await ENGINES[key].detect();
    if (found[key]!.canRun) break;
  }
  return found;
}
