import { useMemo, useState } from 'react';
import type { TrendRow } from '@/lib/rank/types';
import { COLUMN_LABELS, gainText, type ColumnKey } from '@/lib/rank/tables';
import { useHistory } from '../hooks/useHistory';
import { MIN_CURVE_POINTS, Sparkline } from './Sparkline';
import { compactNumber, postUrl, postedText, shortPosted } from './format';

type Key = ColumnKey;
const NUMERIC = new Set<Key>(['rank', 'gain', 'score', 'comments']);
/** Column labels as the report writes them; the page says Posted is in UTC. */
const label = (key: Key) => (key === 'createdAt' ? `${COLUMN_LABELS.createdAt} (UTC)` : COLUMN_LABELS[key]);

const compare = (key: Key) => (a: TrendRow & { rank: number }, b: TrendRow & { rank: number }) => {
  const va = key === 'flair' ? (a.flair ?? 'General') : a[key];
  const vb = key === 'flair' ? (b.flair ?? 'General') : b[key];
  if (typeof va === 'number' && typeof vb === 'number') return va - vb;
  return String(va).localeCompare(String(vb));
};

/**
 * A trend table: the columns its table declares (lib/rank/tables.ts), plus a score curve where some row
 * has three sightings or more. Headers
 * sort; titles open the post.
 */
export function TrendTable({ rows, columns, label: tableLabel }: { rows: TrendRow[]; columns: readonly ColumnKey[]; label: string }) {
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'rank', dir: 1 });
  const history = useHistory(rows.map((r) => r.id));
  const sorted = useMemo(() => {
    const withRank = rows.map((r, i) => ({ ...r, rank: i + 1 }));
    return sort.key === 'rank' ? withRank : [...withRank].sort((a, b) => compare(sort.key)(a, b) * sort.dir || a.rank - b.rank);
  }, [rows, sort]);
  // The Trend column only where some row has a real curve (three sightings or more).
  const curves = !!history && rows.some((r) => (history.get(r.id)?.length ?? 0) >= MIN_CURVE_POINTS);
  const onSort = (key: Key) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: key === 'title' || key === 'subreddit' || key === 'flair' ? 1 : -1 }));

  return (
    <table className="trend" aria-label={tableLabel}>
      <thead>
        <tr>
          {columns.map((key) => (
            <th key={key} scope="col" className={`col-${key}${NUMERIC.has(key) ? ' num' : ''}`} aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
              <button type="button" onClick={() => onSort(key)}>
                {label(key)}
                {sort.key === key && key !== 'rank' ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
              </button>
            </th>
          ))}
          {curves && <th scope="col" className="col-trend">Trend</th>}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.id} data-post-id={r.id}>
            {columns.map((key) => (
              <Cell key={key} column={key} row={r} />
            ))}
            {curves && (
              <td>
                <Sparkline points={history?.get(r.id)} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({ column, row: r }: { column: Key; row: TrendRow & { rank: number } }) {
  switch (column) {
    case 'rank':
      return <td className="num">{r.rank}</td>;
    case 'title':
      return (
        <td className="title">
          {/* Two lines at most; the whole title on hover. */}
          <div className="clamp">
            {r.sample && <span className="pill" title="From the built-in sample, not your browsing">sample</span>}
            <a href={postUrl(r)} target="_blank" rel="noreferrer" title={r.title}>
              {r.title}
            </a>
          </div>
        </td>
      );
    case 'subreddit':
      return <td>r/{r.subreddit}</td>;
    case 'gain':
      return <td className="num">{r.gain ? gainText(r.gain) : ''}</td>;
    case 'score':
      return <Count n={r.score} unit="points" />;
    case 'comments':
      return <Count n={r.comments} unit="comments" />;
    case 'flair':
      return <td>{r.flair ?? 'General'}</td>;
    case 'createdAt':
      return (
        <td className="nowrap" title={postedText(r.createdAt)}>
          {shortPosted(r.createdAt)}
        </td>
      );
  }
}

/** A count as narrow columns show it (1.3k); the exact number in the tooltip and in data-value. */
function Count({ n, unit }: { n: number; unit: string }) {
  return (
    <td className="num" title={`${n.toLocaleString('en')} ${unit}`} data-value={n}>
      {compactNumber(n)}
    </td>
  );
}
