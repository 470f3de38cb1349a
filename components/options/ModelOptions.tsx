import { useEffect, useState } from 'react';
import { gpuInfo } from '@/lib/llm/factory';
import { chromeAvailability, type ChromeAvailability } from '@/lib/llm/chrome-ai';
import { parseMirror } from '@/lib/llm/mirror';
import { AUTOMATIC_LABEL, ENGINE_ORDER, ENGINES } from '@/lib/llm/registry';
import { chooseModel, formatMB, LADDER, modelChoice, type GpuInfo, type ModelFamily } from '@/lib/llm/models';
import type { EngineChoice, Settings } from '@/lib/settings/shape';
import { dropArticleAccess, requestArticleAccess, storageUsed } from '../hooks/browser';

const LABEL: Record<ModelFamily, string> = {
  'Llama-3.2-3B-Instruct': 'Llama 3.2 3B Instruct — best quality, needs a stronger GPU',
  'Qwen2.5-1.5B-Instruct': 'Qwen 2.5 1.5B Instruct — the default',
  'Llama-3.2-1B-Instruct': 'Llama 3.2 1B Instruct — for weak GPUs',
};

/** Model choice, the GPU, space used, removing downloaded models, and "Read linked articles". */
export function ModelOptions({ settings, update }: { settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const [gpu, setGpu] = useState<GpuInfo>();
  const [used, setUsed] = useState<number | null>();
  const [cached, setCached] = useState<string[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [chrome, setChrome] = useState<ChromeAvailability | 'absent'>();
  const [mirror, setMirror] = useState(settings.modelMirror);
  const [mirrorError, setMirrorError] = useState<string | null>(null);
  useEffect(() => {
    void gpuInfo().then(setGpu);
    void storageUsed().then(setUsed);
    void chromeAvailability().then(setChrome);
  }, []);
  // Applied on blur or Enter, never on each keystroke; a bad address says what is wrong and is not saved.
  const applyMirror = async () => {
    const parsed = parseMirror(mirror);
    if (!parsed.ok) return setMirrorError(parsed.error);
    setMirrorError(null);
    setMirror(parsed.url);
    if (parsed.url !== settings.modelMirror) await update({ modelMirror: parsed.url });
  };
  const choice = gpu ? chooseModel(gpu, settings.model, settings.modelCeiling ?? undefined) : null;
  const ids = LADDER.flatMap((f) => [modelChoice(f, true).id, modelChoice(f, false).id]);

  const checkCache = async () => {
    if (import.meta.env.RTR_NO_WEBLLM === true) return setCached([]);
    const { modelInCache } = await import('@/lib/llm/webllm');
    const present: string[] = [];
    for (const id of ids) if (await modelInCache(id)) present.push(id);
    setCached(present);
  };
  const remove = async () => {
    if (import.meta.env.RTR_NO_WEBLLM === true) return;
    const { removeModelFromCache } = await import('@/lib/llm/webllm');
    for (const id of cached ?? []) await removeModelFromCache(id);
    await update({ modelConsent: [] });
    setCached([]);
    setUsed(await storageUsed());
    setNote('Downloaded models removed. The next analysis with a model asks before downloading again.');
  };
  const toggleArticles = async (on: boolean) => {
    if (on && !(await requestArticleAccess())) return setNote('Permission not granted: linked articles stay unread.');
    if (!on) await dropArticleAccess();
    await update({ readArticles: on });
  };

  return (
    <section className="options-section" aria-labelledby="model-h">
      <h2 id="model-h">Language model</h2>
      <p className="muted">
        {!gpu
          ? 'Checking the GPU…'
          : gpu.available
            ? `GPU: ${gpu.description}${gpu.shaderF16 ? ' (shader-f16)' : ''}. Will use: ${choice ? choice.id : 'no model (every model failed before)'}.`
            : `No model here: ${gpu.reason}. Analyses come from the offline analyser.`}
      </p>
      <label>
        Engine{' '}
        <select value={settings.engine} onChange={(e) => void update({ engine: e.target.value as EngineChoice })} data-testid="engine-choice">
          <option value="auto">{AUTOMATIC_LABEL}</option>
          {ENGINE_ORDER.map((k) => (
            <option key={k} value={k}>
              {ENGINES[k].only}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" data-testid="chrome-model">
        {chrome === undefined
          ? "Checking Chrome's built-in model…"
          : chrome === 'absent'
            ? "Chrome's built-in model: not in this browser (the Prompt API needs Chrome 138 or later)."
            : chrome === 'unavailable'
              ? "Chrome's built-in model: not available on this device (Chrome's hardware and disk requirements)."
              : `Chrome's built-in model: ${chrome === 'available' ? 'ready' : 'Chrome downloads it on first use'}.`}
      </p>
      <label>
        Model{' '}
        <select value={settings.model} onChange={(e) => void update({ model: e.target.value as ModelFamily, modelCeiling: null })} data-testid="model-choice">
          {LADDER.map((f) => (
            <option key={f} value={f}>{`${LABEL[f]} (about ${formatMB(modelChoice(f, gpu?.shaderF16 ?? true).downloadMB)})`}</option>
          ))}
        </select>
      </label>
      {settings.modelCeiling && (
        <p className="note">
          After a GPU failure this browser uses {settings.modelCeiling === 'none' ? 'no model' : settings.modelCeiling} at most.{' '}
          <button type="button" onClick={() => void update({ modelCeiling: null })}>Try the chosen model again</button>
        </p>
      )}
      <p>
        Storage used by Reddit Trend Radar (captures and downloaded models): <strong data-testid="storage-used">{used == null ? '…' : formatMB(used / 1e6)}</strong>.{' '}
        <button type="button" onClick={() => void checkCache()}>Show downloaded models</button>
      </p>
      {cached && (
        <p>
          {cached.length ? `Downloaded: ${cached.join(', ')}. ` : 'No model downloaded. '}
          {cached.length > 0 && <button type="button" onClick={() => void remove()}>Remove downloaded models</button>}
        </p>
      )}
      <label>
        WebLLM mirror (optional){' '}
        <input
          type="url"
          value={mirror}
          placeholder="https://models.example.org/webllm"
          onChange={(e) => setMirror(e.target.value)}
          onBlur={() => void applyMirror()}
          onKeyDown={(e) => e.key === 'Enter' && void applyMirror()}
          aria-invalid={!!mirrorError}
          aria-describedby="mirror-help"
          data-testid="model-mirror"
        />
      </label>
      <p className="muted" id="mirror-help">
        Weights and model libraries from your own server instead of Hugging Face and GitHub: {'<mirror>/<model id>/resolve/main/…'} and {'<mirror>/libs/<library>.wasm'}, served with CORS. Empty: WebLLM's own hosts.
      </p>
      {mirrorError && <p className="status error" role="alert" data-testid="mirror-error">{mirrorError}</p>}
      <label className="switch">
        <input type="checkbox" checked={settings.readArticles} onChange={(e) => void toggleArticles(e.target.checked)} data-testid="read-articles" />
        Read linked articles: fetch the article a link post points at and add its text to the analysis (asks for permission to read web pages; off by default)
      </label>
      {note && <p className="note" role="status">{note}</p>}
    </section>
  );
}
