import type { Settings } from '@/lib/settings/shape';
import { HOURLY_BUDGET, requestsLastHour, LISTINGS, clampInterval, MIN_INTERVAL, MAX_INTERVAL } from '@/lib/refresh/plan';
import { communityKey } from '@/lib/reddit/names';
import { setRefresh, useRefresh } from '../hooks/useRefresh';
import { useAction } from '../hooks/useAction';
import { RefreshStatus } from '../panels/RefreshStatus';
import { formatAgo } from '../ui/format';

const INTERVALS = [10, 15, 30, 60, 120, 180, 360];

/** Options → Keep communities fresh: the switch, how often, and each tracked community's last success, last problem and requests. */
export function RefreshOptions({ settings, update }: { settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const { state, now } = useRefresh();
  const { note, act } = useAction();
  const minutes = clampInterval(settings.refreshMinutes);
  const perHour = Math.round((settings.tracked.length * LISTINGS.length * 60) / minutes);
  return (
    <section className="options-section" aria-labelledby="refresh-h">
      <h2 id="refresh-h">Keep communities fresh</h2>
      <label className="switch">
        <input
          type="checkbox"
          checked={settings.refreshEnabled}
          onChange={(e) => {
            const on = e.target.checked;
            void act(() => setRefresh(on, update), on ? 'Tracked communities will be kept fresh.' : 'Refresh is off: only the pages you open are captured.');
          }}
          data-testid="refresh-toggle"
        />
        Keep tracked communities fresh
      </label>
      {note && <p className={`note ${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'}>{note.text}</p>}
      <p className="muted">
        Off, the extension knows only the posts you scroll past. On, it reads each tracked community’s hot, new and day’s top posts itself (and the
        threads of posts you follow), from Reddit’s own site only and with your own Reddit session, as your browser would: {LISTINGS.length} requests per
        community every {minutes} minutes, about {perHour} an hour for your {settings.tracked.length} communities, never more than one every 2
        seconds nor {HOURLY_BUDGET} an hour. Nothing is sent anywhere else. It pauses while capture is paused or the browser is offline, and
        waits as long as Reddit asks when it says to slow down.
      </p>
      <label>
        Every{' '}
        <select value={minutes} onChange={(e) => void update({ refreshMinutes: clampInterval(Number(e.target.value)) })} data-testid="refresh-interval" aria-label={`How often, ${MIN_INTERVAL} minutes to ${MAX_INTERVAL / 60} hours`}>
          {INTERVALS.map((m) => (
            <option key={m} value={m}>
              {m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}`}
            </option>
          ))}
        </select>
      </label>
      {settings.refreshEnabled && <RefreshStatus settings={settings} />}
      {state && (settings.refreshEnabled || Object.keys(state.communities).length > 0) && (
        <>
          <table className="health" data-testid="refresh-table">
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col">Last success</th>
                <th scope="col">Last problem</th>
                <th scope="col">Requests, last hour</th>
              </tr>
            </thead>
            <tbody>
              {settings.tracked.map((name) => {
                const c = state.communities[communityKey(name)];
                return (
                  <tr key={name} data-community={name} className={c?.stopped ? 'broken' : undefined}>
                    <td>r/{name}</td>
                    <td>{c?.lastSuccessAt ? formatAgo(c.lastSuccessAt, now) : 'never'}</td>
                    <td>{c?.lastProblem ? `${formatAgo(c.lastProblem.at, now)}: ${c.lastProblem.message} (${c.lastProblem.detail})${c.stopped ? '; stopped, tried again hourly' : ''}` : 'none'}</td>
                    <td className="num">{c ? requestsLastHour(c.requests, now) : 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted" data-testid="refresh-hourly">
            Requests to Reddit in the last hour: {requestsLastHour(state.requests, now)} (at most {HOURLY_BUDGET}).
          </p>
        </>
      )}
    </section>
  );
}
