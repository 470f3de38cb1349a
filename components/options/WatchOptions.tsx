import { useState } from 'react';
import { MAX_WATCHES, type Settings, type Watch } from '@/lib/settings/shape';
import { watchProblem } from '@/lib/search/watch';
import { communityFromInput } from '@/lib/reddit/names';
import { requestNotifications } from '../hooks/useWatches';
import { rebuildSearchIndex, useSearchStatus } from '../hooks/useSearch';

const newId = () => `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const countOrNull = (s: string) => (s.trim() && Number.isInteger(Number(s)) && Number(s) >= 0 ? Number(s) : null);

/** Watches (saved queries checked as you browse), followed posts, the quiet period, and the search index. */
export function WatchOptions({ settings, update }: { settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const [query, setQuery] = useState('');
  const [community, setCommunity] = useState('');
  const [flair, setFlair] = useState('');
  const [minScore, setMinScore] = useState('');
  const [minComments, setMinComments] = useState('');
  const [alerts, setAlerts] = useState(false);
  const [digest, setDigest] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const status = useSearchStatus();
  const [rebuilding, setRebuilding] = useState(false);

  const add = async () => {
    if (settings.watches.length >= MAX_WATCHES) return setNote(`You have ${MAX_WATCHES} watches, the most there can be: remove one to add another.`);
    const problem = watchProblem({ query });
    if (problem) return setNote(problem);
    const communities = community.split(/[\s,]+/).filter(Boolean);
    const names = communities.map(communityFromInput);
    if (names.some((n) => !n)) return setNote(`"${communities[names.indexOf(null)]}" names no community. Write r/LocalLLaMA, LocalLLaMA, or paste its Reddit address.`);
    // Alerts need the notifications permission, asked now (from this click) the first time.
    if (alerts && !(await requestNotifications())) return setNote('Notifications were not allowed: the watch was not saved. Save it without alerts, or allow notifications.');
    const w: Watch = { id: newId(), query: query.trim(), communities: names as string[], flair: flair.trim(), minScore: countOrNull(minScore), minComments: countOrNull(minComments), alerts, ...(alerts && digest ? { digest: true } : {}), createdAt: Date.now() };
    await update({ watches: [...settings.watches, w] });
    setQuery('');
    setNote(`Watching “${w.query}”. Matches appear in the popup's Watches tab as you browse.`);
  };
  const toggleAlerts = async (w: Watch, on: boolean) => {
    if (on && !(await requestNotifications())) return setNote('Notifications were not allowed; alerts stay off.');
    await update({ watches: settings.watches.map((x) => (x.id === w.id ? { ...x, alerts: on } : x)) });
  };

  return (
    <section className="options-section" aria-labelledby="watches-h" data-testid="watch-options">
      <h2 id="watches-h">Watches</h2>
      <p className="muted">A watch is a saved search checked as you browse, and as tracked communities are refreshed when that is on: words (whole words; <code>quant*</code> for beginnings), "phrases", OR, -word to leave out; only in some communities, a flair, a minimum score or comments.</p>
      <ul className="names">
        {settings.watches.map((w) => (
          <li key={w.id} data-watch={w.query}>
            <strong>{w.query}</strong>
            {w.communities.length ? ` in ${w.communities.map((c) => `r/${c}`).join(', ')}` : ''}
            {w.flair ? ` · flair “${w.flair}”` : ''}
            {w.minScore != null ? ` · score ≥ ${w.minScore}` : ''}
            {w.minComments != null ? ` · comments ≥ ${w.minComments}` : ''}{' '}
            <label className="switch">
              <input type="checkbox" checked={w.alerts} onChange={(e) => void toggleAlerts(w, e.target.checked)} /> alerts
            </label>{' '}
            <label className="switch" title="One notification summing up the matches of a refresh run (or of a page), instead of one per match">
              <input type="checkbox" checked={!!w.digest} disabled={!w.alerts} onChange={(e) => void update({ watches: settings.watches.map((x) => (x.id === w.id ? { ...x, digest: e.target.checked } : x)) })} data-testid="watch-digest" /> as a digest
            </label>{' '}
            <button type="button" aria-label={`Remove the watch ${w.query}`} onClick={() => void update({ watches: settings.watches.filter((x) => x.id !== w.id) })}>×</button>
          </li>
        ))}
        {!settings.watches.length && <li className="muted">No watches.</li>}
      </ul>
      <form
        className="filter-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>Words <input type="text" value={query} placeholder='qwen* OR "nano banana"' onChange={(e) => setQuery(e.target.value)} data-testid="watch-query" /></label>
        <label>Communities <input type="text" value={community} placeholder="r/LocalLLaMA" onChange={(e) => setCommunity(e.target.value)} data-testid="watch-community" /></label>
        <label>Flair <input type="text" value={flair} onChange={(e) => setFlair(e.target.value)} /></label>
        <label>Score ≥ <input type="number" min={0} value={minScore} onChange={(e) => setMinScore(e.target.value)} /></label>
        <label>Comments ≥ <input type="number" min={0} value={minComments} onChange={(e) => setMinComments(e.target.value)} /></label>
        <label className="switch"><input type="checkbox" checked={alerts} onChange={(e) => setAlerts(e.target.checked)} data-testid="watch-alerts" /> Notify me</label>
        <label className="switch"><input type="checkbox" checked={digest} disabled={!alerts} onChange={(e) => setDigest(e.target.checked)} data-testid="watch-add-digest" /> in one digest per refresh</label>
        <button type="submit" data-testid="watch-add">Add watch</button>
      </form>
      {note && <p className="note" role="status">{note}</p>}

      <h3>Followed posts</h3>
      <ul className="names" data-testid="follows">
        {settings.follows.map((f) => (
          <li key={f.postId}>
            {f.title} (r/{f.community}) · told at +{f.more} comments or points{' '}
            <button type="button" aria-label={`Stop following ${f.title}`} onClick={() => void update({ follows: settings.follows.filter((x) => x.postId !== f.postId) })}>×</button>
          </li>
        ))}
        {!settings.follows.length && <li className="muted">None: follow a post from the sidebar.</li>}
      </ul>

      <h3>Quiet period</h3>
      <p>
        No notifications from <input type="time" value={settings.quietFrom} aria-label="Quiet from" onChange={(e) => void update({ quietFrom: e.target.value })} /> to{' '}
        <input type="time" value={settings.quietTo} aria-label="Quiet until" onChange={(e) => void update({ quietTo: e.target.value })} /> (local time; empty: none). Matches are still listed.
      </p>

      <h3>Search index</h3>
      <p className="muted" data-testid="search-status">
        {status?.state === 'ready'
          ? `${status.docs.toLocaleString('en')} posts and comments indexed (built in ${(status.buildMs / 1000).toFixed(1)} s). It follows capture; it is built again when the browser restarts the extension's worker.`
          : status?.state === 'building'
            ? `Building: ${status.done.toLocaleString('en')} of ${status.total.toLocaleString('en')}…`
            : status?.state === 'failed'
              ? status.error
              : 'Built at the first search.'}
      </p>
      <button type="button" disabled={rebuilding} onClick={() => {
        setRebuilding(true);
        void rebuildSearchIndex().finally(() => setRebuilding(false));
      }} data-testid="rebuild-search">
        {rebuilding ? 'Rebuilding…' : 'Rebuild the search index'}
      </button>
    </section>
  );
}
