import type { TrendRow } from '@/lib/rank/types';
import { gainText } from '@/lib/rank/tables';
import { compactNumber, postUrl, postedText, shortAge } from './format';

/**
 * Posts as a list for narrow places (the side panel, 320–480 px): the title on its own line (two at
 * most, the whole title on hover), then one meta line: "r/LocalLLaMA · 1.3k · 142 comments · 3 h ·
 * +120 in 2 h". Never wider than its column. Titles are text, never HTML.
 */
export function PostList({ rows, label, showCommunity = true }: { rows: TrendRow[]; label: string; showCommunity?: boolean }) {
  const now = Date.now();
  return (
    <ol className="post-list" aria-label={label}>
      {rows.map((r) => (
        <li key={r.id} data-post-id={r.id}>
          <a className="pl-title" href={postUrl(r)} target="_blank" rel="noreferrer" title={r.title}>
            {r.sample && <span className="pill">sample</span>}
            {r.title}
          </a>
          <div className="pl-meta muted" title={`${r.score} points, ${r.comments} comments, posted ${postedText(r.createdAt)}`}>
            {[showCommunity ? `r/${r.subreddit}` : null, compactNumber(r.score), `${compactNumber(r.comments)} comments`, shortAge(r.createdAt, now), r.gain ? gainText(r.gain) : null]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </li>
      ))}
    </ol>
  );
}
