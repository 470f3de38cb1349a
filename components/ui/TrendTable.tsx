import { useMemo, useState } from 'react';
import type { TrendRow } from '@/lib/rank/types';
import { useHistory } from '../hooks/useHistory';
import { Sparkline } from './Sparkline';
import { postUrl, postedText, shortPosted } from './format';

type Key = 'rank' | 'title' | 'subreddit' | 'score' | 'comments' | 'flair' | 'createdAt' | 'perHour';
interface Column {
  key: Key;
  label: string;
  numeric?: boolean;
}

const compare = (key: Key) => (a: TrendRow & { rank: number }, b: TrendRow & { rank: number }) => {
  const va = key === 'flair' ? (a.flair ?? 'General') : a[key];
  const vb = key === 'flair' ? (b.flair ?? 'General') : b[key];
  if (typeof va === 'number' && typeof vb === 'number') return va - vb;
  return String(va).localeCompare(String(vb));
};

/** A trend table: columns as the seed's, plus a score sparkline. Headers sort; titles open the post. */
export function TrendTable({ rows, ranked = false, community = true, rising = false, label }: {
  rows: TrendRow[];
  ranked?: boolean;
  community?: boolean;
  rising?: boolean;
  label: string;
}) {
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'rank', dir: 1 });
  const history = useHistory(rows.map((r) => r.id));
  const columns: Column[] = [
    ...(ranked ? [{ key: 'rank' as const, label: '#', numeric: true }] : []),
    { key: 'title', label: 'Title' },
    ...(community ? [{ key: 'subreddit' as const, label: 'Community' }] : []),
    ...(rising ? [{ key: 'perHour' as const, label: 'Per hour', numeric: true }] : []),
    { key: 'score', label: 'Score', numeric: true },
    { key: 'comments', label: 'Comments', numeric: true },
    { key: 'flair', label: 'Category' },
    { key: 'createdAt', label: 'Posted (UTC)' },
  ];
  const sorted = useMemo(() => {
    const withRank = rows.map((r, i) => ({ ...r, rank: i + 1 }));
    return sort.key === 'rank' ? withRank : [...withRank].sort((a, b) => compare(sort.key)(a, b) * sort.dir || a.rank - b.rank);
  }, [rows, sort]);
  const onSort = (key: Key) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: key === 'title' || key === 'subreddit' || key === 'flair' ? 1 : -1 }));

  return (
    <table className="trend" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={`col-${c.key}${c.numeric ? ' num' : ''}`} aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
              <button type="button" onClick={() => onSort(c.key)}>
                {c.label}
                {sort.key === c.key && c.key !== 'rank' ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
              </button>
            </th>
          ))}
          <th scope="col" className="col-trend">Trend</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.id} data-post-id={r.id}>
            {ranked && <td className="num">{r.rank}</td>}
            <td className="title">
              {r.sample && <span className="pill" title="From the built-in sample, not your browsing">sample</span>}
              <a href={postUrl(r)} target="_blank" rel="noreferrer" title={r.title}>
                {r.title}
              </a>
            </td>
            {community && <td>r/{r.subreddit}</td>}
            {rising && <td className="num">+{r.perHour}/h</td>}
            <td className="num">{r.score}</td>
            <td className="num">{r.comments}</td>
            <td>{r.flair ?? 'General'}</td>
            <td className="nowrap" title={postedText(r.createdAt)}>
              {shortPosted(r.createdAt)}
            </td>
            <td>
              <Sparkline points={history?.get(r.id)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
