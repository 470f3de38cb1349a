import { useEffect, useState } from 'react';
import { formatMB } from '@/lib/llm/models';
import type { Settings } from '@/lib/settings/shape';
import { DataSection } from '../panels/DataSection';
import { backUpNow, deleteAllData, downloadAutoBackup, restoreBackup, runRetention } from '../hooks/store';
import { useAutoBackups } from '../hooks/useAutoBackups';
import { storageUsed } from '../hooks/browser';
import { useStoreStats } from '../hooks/useStoreStats';
import { NumberField } from '../ui/NumberField';

export function DataOptions({ settings, update }: { settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const stats = useStoreStats();
  const [used, setUsed] = useState<number | null>();
  const [note, setNote] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [backups, refreshBackups] = useAutoBackups();
  const act = (fn: () => Promise<unknown>, done: string) =>
    void fn().then(
      () => (setNote(done), refreshBackups()),
      (e: Error) => setNote(`${done.replace(/\.$/, '')} failed: ${e.message}`),
    );
  useEffect(() => {
    void storageUsed().then(setUsed);
  }, [stats?.posts]);

  return (
    <>
      <section className="options-section" aria-labelledby="retention-h">
        <h2 id="retention-h">Retention</h2>
        <label>
          Keep every score point for{' '}
          <NumberField value={settings.keepSightingsDays} min={1} max={3650} label="Days to keep every score point" onApply={(n) => void update({ keepSightingsDays: n })} testId="keep-days" />{' '}
          days; older ones are thinned to one a day.
        </label>
        <br />
        <label>
          Delete posts not seen for{' '}
          <NumberField value={settings.keepPostsMonths} min={0} max={120} label="Months before unseen posts are deleted" onApply={(n) => void update({ keepPostsMonths: n })} testId="keep-months" /> months
          (0: keep everything).
        </label>
        <p className="muted">Applied once a day. </p>
        <button type="button" onClick={() => void runRetention().then((r) => setNote(`Retention applied: ${r.sightingsRemoved} score points thinned, ${r.postsRemoved} old posts removed.`))}>
          Apply now
        </button>
      </section>
      <section className="options-section" aria-labelledby="backups-h">
        <h2 id="backups-h">Automatic backups</h2>
        <label>
          <input type="checkbox" checked={settings.autoBackup} onChange={(e) => void update({ autoBackup: e.target.checked })} data-testid="auto-backup" /> Keep a weekly backup
          of everything captured (the last 4), in this browser's storage for the extension, apart from its database: if the browser ever discards
          the database (a full disk can make it do so), your history can be restored in one click.
        </label>
        {backups === undefined ? (
          <p className="muted">Reading…</p>
        ) : backups.length === 0 ? (
          <p className="muted">No automatic backup yet: the first is made within a few hours of capturing.</p>
        ) : (
          <ul data-testid="auto-backups">
            {backups.map((b) => (
              <li key={b.name}>
                {new Date(b.at).toISOString().slice(0, 16).replace('T', ' ')} UTC: {b.posts} posts, {b.size < 1e6 ? `${Math.max(1, Math.round(b.size / 1e3))} kB` : formatMB(b.size / 1e6)}{' '}
                <button type="button" onClick={() => act(() => restoreBackup(b.name), `Restored the backup of ${new Date(b.at).toISOString().slice(0, 10)}.`)}>Restore</button>{' '}
                <button type="button" onClick={() => act(() => downloadAutoBackup(b.name), 'Backup downloaded.')}>Download</button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => act(backUpNow, 'Backup made.')} data-testid="backup-now">Back up now</button>
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
              Delete every captured post, comment, score point, report, generated text and automatic backup? Settings stay. This cannot be undone.{' '}
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
