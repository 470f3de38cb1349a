import type { Settings } from '@/lib/settings/shape';
import { unseenCount } from '@/lib/search/watch';
import { formatAgo, postUrl } from '../ui/format';
import { markWatchesSeen, useWatchState } from '../hooks/useWatches';
import { openOptionsPage } from '../hooks/browser';

/** What the watches and followed posts matched: newest first, unseen marked; one click marks all seen. */
export function WatchesPanel({ settings }: { settings: Settings }) {
  const state = useWatchState();
  if (!state) return <p className="muted">Reading…</p>;
  const queries = new Map(settings.watches.map((w) => [w.id, w.query]));
  const unseen = unseenCount(state);
  const now = Date.now();
  return (
    <section className="watches" data-testid="watches">
      <div className="actions">
        {unseen > 0 && <button type="button" onClick={() => void markWatchesSeen()} data-testid="watches-seen">Mark {unseen} seen</button>}
        <button type="button" onClick={() => openOptionsPage()}>Manage watches</button>
      </div>
      {!settings.watches.length && !settings.follows.length ? (
        <p className="empty">No watches yet. In Options → Watches, save a search (for example <code>qwen* OR deepseek</code> in r/LocalLLaMA); posts and comments that match are listed here as you browse, and the toolbar badge counts them. In the sidebar, <strong>Follow this post</strong> tells you when a post gains comments or points.</p>
      ) : !state.hits.length ? (
        <p className="empty">Nothing matched yet: {settings.watches.length} watch{settings.watches.length === 1 ? '' : 'es'}, {settings.follows.length} followed post{settings.follows.length === 1 ? '' : 's'}. Matches appear as you browse Reddit.</p>
      ) : (
        <ol className="search-results" data-testid="watch-hits">
          {state.hits.map((h) => (
            <li key={h.key} className={h.seen ? 'seen' : 'unseen'} data-hit={h.key}>
              <a className="sr-title" href={postUrl({ id: h.postId, permalink: h.permalink })} target="_blank" rel="noreferrer" title={h.title}>
                {!h.seen && <span className="pill">new</span>}
                {h.title}
              </a>
              <div className="muted sr-meta">
                {h.kind === 'follow' ? 'Followed post' : `Watch “${queries.get(h.watchId) ?? 'removed'}”`} · {h.kind === 'comment' ? 'a comment' : 'the post'} in r/{h.community} · {formatAgo(h.at, now)}
              </div>
              {h.detail && h.detail !== h.title && <p className="sr-snippet">{h.detail}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
