import type { Insight } from '@/lib/analysis/insight';
import type { TrendReport } from '@/lib/rank/types';
import type { Settings } from '@/lib/settings/shape';
import { useAnalysisInput } from '../hooks/useAnalysisInput';
import { plural } from '@/lib/analysis/detail';
import { postUrl } from '../ui/format';
import { MentionBars } from '../ui/MentionBars';
import { Sparkline } from '../ui/Sparkline';
import { useHistory } from '../hooks/useHistory';
import type { PostDetail } from '@/lib/analysis/detail';
import type { Story } from '@/lib/analysis/stories';
import { storyMood } from '@/lib/analysis/stance';

/** "agreed", "mixed" or "divisive", with how it was read in a tooltip; nothing when too little was read. */
function Mood({ story, details }: { story: Story; details: Record<string, PostDetail> | undefined }) {
  if (!details) return null;
  const mood = storyMood(story, details);
  if (!mood) return null;
  return (
    <>
      {' · '}
      <span className={`mood mood-${mood.mood}`} title={mood.text} data-testid="story-mood">
        {mood.mood}
      </span>
    </>
  );
}

/** The week's stories from the analysis input (loaded on demand: the analyser stays out of first paint). */
export function StoriesPanel({ report, settings, limit }: { report: TrendReport; settings: Settings; limit?: number }) {
  const input = useAnalysisInput(report, settings);
  if (!input) return <p className="muted">Grouping the week's posts into stories…</p>;
  return <StoryList insight={input.insight} details={input.details} limit={limit} />;
}


/**
 * Stories: one event's discussions across communities, with its names, totals and spread. Titles and
 * names are untrusted text: rendered as text, never HTML.
 */
export function StoryList({ insight, details, limit = 40 }: { insight: Insight; /** Posts read in detail: their top comments give a story its mood. */ details?: Record<string, PostDetail>; limit?: number }) {
  // Stories of two or more discussions first (a crosspost and its original are two); a story of one post
  // is a post, listed below.
  const multi = insight.stories.filter((s) => s.posts.length > 1);
  const singles = insight.stories.filter((s) => s.posts.length <= 1);
  const stories = multi.slice(0, limit);
  const posts = singles.slice(0, Math.max(0, limit - stories.length));
  const history = useHistory(stories.map((s) => s.lead.id));
  if (!insight.stories.length)
    return <p className="empty">No story yet: stories group the posts of tracked communities from the last 7 days. Browse a tracked community to capture some.</p>;
  return (
    <>
      {stories.length === 0 && <p className="muted">No story joins two discussions yet this week: the posts below stand alone.</p>}
      <ol className="stories" data-testid="stories">
        {stories.map((s) => {
          const names = s.names.map((k) => insight.names[k]?.label).filter((l): l is string => !!l).slice(0, 3);
          const top = s.names[0] ? insight.names[s.names[0]] : undefined;
          return (
            <li key={s.id} className="story">
              {names.length > 0 && (
                <div className="story-names">
                  {names.join(' · ')}{' '}
                  {top && (
                    <span className="muted story-chart" title={`${top.label}: posts a day, last 30 days`}>
                      <MentionBars daily={top.daily} label={top.label} />
                    </span>
                  )}
                </div>
              )}
              <a href={postUrl(s.lead)} target="_blank" rel="noreferrer" title={s.lead.title} className="story-title">
                {s.lead.title}
              </a>
              <div className="muted story-meta">
                <Sparkline points={history?.get(s.lead.id)} />{' '}
                {plural(s.score, 'point')} · {plural(s.comments, 'comment')} · {s.communities.map((c) => `r/${c}`).join(', ')}
                {s.posts.length > 1 && ` · ${plural(s.posts.length, 'discussion')}`}
                <Mood story={s} details={details} />
              </div>
              {s.posts.length > 1 && (
                <ul className="story-posts">
                  {s.posts.slice(1, 6).map((p) => (
                    <li key={p.id}>
                      <a href={postUrl(p)} target="_blank" rel="noreferrer" title={p.title}>
                        r/{p.subreddit}: {p.title}
                      </a>{' '}
                      <span className="muted">({p.score})</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {posts.length > 0 && (
        <>
          <h3 className="single-posts-h">Single posts</h3>
          <ul className="single-posts" data-testid="single-posts">
            {posts.map((s) => (
              <li key={s.id}>
                <a href={postUrl(s.lead)} target="_blank" rel="noreferrer" title={s.lead.title} className="story-title">
                  {s.lead.title}
                </a>{' '}
                <span className="muted">
                  {plural(s.score, 'point')} · r/{s.lead.subreddit}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {insight.stories.length > stories.length + posts.length && <p className="muted">…and {insight.stories.length - stories.length - posts.length} more.</p>}
    </>
  );
}
