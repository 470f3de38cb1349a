import { useRef, useState } from 'react';
import { downloadBackup, importBackupFile, importProblemText } from '../hooks/store';
import type { ImportReport } from '@/lib/export/backup-format';
import { MAX_FOLLOWS, MAX_WATCHES } from '@/lib/settings/shape';

type Status = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

/** Export and import of the JSON backup, with a result line a person can act on. */
export function DataSection() {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>(null);

  const onExport = async () => {
    setStatus({ kind: 'busy', text: 'Preparing backup…' });
    try {
      const n = await downloadBackup();
      setStatus({ kind: 'ok', text: `Backup downloaded: ${n} posts.` });
    } catch (e) {
      setStatus({ kind: 'error', text: `Export failed: ${(e as Error).message}` });
    }
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setStatus({ kind: 'busy', text: `Importing ${file.name}…` });
    let merging = false;
    try {
      const r = await importBackupFile(file, (stage, f) => {
        merging = stage === 'merging';
        setStatus({ kind: 'busy', text: `${stage === 'checking' ? 'Checking' : 'Importing'} ${file.name}… ${Math.round(f * 100)}%` });
      });
      setStatus({
        kind: 'ok',
        text: `Imported ${file.name}: ${r.postsAdded} new posts, ${r.postsUpdated} updated, ${r.sightingsAdded} score points, ${r.commentsAdded} comments.${refusedNote(r)}`,
      });
    } catch (e) {
      setStatus({
        kind: 'error',
        text: merging
          ? `Importing ${file.name} stopped: ${(e as Error).message}. What was merged is kept; import the file again to finish.`
          : `${file.name} was not imported. ${await importProblemText(e)}`,
      });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="data" aria-label="Your data">
      <button type="button" onClick={onExport}>Export backup</button>
      <button type="button" onClick={() => input.current?.click()}>Import backup…</button>
      <input ref={input} type="file" accept="application/json,.json" hidden data-testid="import-file" onChange={(e) => onImport(e.target.files?.[0])} />
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={`status ${status.kind}`} data-testid="data-status">
          {status.text}
        </p>
      )}
    </section>
  );
}

/** What an import left out: watches and followed posts beyond their bounds. */
function refusedNote(r: ImportReport): string {
  const parts = [
    r.watchesRefused ? `${r.watchesRefused} watch${r.watchesRefused === 1 ? '' : 'es'} (at most ${MAX_WATCHES})` : '',
    r.followsRefused ? `${r.followsRefused} followed post${r.followsRefused === 1 ? '' : 's'} (at most ${MAX_FOLLOWS})` : '',
  ].filter(Boolean);
  return parts.length ? ` Not added, to stay within the limits: ${parts.join(' and ')}; remove some in Options → Watches to make room.` : '';
}
