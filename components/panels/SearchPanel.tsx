import { useState } from 'react';
import type { SearchFilters, SearchHit } from '@/lib/search/types';
import { communityFromInput } from '@/lib/reddit/names';
import { commentUrl } from '@/lib/reddit/urls';
import { useSearch, useSearchStatus } from '../hooks/useSearch';
import { compactNumber, postedText, postUrl } from '../ui/format';

const day = (s: string, end = false) => (s ? Date.parse(`${s}T${end ? '23:59:59.999' : '00:00:00'}Z`) : undefined);

/**
 * Search everything captured: the query, filters (community, flair, dates, minimum score, comments
 * too), and results with the matched words marked. Results and snippets are text, never HTML.
 * `query`/`onQuery`: the page may hold the query (the popup's header box); otherwise the panel has its own box.
 */
export function SearchPanel({ query: held, onQuery, narrow = false }: { query?: string; onQuery?: (q: string) => void; narrow?: boolean }) {
  const [own, setOwn] = useState('');
  const query = held ?? own;
  const setQuery = onQuery ?? setOwn;
  const [community, setCommunity] = useState('');
  const [flair, setFlair] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [minScore, setMinScore] = useState('');
  const [comments, setComments] = useState(true);
  const names = community.split(/[\s,]+/).map((c) => communityFromInput(c)).filter((c): c is string => !!c);
  const filters: SearchFilters = {
    ...(names.length ? { communities: names } : {}),
    ...(flair.trim() ? { flair: flair.trim() } : {}),
    ...(from ? { from: day(from) } : {}),
    ...(to ? { to: day(to, true) } : {}),
    ...(minScore && Number.isFinite(Number(minScore)) ? { minScore: Number(minScore) } : {}),
    ...(comments ? {} : { comments: false }),
  };
  const answer = useSearch(query, filters);
  const status = useSearchStatus();

  return (
    <section className={`search${narrow ? ' narrow' : ''}`} aria-label="Search" data-testid="search">
      {held === undefined && (
        <input type="search" className="search-box" value={query} placeholder="Search posts and comments you have seen" aria-label="Search posts and comments you have seen" onChange={(e) => setQuery(e.target.value)} data-testid="search-input" />
      )}
      <details className="search-filters">
        <summary>Filters{Object.keys(filters).length ? ` (${Object.keys(filters).length})` : ''}</summary>
        <div className="filter-grid">
          <label>Community <input type="text" value={community} placeholder="r/LocalLLaMA" onChange={(e) => setCommunity(e.target.value)} data-testid="filter-community" /></label>
          <label>Flair <input type="text" value={flair} placeholder="Discussion" onChange={(e) => setFlair(e.target.value)} data-testid="filter-flair" /></label>
          <label>From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="filter-from" /></label>
          <label>To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="filter-to" /></label>
          <label>Score at least <input type="number" min={0} value={minScore} onChange={(e) => setMinScore(e.target.value)} data-testid="filter-score" /></label>
          <label className="switch"><input type="checkbox" checked={comments} onChange={(e) => setComments(e.target.checked)} data-testid="filter-comments" /> Comments too</label>
        </div>
        <p className="muted">All the words; the last one also finds words it begins (word* any other); "a phrase" in quotes; OR between alternatives; -word leaves out; a typo is forgiven when nothing matches exactly.</p>
      </details>
      {status?.state === 'building' && (
        <p className="muted" role="status" data-testid="search-building">
          Building the search index: {status.done.toLocaleString('en')} of {status.total.toLocaleString('en')} posts and comments… <progress max={status.total || 1} value={status.done} />
        </p>
      )}
      {!query.trim() ? null : !answer ? (
        <p className="muted" role="status">Searching…</p>
      ) : !answer.ok ? (
        <p className="note" role="alert" data-testid="search-error">{answer.error}</p>
      ) : answer.hits.length === 0 ? (
        <p className="empty" data-testid="search-empty">
          {answer.checked < answer.candidates
            ? `None of the best ${answer.checked.toLocaleString('en')} of ${answer.candidates.toLocaleString('en')} matching posts and comments holds that phrase. Add a rarer word to narrow them.`
            : `Nothing you have seen matches${Object.keys(filters).length ? ' with these filters' : ''}. Try fewer words, or a word's beginning.`}
        </p>
      ) : (
        <>
          <p className="muted" role="status" data-testid="search-count">
            {answer.hits.length === 1 ? '1 match' : `${answer.hits.length} matches${answer.candidates > answer.hits.length && answer.hits.length >= 50 ? ' shown (the best 50)' : ''}`} · {answer.ms} ms
          </p>
          <ol className="search-results" data-testid="search-results">
            {answer.hits.map((h) => (
              <Result key={h.id} hit={h} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Result({ hit: h }: { hit: SearchHit }) {
  const post = { id: h.postId, permalink: h.permalink };
  const url = h.kind === 'comment' ? commentUrl(post, h.id) : postUrl(post);
  return (
    <li data-result-id={h.id}>
      <a className="sr-title" href={url} target="_blank" rel="noreferrer" title={h.title}>
        {h.sample && <span className="pill" title="From the built-in sample, not your browsing">sample</span>}
        {h.kind === 'comment' && <span className="pill">comment</span>}
        {h.title}
      </a>
      <div className="muted sr-meta">
        r/{h.community} · {compactNumber(h.score)} points{h.kind === 'post' ? ` · ${compactNumber(h.comments)} comments` : ''} · {postedText(h.createdAt)}
        {h.author ? ` · u/${h.author}` : ''}
      </div>
      <p className="sr-snippet">
        {h.snippet.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      </p>
    </li>
  );
}
