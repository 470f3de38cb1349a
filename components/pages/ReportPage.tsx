import { useEffect, useState } from 'react';
import { reportFilename } from '@/lib/export/markdown';
import { SearchPanel } from '../panels/SearchPanel';
import { AskPanel } from '../panels/AskPanel';
import { dayEndLabel } from '@/lib/rank/day';
import type { Analysis } from '@/lib/analysis/sections';
import { AnalysisPanel } from '../panels/AnalysisPanel';
import { PostTools } from '../panels/PostTools';
import { ReviewPanel } from '../panels/ReviewPanel';
import { Guard } from '../ui/Guard';
import { TrendView } from '../panels/TrendView';
import { StoryList } from '../panels/StoriesPanel';
import { copyMarkdown, downloadMarkdown, fetchArticles } from '../hooks/store';
import { useAnalysisInput } from '../hooks/useAnalysisInput';
import { localZone, useReport } from '../hooks/useReport';
import { useSettings } from '../hooks/useSettings';
import { useStoreStats } from '../hooks/useStoreStats';
import { useModel } from '../hooks/useModel';
import { formatAgo } from '../ui/format';
import { useAction } from '../hooks/useAction';
import { ReportDate } from '../ui/ReportDate';

/** The full report in a tab: tables, the analysis (where the model runs), a post's TL;DR, period reviews. */
export function ReportPage() {
  const params = new URLSearchParams(location.search);
  const postId = params.get('post');
  const today = new Date().toISOString().slice(0, 10);
  const [date, setDate] = useState<string | null>(params.get('date') && params.get('date')! < today ? params.get('date') : null);
  const [settings] = useSettings();
  const stats = useStoreStats();
  const report = useReport(date, settings);
  const input = useAnalysisInput(report, settings, { articles: settings?.readArticles });
  // "Read linked articles": fetch the articles of the posts read in detail; the input updates live.
  useEffect(() => {
    if (!input || !settings?.readArticles) return;
    void fetchArticles(input);
  }, [input, settings?.readArticles]);
  const model = useModel(settings);
  const [analysis, setAnalysis] = useState<Analysis>();
  const { note, act } = useAction();


  return (
    <main className="report-page">
      <header className="bar">
        <h1>Reddit Trend Radar — report</h1>
        <ReportDate date={date} onChange={setDate} dayEnd={settings && report ? dayEndLabel(settings.dayEnds, localZone(), report.at) : undefined} />
        <span className="muted">
          {stats ? `${stats.posts} posts captured · last capture ${stats.lastCaptureAt ? formatAgo(stats.lastCaptureAt, Date.now()) : 'never'}` : 'Reading…'}
        </span>
      </header>
      <details className="report-search">
        <summary>Search everything you have seen</summary>
        <SearchPanel />
      </details>
      {settings && (
        <details className="report-ask">
          <summary>Ask your history</summary>
          <Guard what="Ask">
            <AskPanel model={model} settings={settings} heading={false} />
          </Guard>
        </details>
      )}
      {postId && (
        <div className="card">
          <PostTools postId={postId} model={model} />
        </div>
      )}
      {!report || !settings || !input ? (
        <p className="muted">Ranking…</p>
      ) : (
        <>
          <TrendView report={report} pastDate={date} stories={<Guard what="Stories"><StoryList insight={input.insight} details={input.details} /></Guard>} />
          <div className="actions">
            <button type="button" onClick={() => act(() => downloadMarkdown(report, settings, analysis), `Saved ${reportFilename(report, settings.reportLanguage)}.`)}>Export Markdown</button>
            <button type="button" onClick={() => act(() => copyMarkdown(report, settings, analysis), 'Report copied to the clipboard.')}>Copy</button>
            {note && <span role={note.kind === 'error' ? 'alert' : 'status'} className={`status ${note.kind}`}>{note.text}</span>}
          </div>
          <Guard what="The analysis">
            <AnalysisPanel input={input} settings={settings} model={model} onAnalysis={setAnalysis} />
          </Guard>
          <Guard what="The review">
            <ReviewPanel settings={settings} model={model} />
          </Guard>
        </>
      )}
    </main>
  );
}
