import { useEffect, useRef, useState } from 'react';
import { reportFilename } from '@/lib/export/markdown';
import { dayEndLabel } from '@/lib/rank/day';
import { DataSection } from '../panels/DataSection';
import { addSample, copyMarkdown, downloadCsv, downloadMarkdown, downloadNotesMarkdown, dropSample, restoreBackup } from '../hooks/store';
import { TABLE, TABLES, type TableKey } from '@/lib/rank/tables';
import { openOptionsPage, openSidebarFromPage } from '../hooks/browser';
import { useCaptureStatus } from '../hooks/useCaptureStatus';
import { localZone, useReport } from '../hooks/useReport';
import { useSavedAnalysis } from '../hooks/useSavedAnalysis';
import { useSettings } from '../hooks/useSettings';
import { useStoreStats } from '../hooks/useStoreStats';
import { useRestoreOffer } from '../hooks/useRestoreOffer';
import { useCaptureHealth } from '../hooks/useCaptureHealth';
import { HealthWarnings } from '../ui/HealthWarnings';
import { lazy, Suspense } from 'react';

// The analysis tab's code (the offline analyser, the Markdown view) loads when the tab opens.
const PopupAnalysis = lazy(() => import('../panels/PopupAnalysis').then((m) => ({ default: m.PopupAnalysis })));
const StoriesPanel = lazy(() => import('../panels/StoriesPanel').then((m) => ({ default: m.StoriesPanel })));
const SearchPanel = lazy(() => import('../panels/SearchPanel').then((m) => ({ default: m.SearchPanel })));
import { formatAgo } from '../ui/format';
import { useAction } from '../hooks/useAction';
import { ReportDate } from '../ui/ReportDate';
import { TrendView } from '../panels/TrendView';
import { UntrackedState } from '../panels/UntrackedState';
import { WatchesPanel } from '../panels/WatchesPanel';
import { Guard } from '../ui/Guard';
import { useWatchState } from '../hooks/useWatches';
import { unseenCount } from '@/lib/search/watch';
import { RefreshOffer, RefreshStatus } from '../panels/RefreshStatus';
import { askInSidePanel } from '../hooks/useAsk';

