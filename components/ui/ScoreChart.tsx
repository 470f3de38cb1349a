import type { RankSighting } from '@/lib/rank/types';

/** Score and comments over time: two lines on one time axis, each scaled to its own range. */
export function ScoreChart({ points, width = 300, height = 110 }: { points: RankSighting[]; width?: number; height?: number }) {
  if (points.length < 2)
    return <p className="muted" data-testid="chart-empty">{points.length ? 'One score point so far: the chart starts at the next sighting.' : 'No score history yet.'}</p>;
  const pad = 22;
  const t0 = points[0]!.at;
  const t1 = points[points.length - 1]!.at;
  const x = (t: number) => pad + ((t - t0) / Math.max(1, t1 - t0)) * (width - 2 * pad);
  const line = (vals: number[]) => {
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    return points.map((p, i) => `${x(p.at).toFixed(1)},${(hi === lo ? height / 2 : height - pad - ((vals[i]! - lo) / (hi - lo)) * (height - 2 * pad)).toFixed(1)}`).join(' ');
  };
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const fmt = (t: number) => new Date(t).toISOString().slice(5, 16).replace('T', ' ');
  return (
    <figure className="chart" data-testid="score-chart">
      <svg width={width} height={height} role="img" aria-label={`Score from ${first.score} to ${last.score}, comments from ${first.comments} to ${last.comments}, ${points.length} points`}>
        <polyline points={line(points.map((p) => p.score))} fill="none" stroke="var(--accent)" strokeWidth="2" />
        <polyline points={line(points.map((p) => p.comments))} fill="none" stroke="var(--muted)" strokeWidth="1.5" strokeDasharray="4 3" />
        <text x={pad} y={height - 4} fontSize="11" fill="currentColor">{fmt(t0)}</text>
        <text x={width - pad} y={height - 4} fontSize="11" fill="currentColor" textAnchor="end">{fmt(t1)} UTC</text>
      </svg>
      <figcaption className="muted">
        <span style={{ color: 'var(--accent)' }}>score</span> {first.score} → {last.score} · <span>comments</span> {first.comments} → {last.comments}
      </figcaption>
    </figure>
  );
}
