import { sameCommunity } from '@/lib/reddit/names';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useCommunityReport } from '../hooks/useCommunityReport';
import { RefreshStatus } from '../panels/RefreshStatus';
import { useCaptureHealth } from '../hooks/useCaptureHealth';
import { HealthWarnings } from '../ui/HealthWarnings';
import { usePostRecord } from '../hooks/usePostRecord';
import { routeOf as sidebarRoute } from '@/lib/reddit/route';
import { MAX_FOLLOWS, type Settings } from '@/lib/settings/shape';
import { PostList } from '../ui/PostList';
import { risingEmptyText } from '@/lib/rank/rank';
import { TABLE } from '@/lib/rank/tables';
import { readLine } from '@/lib/analysis/detail';
import { ScoreChart } from '../ui/ScoreChart';
import { PostTools } from '../panels/PostTools';
import { Guard } from '../ui/Guard';
import { openReportPage } from '../hooks/browser';
import { useActiveTab } from '../hooks/useActiveTab';
import { useReport } from '../hooks/useReport';
import { useSettings } from '../hooks/useSettings';
import { useTabCaptureCount } from '../hooks/useTabCaptureCount';
import { useModel, type ModelState } from '../hooks/useModel';
import { hasAskDraft, onAskDraftArrives } from '../hooks/useAsk';
import { AskPanel } from '../panels/AskPanel';
import { formatAgo, postUrl, postedText } from '../ui/format';
const StoriesPanel = lazy(() => import('../panels/StoriesPanel').then((m) => ({ default: m.StoriesPanel })));
const SearchPanel = lazy(() => import('../panels/SearchPanel').then((m) => ({ default: m.SearchPanel })));

/** A community's tables in the sidebar (its own name needs no Community column). */
const SIDEBAR_TABLES = ['today', 'rising', 'weekly'] as const;

/** The sidebar: follows the active tab and updates live as capture writes. */
export function Sidebar() {
  const tab = useActiveTab();
  const [settings, update] = useSettings();
  const health = useCaptureHealth();
  // One model for the page: the post's TL;DR and the answers to questions share it.
  const model = useModel(settings);
  const [asking, setAsking] = useState(false);
  // A question from the popup opens the Ask section.
  useEffect(() => onAskDraftArrives(() => setAsking(true)), []);
  useEffect(() => void hasAskDraft().then((has) => has && setAsking(true)), []);
  if (tab === undefined || !settings) return <p className="muted sidebar">Reading…</p>;
  const route = sidebarRoute(tab?.url);
  return (
    <main className="sidebar" data-route={route.kind}>
      <details className="sidebar-search">
        <summary>Search everything seen</summary>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <SearchPanel narrow />
        </Suspense>
      </details>
      <details className="sidebar-ask" open={asking} onToggle={(e) => setAsking((e.target as HTMLDetailsElement).open)}>
        <summary>Ask your history</summary>
        {asking && (
          <Guard what="Ask">
            <AskPanel model={model} settings={settings} heading={false} />
          </Guard>
        )}
      </details>
      {route.kind !== 'off' && <HealthWarnings health={health} />}
      {route.kind === 'community' && <CommunityView name={route.name} settings={settings} update={update} />}
      {route.kind === 'post' && <PostView id={route.id} settings={settings} update={update} model={model} />}
      {route.kind === 'reddit' && <RedditView tabId={tab!.id} settings={settings} />}
      {route.kind === 'off' && <OffRedditView settings={settings} />}
    </main>
  );
}