export function Popup() {
  const stats = useStoreStats();
  const [settings, update] = useSettings();
  const [date, setDate] = useState<string | null>(null);
  const report = useReport(date, settings);
  const saved = useSavedAnalysis(report, settings);
  const captureStatus = useCaptureStatus();
  const [offer, dismissOffer] = useRestoreOffer(stats && stats.posts - stats.samplePosts);
  const health = useCaptureHealth();
  const { note, act } = useAction();
  const [query, setQuery] = useState('');
  const searchBox = useRef<HTMLInputElement>(null);
  const watchState = useWatchState();
  const unseen = watchState ? unseenCount(watchState) : 0;
  // "/" focuses the search box (as on GitHub and Reddit), unless the user is typing somewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = !!t && (['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.isContentEditable);
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing) return;
      e.preventDefault();
      searchBox.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  // The live page is ready: the first paint of the stored table (entrypoints/popup/main.tsx) goes.
  const ready = Boolean(report && settings) || stats?.posts === 0;
  useEffect(() => {
    if (!ready) return;
    document.getElementById('first-paint')?.remove();
    // The frame that shows the live page, for npm run bench.
    requestAnimationFrame(() => performance.mark('live-page'));
  }, [ready]);


  return (
    <main className="popup">
      <header className="bar">
        <h1>Reddit Trend Radar</h1>
        {stats?.posts !== 0 && (
        <input
          ref={searchBox}
          type="search"
          className="search-box header-search"
          value={query}
          placeholder="Search everything seen  ( / )"
          aria-label="Search posts and comments you have seen"
          onChange={(e) => setQuery(e.target.value)}
          data-testid="search-input"
        />
        )}
        <ReportDate date={date} onChange={setDate} dayEnd={settings && report ? dayEndLabel(settings.dayEnds, localZone(), report.at) : undefined} />
        <span className="muted" data-testid="stats">
          {stats ? (
            <>
              <strong data-testid="stat-posts">{stats.posts}</strong> posts, <strong data-testid="stat-communities">{stats.communities}</strong>{' '}
              communities · last capture <span data-testid="stat-last">{stats.lastCaptureAt ? formatAgo(stats.lastCaptureAt, Date.now()) : 'never'}</span>
            </>
          ) : (
            'Reading…'
          )}
        </span>
        <label className="switch">
          <input
            type="checkbox"
            checked={settings?.captureEnabled ?? true}
            disabled={!settings}
            onChange={(e) => void update({ captureEnabled: e.target.checked })}
            data-testid="capture-toggle"
          />
          Capture {settings?.captureEnabled === false ? 'off' : 'on'}
        </label>
        {settings && <RefreshStatus settings={settings} button />}
      </header>

      {captureStatus && (
        <p className="banner" role="alert" data-testid="capture-status">
          {captureStatus.message}
        </p>
      )}
      <HealthWarnings health={health} />
      {offer && stats && (
        <p className="banner" role="alert" data-testid="restore-offer">
          {stats.posts === stats.samplePosts
            ? `Your captured history is empty, but the automatic backup of ${new Date(offer.at).toISOString().slice(0, 10)} holds ${offer.posts} posts. The browser may have discarded its database.`
            : `Your captured history holds ${stats.posts - stats.samplePosts} posts, but the automatic backup of ${new Date(offer.at).toISOString().slice(0, 10)} holds ${offer.posts}. The browser may have discarded part of its database; restoring merges the backup in and keeps everything you have.`}{' '}
          <button type="button" onClick={() => act(() => restoreBackup(offer.name), `Restored ${offer.posts} posts from the backup.`)} data-testid="restore-backup">
            Restore {offer.posts} posts
          </button>{' '}
          <button type="button" onClick={dismissOffer}>Not now</button>
        </p>
      )}
      {stats && stats.samplePosts > 0 && (
        <p className="banner" role="note" data-testid="sample-banner">
          Showing sample data ({stats.samplePosts} posts from a published report), marked “sample”.{' '}
          <button type="button" onClick={() => act(dropSample, 'Sample data removed.')}>Remove sample</button>
        </p>
      )}

      {stats && stats.posts === 0 ? (
        <section className="empty-state" data-testid="empty-state">
          <h2>Nothing captured yet</h2>
          <p>
            Browse Reddit as usual, new or old layout: every post you see is kept here, on this computer only, and the tables fill in. Tracked
            communities: {settings?.trackAll ? 'all of them' : settings?.tracked.map((s) => `r/${s}`).join(', ')}.
          </p>
          <button type="button" onClick={() => act(addSample, 'Sample data loaded.')} data-testid="load-sample">
            Load sample data
          </button>{' '}
          <button type="button" onClick={() => openOptionsPage()}>Options</button>
          {settings && <RefreshOffer settings={settings} update={update} />}
          <p className="muted">Have a backup? Import it:</p>
          <DataSection />
        </section>
      ) : report && settings ? (
        <>
          {stats && !settings.trackAll && report.postsInWindow === 0 && stats.posts - stats.samplePosts > 0 && (
            <UntrackedState captured={stats.posts - stats.samplePosts} settings={settings} update={update} />
          )}
          {query.trim() ? (
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <p className="ask-offer">
                <button type="button" onClick={() => act(() => askInSidePanel(query), 'Asked in the side panel.')} data-testid="ask-in-panel">
                  Ask your history: “{query.trim().length > 60 ? `${query.trim().slice(0, 60)}…` : query.trim()}”
                </button>{' '}
                <span className="muted">a written answer with its sources, in the side panel</span>
              </p>
              <SearchPanel query={query} onQuery={setQuery} />
            </Suspense>
          ) : (
          <TrendView
            report={report}
            pastDate={date}
            unseen={unseen}
            whenEmpty={!date && <RefreshOffer settings={settings} update={update} />}
            watches={<WatchesPanel settings={settings} />}
            stories={
              <Guard what="Stories">
                <Suspense fallback={<p className="muted">Loading…</p>}>
                  <StoriesPanel report={report} settings={settings!} />
                </Suspense>
              </Guard>
            }
            analysis={
              <Guard what="The analysis">
                <Suspense fallback={<p className="muted">Loading…</p>}>
                  <PopupAnalysis report={report} settings={settings!} saved={saved} />
                </Suspense>
              </Guard>
            }
          />
          )}
          <div className="actionbar" data-testid="actionbar">
            <details className="menu" data-testid="export-menu">
              <summary>Export ▾</summary>
              <div className="menu-items">
                <button type="button" onClick={() => act(() => downloadMarkdown(report, settings!, saved?.analysis), `Saved ${reportFilename(report, settings!.reportLanguage)}.`)}>Export Markdown</button>
                <button type="button" onClick={() => act(() => copyMarkdown(report, settings!, saved?.analysis), 'Report copied to the clipboard.')}>Copy</button>
                <button type="button" onClick={() => act(() => downloadNotesMarkdown(report, settings!, saved?.analysis), `Saved reddit-trend-report-${report.date}.notes.md (with front matter).`)} data-testid="export-notes">
                  Markdown for notes
                </button>
                <select
                  aria-label="Export a table as CSV"
                  value=""
                  onChange={(e) => {
                    const key = e.target.value as TableKey;
                    if (key) void act(() => downloadCsv(report, key), `Saved the ${TABLE[key].label} table as CSV.`);
                  }}
                  data-testid="export-csv"
                >
                  <option value="">CSV of…</option>
                  {TABLES.map((t) => (
                    <option key={t.key} value={t.key}>
                      {t.label}
                    </option>
                  ))}
                </select>
                <DataSection />
              </div>
            </details>
            <button type="button" onClick={() => act(openSidebarFromPage, 'Sidebar opened.')}>Open sidebar</button>
            <button type="button" onClick={() => openOptionsPage()}>Options</button>
            {note && (
              <span role={note.kind === 'error' ? 'alert' : 'status'} className={`status fading ${note.kind}`}>
                {note.text}
              </span>
            )}
            <span className="muted count-note">{report.postsInWindow} posts of tracked communities in the last 30 days</span>
          </div>
        </>
      ) : (
        <p className="muted">Ranking…</p>
      )}
    </main>
  );
}
