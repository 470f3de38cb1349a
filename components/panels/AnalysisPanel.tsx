import { useEffect, useRef, useState } from 'react';
import { ANALYSIS_SECTIONS, type Analysis, type AnalysisSection, type SectionKey } from '@/lib/analysis/sections';
import { analyse } from '@/lib/analysis/analyse';
import { offlineAnalysis } from '@/lib/analysis/offline';
import type { AnalysisInput } from '@/lib/analysis/input';
import { generationCache, loadSavedAnalysis, saveAnalysisFor } from '../hooks/store';
import { OFFLINE_SOURCE } from '@/lib/analysis/offline';
import type { Settings } from '@/lib/settings/shape';
import { Markdown } from '../ui/Markdown';
import { NameCharts } from '../ui/NameCharts';
import type { ModelState } from '../hooks/useModel';

type Shown = Record<SectionKey, AnalysisSection & { streaming?: boolean; fromCache?: boolean }>;

/** The five analysis sections: offline at once, then the model's, streamed, with Stop. */
export function AnalysisPanel({ input, settings, model, onAnalysis }: {
  input: AnalysisInput;
  settings: Settings;
  model: ModelState;
  onAnalysis: (a: Analysis) => void;
}) {
  const lang = settings.reportLanguage;
  const [shown, setShown] = useState<Shown>(() => offlineAnalysis(input, lang));
  const [status, setStatus] = useState<'idle' | 'loading' | 'generating' | 'done' | 'stopped'>('idle');
  const [note, setNote] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const offline = offlineAnalysis(input, lang);
    setShown(offline);
    onAnalysis(offline);
    setStatus('idle');
    // Reopening: what a model wrote for this day is shown at once, from the cache.
    let live = true;
    void loadSavedAnalysis(input.report.date, settings).then((saved) => {
      if (!live || !saved) return;
      const cached = Object.fromEntries(
        Object.entries(saved.analysis).map(([k, s]) => [k, { ...s, fromCache: s.source !== OFFLINE_SOURCE }]),
      ) as Shown;
      setShown(cached);
      onAnalysis(saved.analysis);
      setStatus('done');
    });
    return () => {
      live = false;
    };
    // A new report, not every database change: a capture elsewhere must not wipe a stream being written.
  }, [input.report.at, input.report.date, lang]);

  const run = async (regenerate: boolean) => {
    const controller = new AbortController();
    abort.current = controller;
    setNote(null);
    setStatus('loading');
    try {
      const engine = await model.acquire(controller.signal);
      if (!engine) {
        setNote(model.offlineReason ?? 'No model could be loaded; the offline analyser wrote every section.');
        setStatus('done');
        return;
      }
      setStatus('generating');
      const result = await analyse(input, engine, generationCache(), {
        lang,
        signal: controller.signal,
        regenerate,
        onSectionStart: (key) => setShown((s) => ({ ...s, [key]: { body: '', source: engine.modelId, streaming: true } })),
        onToken: (key, t) => setShown((s) => ({ ...s, [key]: { ...s[key], body: s[key].body + t } })),
        onSection: (key, section, fromCache) => setShown((s) => ({ ...s, [key]: { ...section, fromCache } })),
      });
      onAnalysis(result.analysis);
      model.host?.touch();
      if (Object.values(result.analysis).some((s) => s.source === engine.modelId))
        await saveAnalysisFor(input.report.date, settings, { analysis: result.analysis, at: input.report.at });
      if (result.failure) {
        await model.host?.failed(result.failure);
        setNote(`The GPU failed (${result.failure}); the remaining sections come from the offline analyser. A smaller model will be used next time.`);
      } else if (result.sectionErrors.length) {
        setNote(`The model could not write ${result.sectionErrors.length} section(s); the offline analyser stands in: ${result.sectionErrors.join('; ')}`);
      }
      setStatus(result.stopped ? 'stopped' : 'done');
    } catch (e) {
      setNote(`The model could not start: ${(e as Error).message}. The offline analysis is shown.`);
      setStatus('done');
    } finally {
      abort.current = null;
    }
  };

  const busy = status === 'loading' || status === 'generating';
  return (
    <section className="analysis" aria-label="Trend analysis" aria-busy={busy}>
      <div className="analysis-bar">
        <h2>Trend Analysis</h2>
        {model.offlineReason ? (
          <p className="note" role="note" data-testid="offline-note">{model.offlineReason}</p>
        ) : model.choice && !model.needsConsent ? (
          <>
            {busy ? (
              <button type="button" onClick={() => abort.current?.abort()} data-testid="stop">Stop</button>
            ) : (
              <>
                <button type="button" onClick={() => void run(false)} data-testid="generate">Generate with {model.choice.family}</button>
                {status !== 'idle' && <button type="button" onClick={() => void run(true)}>Regenerate</button>}
              </>
            )}
          </>
        ) : null}
        {status === 'stopped' && <span className="muted" role="status">Stopped. The sections not written come from the offline analyser.</span>}
      </div>
      {model.needsConsent && !model.offlineReason && (
        <div className="consent" role="dialog" aria-label="Download the model?" data-testid="consent">
          <p>{model.consentText}</p>
          <button type="button" onClick={() => void model.consent().then(() => run(false))}>Download and generate</button>
        </div>
      )}
      {model.progress && (
        <div className="progress" data-testid="progress">
          <progress max={1} value={model.progress.progress} /> <span className="muted">{model.progress.text}</span>
        </div>
      )}
      {note && <p className="note" role="alert">{note}</p>}
      {ANALYSIS_SECTIONS.map(({ key, title, zh }) => {
        const s = shown[key];
        return (
          <article key={key} className="section" data-testid={`section-${key}`} data-source={s.source} aria-live={s.streaming ? 'polite' : undefined}>
            <h3>{lang === 'zh' ? zh : title}</h3>
            <Markdown text={s.body || '…'} />
            {!s.streaming && s.body && <NameCharts text={s.body} insight={input.insight} />}
            <p className="muted source">
              Written by: {s.source}
              {s.fromCache ? ' · from cache' : ''}
              {s.streaming ? ' · writing…' : ''}
            </p>
          </article>
        );
      })}
    </section>
  );
}
