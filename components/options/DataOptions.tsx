import { useEffect, useState } from 'react';
import { formatMB } from '@/lib/llm/models';
import type { Settings } from '@/lib/settings/shape';
import { DataSection } from '../panels/DataSection';
import { deleteAllData, runRetention } from '../hooks/store';
import { storageUsed } from '../hooks/browser';
import { useStoreStats } from '../hooks/useStoreStats';

export function DataOptions({ settings, update }: { settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const stats = useStoreStats();
  const [used, setUsed] = useState<number | null>();
  const [note, setNote] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    void storageUsed().then(setUsed);
  }, [stats?.posts]);
  const number = (v: string, min: number, max: number) => Math.min(max, Math.max(min, Math.round(Number(v) || 0)));

  return (
    <>
      <section className="options-section" aria-labelledby="retention-h">
        <h2 id="retention-h">Retention</h2>
        <label>
          Keep every score point for{' '}
          <input type="number" min={1} max={3650} value={settings.keepSightingsDays} onChange={(e) => void update({ keepSightingsDays: number(e.target.value, 1, 3650) })} data-testid="keep-days" />{' '}
          days; older ones are thinned to one a day.
        </label>
        <br />
        <label>
          Delete posts not seen for{' '}
          <input type="number" min={0} max={120} value={settings.keepPostsMonths} onChange={(e) => void update({ keepPostsMonths: number(e.target.value, 0, 120) })} /> months
          (0: keep everything).
        </label>
        <p className="muted">Applied once a day. </p>
        <button type="button" onClick={() => void runRetention(settings).then((r) => setNote(`Retention applied: ${r.sightingsRemoved} score points thinned, ${r.postsRemoved} old posts removed.`))}>
          Apply now
        </button>
      </section>
      <section className="options-section" aria-labelledby="data-h">
        <h2 id="data-h">Your data</h2>
        <p>
          {stats ? `${stats.posts} posts, ${stats.comments} comments from ${stats.communities} communities. ` : ''}Storage used:{' '}
          <strong data-testid="storage-used-data">{used == null ? '…' : formatMB(used / 1e6)}</strong>.
        </p>
        <DataSection />
        <p>
          {!confirming ? (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete everything…</button>
          ) : (
            <span role="alertdialog" aria-label="Delete everything?">
              Delete every captured post, comment, score point, report and generated text? Settings stay. This cannot be undone.{' '}
              <button type="button" className="danger" onClick={() => void deleteAllData().then(() => (setConfirming(false), setNote('Everything was deleted.')))}>
                Delete everything
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
            </span>
          )}
        </p>
      </section>
      {note && <p className="note" role="status">{note}</p>}
    </>
  );
}
