import type { Settings } from '@/lib/settings/shape';
import { refreshLine, stoppedCommunities } from '@/lib/refresh/plan';
import { communityKey } from '@/lib/reddit/names';
import { refreshNowFromPage, setRefresh, useRefresh } from '../hooks/useRefresh';
import { useState } from 'react';
import { useAction, type Note } from '../hooks/useAction';

/**
 * Keeping communities fresh, where it matters: "refreshed 12 min ago · next in 18 min", a run's
 * progress, "Refresh now" (the popup), and the plain message of communities it had to stop for.
 */
export function RefreshStatus({ settings, button = false, community }: { settings: Settings; button?: boolean; /** One community's view (the sidebar's): its own line, shown only while it is tracked. */ community?: string }) {
  const { state, now } = useRefresh();
  const [note, setNote] = useState<Note | null>(null);
  const names = community ? settings.tracked.filter((t) => communityKey(t) === communityKey(community)) : settings.tracked;
  if (!settings.refreshEnabled || !state || !names.length) return null;
  const tracked = new Set(names.map(communityKey));
  const stopped = stoppedCommunities(state).filter((c) => tracked.has(communityKey(c.name)));
  // A run waiting on Reddit's "slow down" is not under way: it says until when, and the button stays.
  const waiting = state.waitUntil > now;
  const run = waiting ? null : state.run;
  const line = waiting
    ? `Reddit asked to slow down: refresh resumes at ${new Date(state.waitUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
    : run
      ? `refreshing: ${run.done} of ${run.total} requests`
      : (refreshLine(state, names, now) ?? 'not refreshed yet');
  return (
    <div className="refresh-status" data-testid="refresh-status">
      <span className="muted" data-testid="refresh-line">{line}</span>
      {run && <progress value={run.done} max={run.total} aria-label="Refresh progress" />}
      {button && (
        <button
          type="button"
          disabled={!!run}
          onClick={() =>
            void refreshNowFromPage().then(
              (r) => setNote({ kind: 'ok', text: `Refreshing: ${r.jobs} request${r.jobs === 1 ? '' : 's'} to Reddit, one every 2 seconds.` }),
              (e: Error) => setNote({ kind: 'error', text: e.message }),
            )
          }
          data-testid="refresh-now"
        >
          Refresh now
        </button>
      )}
      {note && (
        <span role={note.kind === 'error' ? 'alert' : 'status'} className={`status ${note.kind}`} data-testid="refresh-note">
          {note.text}
        </span>
      )}
      {stopped.length > 0 && (
        <p className="banner" role="alert" data-testid="refresh-problem">
          {stopped[0]!.lastProblem?.message ?? 'Refresh stopped'} ({stopped.map((c) => `r/${c.name}`).join(', ')}). Capture of the pages you open goes on.
        </p>
      )}
    </div>
  );
}

/** The offer, where a page is empty for want of it: the switch, and what it does in one sentence. */
export function RefreshOffer({ settings, update }: { settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const { note, act } = useAction();
  if (settings.refreshEnabled) return null;
  return (
    <p className="refresh-offer" data-testid="refresh-offer">
      <label className="switch">
        <input type="checkbox" checked={false} onChange={() => act(() => setRefresh(true, update), 'Tracked communities will be kept fresh.')} data-testid="refresh-offer-toggle" />
        Keep tracked communities fresh
      </label>{' '}
      <span className="muted">{REFRESH_SENTENCE}</span>
      {note && <span role={note.kind === 'error' ? 'alert' : 'status'} className={`status ${note.kind}`}> {note.text}</span>}
    </p>
  );
}

/** What the switch does and asks of Reddit, in one sentence (README and the welcome page say the same). */
export const REFRESH_SENTENCE =
  'The extension then reads each tracked community’s hot, new and top posts every 30 minutes itself, from Reddit’s own site only, with your own Reddit session (about 70 requests an hour for 11 communities, never more than one every 2 seconds); nothing is sent anywhere else.';
