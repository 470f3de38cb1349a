import { sameCommunity } from '@/lib/reddit/names';
import { useState } from 'react';
import { isTracked } from '@/lib/rank/rank';
import { review, reviewMarkdown, type Review } from '@/lib/analysis/review';
import { generationCache, postsBetween } from '../hooks/store';
import type { Settings } from '@/lib/settings/shape';
import { downloadText } from '../hooks/browser';
import { rankSettingsOf } from '@/lib/settings/shape';
import { Markdown } from '../ui/Markdown';
import type { ModelState } from '../hooks/useModel';

/** A review of any period: the top posts grouped into themes, by the model or offline. */
export function ReviewPanel({ settings, model }: { settings: Settings; model: ModelState }) {
  const year = new Date().getUTCFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(new Date().toISOString().slice(0, 10));
  const [community, setCommunity] = useState('');
  const [result, setResult] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (withModel: boolean) => {
    if (from > to) return setError('The start date is after the end date.');
    setBusy(true);
    setError(null);
    try {
      const start = Date.parse(`${from}T00:00:00Z`);
      const end = Date.parse(`${to}T23:59:59.999Z`);
      const tracked = isTracked(rankSettingsOf(settings));
      const rows = (await postsBetween(start, end)).filter((p) => (community ? sameCommunity(p.subreddit, community) : tracked(p.subreddit)));
      if (!rows.length) {
        setResult(null);
        setError('No captured post of these communities in that period.');
        return;
      }
      const engine = withModel ? await model.acquire() : null;
      const title = `${community ? `r/${community}` : 'Tracked communities'} - review of ${from} to ${to}`;
      setResult(await review(title, from, to, rows, engine, generationCache()));
    } catch (e) {
      setError(`The review could not be written: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="review" aria-label="Period review">
      <h2>Period review</h2>
      <div className="actions">
        <label>From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>to <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>
          Community{' '}
          <input list="review-communities" value={community} placeholder="all tracked" onChange={(e) => setCommunity(e.target.value.replace(/^r\//, ''))} />
        </label>
        <datalist id="review-communities">{settings.tracked.map((s) => <option key={s} value={s} />)}</datalist>
        <button type="button" disabled={busy} onClick={() => void run(false)}>Review offline</button>
        {model.choice && !model.needsConsent && !model.offlineReason && (
          <button type="button" disabled={busy} onClick={() => void run(true)}>Review with {model.choice.family}</button>
        )}
      </div>
      {error && <p className="note" role="alert">{error}</p>}
      {result && (
        <>
          <Markdown text={reviewMarkdown(result).replace(/^# .*\n/, '')} />
          <button type="button" onClick={() => downloadText(`reddit-review-${from}-${to}.md`, reviewMarkdown(result), 'text/markdown')}>Export review</button>
        </>
      )}
    </section>
  );
}
