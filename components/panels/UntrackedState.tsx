import type { Settings } from '@/lib/settings/shape';
import { useCommunityCounts } from '../hooks/useCommunityCounts';

/**
 * Posts are captured but none counts: every table would be empty with no reason. Says why, and offers the
 * one-click fixes: track the communities captured most, or count every community.
 */
export function UntrackedState({ captured, settings, update }: { captured: number; settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const counts = useCommunityCounts();
  if (!counts) return null;
  const tracked = new Set(settings.tracked.map((t) => t.toLowerCase()));
  const inTracked = counts.filter((c) => tracked.has(c.name.toLowerCase())).reduce((n, c) => n + c.posts, 0);
  if (inTracked > 0)
    return (
      <section className="empty-state" data-testid="untracked-state">
        <h2>Nothing from the last 30 days</h2>
        <p>
          Your {inTracked} posts of tracked communities were all created more than 30 days ago, so today&apos;s tables are empty. Pick a past
          date above to see the tables of their time, or browse Reddit to capture new posts.
        </p>
      </section>
    );
  const top = counts.filter((c) => !tracked.has(c.name.toLowerCase()) && !c.name.startsWith('u_')).slice(0, 3);
  return (
    <section className="empty-state" data-testid="untracked-state">
      <h2>Your captures are from communities you do not track</h2>
      <p>
        {captured} posts are captured, but none from a tracked community, so the tables are empty. Track the communities you read, or count
        every community:
      </p>
      <p>
        {top.map((c) => (
          <button key={c.name} type="button" onClick={() => void update({ tracked: [...settings.tracked, c.name] })}>
            Track r/{c.name} ({c.posts})
          </button>
        ))}{' '}
        <button type="button" onClick={() => void update({ trackAll: true })}>
          Count every community
        </button>
      </p>
    </section>
  );
}
