import { useState } from 'react';
import type { Settings } from '@/lib/settings/shape';
import { useCommunityCounts } from '../hooks/useCommunityCounts';
import { communityFromInput, sameCommunity } from '@/lib/reddit/names';
import { trackSuggestions } from '@/lib/settings/browsed';
import { useBrowsed } from '../hooks/useBrowsed';

/** An editable list of community names (tracked, or excluded from capture). */
function NameList({ names, onChange, label, testId }: { names: string[]; onChange: (n: string[]) => void; label: string; testId: string }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (raw: string) => {
    // "r/name", "name" or a pasted Reddit address.
    const name = communityFromInput(raw);
    if (!name) return setError(`"${raw.trim()}" names no community. Write r/LocalLLaMA, LocalLLaMA, or paste the community's Reddit address.`);
    if (names.some((n) => sameCommunity(n, name))) return setError(`r/${name} is already in the list.`);
    setError(null);
    setDraft('');
    onChange([...names, name]);
  };
  return (
    <div data-testid={testId}>
      <ul className="names">
        {names.map((n) => (
          <li key={n}>
            r/{n}{' '}
            <button type="button" aria-label={`Remove r/${n} from ${label}`} onClick={() => onChange(names.filter((x) => x !== n))}>×</button>
          </li>
        ))}
        {names.length === 0 && <li className="muted">None.</li>}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add(draft);
        }}
      >
        <input type="text" value={draft} placeholder="r/community" aria-label={`Add to ${label}`} onChange={(e) => setDraft(e.target.value)} />{' '}
        <button type="submit">Add</button>
      </form>
      {error && <p className="note" role="alert">{error}</p>}
    </div>
  );
}

export function CommunityOptions({ settings, update }: { settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const counts = useCommunityCounts();
  const browsed = useBrowsed();
  // Only communities the user opened: a search page or r/all brings posts of dozens never visited.
  const suggestions = trackSuggestions(counts ?? [], browsed ?? {}, settings.tracked);
  return (
    <>
      <section className="options-section" aria-labelledby="tracked-h">
        <h2 id="tracked-h">Tracked communities</h2>
        <p className="muted">Only their posts count in the trend tables and reports.</p>
        <label className="switch">
          <input type="checkbox" checked={settings.trackAll} onChange={(e) => void update({ trackAll: e.target.checked })} data-testid="track-all" />
          Count every captured community instead
        </label>
        <NameList names={settings.tracked} onChange={(tracked) => void update({ tracked })} label="tracked communities" testId="tracked" />
        {suggestions.length > 0 && (
          <p data-testid="suggestions">
            Communities you browsed:{' '}
            {suggestions.map((c) => (
              <button key={c.name} type="button" className="chip" onClick={() => void update({ tracked: [...settings.tracked, c.name] })}>
                + r/{c.name} ({c.posts})
              </button>
            ))}
          </p>
        )}
      </section>
      <section className="options-section" aria-labelledby="capture-h">
        <h2 id="capture-h">Capture</h2>
        <label className="switch">
          <input type="checkbox" checked={settings.captureEnabled} onChange={(e) => void update({ captureEnabled: e.target.checked })} />
          Capture the posts I see on Reddit
        </label>
        <br />
        <label className="switch">
          <input type="checkbox" checked={settings.captureInPrivate} onChange={(e) => void update({ captureInPrivate: e.target.checked })} data-testid="capture-private" />
          Also in private windows (the extension must be allowed there; off: nothing is captured in them)
        </label>
        <br />
        <label className="switch">
          <input type="checkbox" checked={settings.feedBadges} onChange={(e) => void update({ feedBadges: e.target.checked })} data-testid="feed-badges" />
          Mark trending and rising posts in Reddit's feeds
        </label>
        <h3>Never capture</h3>
        <NameList names={settings.excluded} onChange={(excluded) => void update({ excluded })} label="excluded communities" testId="excluded" />
      </section>
    </>
  );
}