/** Whether a community counts in the reports, with the one click that changes it, both ways. */
function TrackState({ name, settings, update }: { name: string; settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  if (settings.trackAll) return <span data-testid="tracked-state">tracked (every community counts)</span>;
  const tracked = settings.tracked.some((t) => sameCommunity(t, name));
  return tracked ? (
    <>
      <span data-testid="tracked-state">tracked</span>{' '}
      <button type="button" onClick={() => void update({ tracked: settings.tracked.filter((t) => t.toLowerCase() !== name.toLowerCase()) })}>Untrack r/{name}</button>
    </>
  ) : (
    <>
      <span data-testid="tracked-state">not tracked</span>{' '}
      <button type="button" onClick={() => void update({ tracked: [...settings.tracked, name] })}>Track r/{name}</button>
    </>
  );
}

function CommunityView({ name, settings, update }: { name: string; settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const { report, stored } = useCommunityReport(name);
  return (
    <section data-testid="community-view">
      <h1>r/{name}</h1>
      <p className="muted">
        <span data-testid="community-count">{stored ?? '…'}</span> posts stored ·{' '}
        <TrackState name={name} settings={settings} update={update} />
      </p>
      <RefreshStatus settings={settings} community={name} />
      {report &&
        SIDEBAR_TABLES.map((key) => (
          <div key={key} className="sidebar-table">
            <h2>{TABLE[key].label}</h2>
            {report[key].length ? (
              <PostList rows={report[key].slice(0, 10)} showCommunity={false} label={`${TABLE[key].label} in r/${name}`} />
            ) : (
              <p className="empty">{key === 'rising' ? risingEmptyText(report.risingWaiting) : TABLE[key].empty}</p>
            )}
          </div>
        ))}
    </section>
  );
}

function PostView({ id, settings, update, model }: { id: string; settings: Settings; update: (p: Partial<Settings>) => Promise<void>; model: ModelState }) {
  const { post, history, comments, latest } = usePostRecord(id);
  if (post === undefined) return <p className="muted">Reading…</p>;
  if (post === null) return <p className="empty" data-testid="post-missing">This post is not captured yet. It appears here as soon as the page shows it.</p>;
  const rank = (rows: { id: string }[] | undefined) => (rows ? rows.findIndex((r) => r.id === id) + 1 : 0);
  const today = rank(latest?.report.today);
  const week = rank(latest?.report.weekly);
  const top = [...(comments ?? [])].sort((a, b) => (b.score ?? -1e9) - (a.score ?? -1e9)).slice(0, 5);
  return (
    <section data-testid="post-view">
      <h1>
        <a href={postUrl(post)} target="_blank" rel="noreferrer">{post.title}</a>
      </h1>
      <p className="muted">
        r/{post.subreddit} · u/{post.author ?? '[unknown]'} · {post.flair ?? 'General'} · posted {postedText(post.createdAt)}
      </p>
      <p className="muted">
        r/{post.subreddit}: <TrackState name={post.subreddit} settings={settings} update={update} />
      </p>
      <p data-testid="post-numbers">
        {post.score == null ? <>score hidden on Reddit</> : <><strong>{post.score}</strong> points{post.scoreHidden ? ' (hidden on Reddit)' : ''}</>} · <strong>{post.comments}</strong> comments · seen {formatAgo(post.lastSeenAt, Date.now())}
      </p>
      <FollowPost post={post} settings={settings} update={update} />
      <p data-testid="post-rank">{today ? `#${today} in today's trending` : week ? `#${week} this week` : "Not in today's or this week's tables."}</p>
      <ScoreChart points={history ?? []} />
      <h2>Top comments</h2>
      <p className="muted" data-testid="sidebar-comments-read">
        Captured: {readLine({ comments: (comments ?? []).filter((c) => c.body?.trim()).length, of: Math.max(post.comments, comments?.length ?? 0) })}. More are captured as the page shows them.
      </p>
      {top.length ? (
        <ul className="comments" data-testid="top-comments">
          {top.map((c) => (
            <li key={c.id}>
              <strong>u/{c.author ?? '[deleted]'}</strong> {c.score != null && <span className="muted">({c.score})</span>} {(c.body ?? '[deleted]').slice(0, 280)}
              {(c.body?.length ?? 0) > 280 ? '…' : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No comments captured: they are captured when the post page shows them.</p>
      )}
      <PostTools postId={id} model={model} compact />
    </section>
  );
}

/** "Follow this post": told (Watches, the badge, a notification) when it is seen again with N more comments or points. */
function FollowPost({ post, settings, update }: { post: { id: string; title: string; subreddit: string; permalink: string; score: number | null; comments: number }; settings: Settings; update: (p: Partial<Settings>) => Promise<void> }) {
  const [more, setMore] = useState(10);
  const followed = settings.follows.find((f) => f.postId === post.id);
  if (followed)
    return (
      <p data-testid="follow-state">
        Following: told at +{followed.more} comments or points.{' '}
        <button type="button" onClick={() => void update({ follows: settings.follows.filter((f) => f.postId !== post.id) })}>Stop following</button>
      </p>
    );
  if (settings.follows.length >= MAX_FOLLOWS)
    return (
      <p data-testid="follow-state" className="muted">
        You follow {MAX_FOLLOWS} posts, the most there can be: stop following one (Options → Watches) to follow this one.
      </p>
    );
  return (
    <p data-testid="follow-state">
      <button
        type="button"
        onClick={() => void update({ follows: [...settings.follows, { postId: post.id, title: post.title, community: post.subreddit, permalink: post.permalink, score: post.score ?? 0, comments: post.comments, more, createdAt: Date.now() }] })}
        data-testid="follow-post"
      >
        Follow this post
      </button>{' '}
      <label>
        tell me at +<input type="number" min={1} max={100000} value={more} aria-label="How many more comments or points" onChange={(e) => setMore(Math.max(1, Number(e.target.value) || 1))} style={{ width: '5em' }} /> comments or points
      </label>
    </p>
  );
}

/** Off Reddit: the day's top stories (loaded on demand), not an empty page. */
function OffRedditView({ settings }: { settings: Settings }) {
  const report = useReport(null, settings);
  return (
    <section data-testid="off-reddit">
      <h1>Today&apos;s top stories</h1>
      <p className="muted">This tab is not on Reddit: open a subreddit or a post and this panel follows it.</p>
      {report ? (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Guard what="Stories">
            <StoriesPanel report={report} settings={settings} limit={8} />
          </Guard>
        </Suspense>
      ) : (
        <p className="muted">Ranking…</p>
      )}
      <button type="button" onClick={() => openReportPage()}>Open the full report</button>
    </section>
  );
}

function RedditView({ tabId, settings }: { tabId: number; settings: Settings }) {
  const report = useReport(null, settings);
  const captured = useTabCaptureCount(tabId);
  return (
    <section data-testid="reddit-view">
      <h1>Reddit Trend Radar</h1>
      <p data-testid="page-captured">{captured == null ? '…' : `${captured} posts captured on this page.`}</p>
      <h2>Trending today</h2>
      {report?.today.length ? <PostList rows={report.today.slice(0, 5)} label="Top of today" /> : <p className="empty">Nothing trending in the tracked communities yet.</p>}
      <button type="button" onClick={() => openReportPage()}>Open the full report</button>
    </section>
  );
}
