import { useState } from 'react';
import { brokenPageTypes, diagnosticSummary, pageTypeLabel } from '@/lib/capture/health';
import { useCaptureHealth } from '../hooks/useCaptureHealth';
import { copyText, extensionVersion } from '../hooks/browser';

/** Options → Capture health: each page type, its counts and last success; a summary to copy for a bug report. */
export function HealthOptions() {
  const health = useCaptureHealth();
  const [note, setNote] = useState<string | null>(null);
  const types = Object.entries(health ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const broken = new Set(brokenPageTypes(health).map((b) => b.type));
  return (
    <section className="options-section" aria-labelledby="health-h">
      <h2 id="health-h">Capture health</h2>
      <p className="muted">What capture found on each kind of Reddit page. Reddit changes its pages without notice: a kind of page that suddenly yields nothing is flagged here, in the popup and in the sidebar.</p>
      {health === undefined ? (
        <p className="muted">Reading…</p>
      ) : types.length === 0 ? (
        <p className="muted">No Reddit page read yet.</p>
      ) : (
        <table className="health" data-testid="health-table">
          <thead>
            <tr>
              <th scope="col">Pages</th>
              <th scope="col">Seen</th>
              <th scope="col">Posts</th>
              <th scope="col">Comments</th>
              <th scope="col">Unreadable</th>
              <th scope="col">Last success</th>
            </tr>
          </thead>
          <tbody>
            {types.map(([type, h]) => (
              <tr key={type} data-type={type} className={broken.has(type) ? 'broken' : undefined}>
                <td>{pageTypeLabel(type)}{broken.has(type) ? ` (nothing on the last ${h.emptyStreak})` : ''}</td>
                <td className="num">{h.pages}</td>
                <td className="num">{h.posts}</td>
                <td className="num">{h.comments}</td>
                <td className="num">{h.skipped}</td>
                <td>{h.lastSuccessAt == null ? 'never' : `${new Date(h.lastSuccessAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        disabled={!health}
        onClick={() =>
          void copyText(diagnosticSummary(health ?? {}, extensionVersion(), navigator.userAgent, Date.now())).then(
            () => setNote('Diagnostic summary copied: page types, counts and times only, no page content.'),
            (e: Error) => setNote(`Copy failed: ${e.message}`),
          )
        }
        data-testid="copy-diagnostics"
      >
        Copy diagnostic summary
      </button>
      {note && <p className="note" role="status">{note}</p>}
    </section>
  );
}
