import { DataSection } from './DataSection';
import { useSettings, useStoreStats } from './hooks';
import { formatAgo } from './format';

export function Popup() {
  const stats = useStoreStats();
  const [settings, update] = useSettings();
  return (
    <main className="popup">
      <header className="bar">
        <h1>Reddit Trend Radar</h1>
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
      </header>
      <section aria-label="What is stored" className="stats" data-testid="stats">
        {!stats ? (
          <p>Reading your data…</p>
        ) : stats.posts === 0 ? (
          <p>
            Nothing captured yet. Browse Reddit as usual (new or old layout): the posts you see are kept here, on this
            computer only.
          </p>
        ) : (
          <p>
            <strong data-testid="stat-posts">{stats.posts}</strong> posts from <strong data-testid="stat-communities">{stats.communities}</strong>{' '}
            communities, <strong>{stats.comments}</strong> comments. Last capture:{' '}
            <span data-testid="stat-last">{stats.lastCaptureAt ? formatAgo(stats.lastCaptureAt, Date.now()) : 'never'}</span>.
          </p>
        )}
      </section>
      <DataSection />
    </main>
  );
}
