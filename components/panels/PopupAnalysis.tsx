import { useMemo } from 'react';
import { ANALYSIS_SECTIONS } from '@/lib/analysis/sections';
import { offlineAnalysis } from '@/lib/analysis/offline';
import type { SavedAnalysis } from '../hooks/store';
import { useAnalysisInput } from '../hooks/useAnalysisInput';
import type { TrendReport } from '@/lib/rank/types';
import type { Settings } from '@/lib/settings/shape';
import { openReportPage } from '../hooks/browser';
import { useModelAvailability } from '../hooks/useModelAvailability';
import { Markdown } from '../ui/Markdown';

/**
 * The popup's analysis: what a model last wrote for this day, else the offline analyser's. A popup
 * closes when it loses focus, so the model runs in the report page; this offers to open it.
 */
export function PopupAnalysis({ report, settings, saved }: { report: TrendReport; settings: Settings; saved: SavedAnalysis | null | undefined }) {
  const input = useAnalysisInput(report, settings, { skip: saved !== null });
  const available = useModelAvailability(settings.engine, settings.reportLanguage);
  const offline = useMemo(() => (input ? offlineAnalysis(input, settings.reportLanguage) : undefined), [input, settings.reportLanguage]);
  const analysis = saved?.analysis ?? offline;
  const model = saved ? Object.values(saved.analysis).find((s) => s.source !== 'offline analyser')?.source : null;
  return (
    <div className="popup-analysis">
      <p className="muted" data-testid="analysis-source">
        {model ? `Written by ${model} (cached).` : 'Written by the offline analyser.'}{' '}
        {model || available?.canRun ? (
          <button type="button" onClick={() => openReportPage(report.at < Date.now() - 86_400_000 ? { date: report.date } : {})} data-testid="open-report">
            {model ? 'Open the full report' : 'Generate with the model…'}
          </button>
        ) : available ? (
          <span data-testid="no-model">No model here: {available.reason}.</span>
        ) : null}
      </p>
      {analysis &&
        ANALYSIS_SECTIONS.map(({ key, title, zh }) => (
          <article key={key} className="section">
            <h3>{settings.reportLanguage === 'zh' ? zh : title}</h3>
            <Markdown text={analysis[key].body} />
          </article>
        ))}
    </div>
  );
}
