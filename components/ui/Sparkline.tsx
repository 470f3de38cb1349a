import type { RankSighting } from '@/lib/rank/types';

/** A post's score over time, as a small line. Fewer than two points: a dash. */
export function Sparkline({ points, width = 64, height = 18 }: { points: RankSighting[] | undefined; width?: number; height?: number }) {
  if (!points || points.length < 2) return <span className="muted" aria-label="no score history yet">–</span>;
  const t0 = points[0]!.at;
  const t1 = points[points.length - 1]!.at;
  const lo = Math.min(...points.map((p) => p.score));
  const hi = Math.max(...points.map((p) => p.score));
  const x = (t: number) => (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * (width - 2) + 1);
  const y = (s: number) => (hi === lo ? height / 2 : height - 1 - ((s - lo) / (hi - lo)) * (height - 2));
  const d = points.map((p) => `${x(p.at).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  return (
    <svg className="spark" width={width} height={height} role="img" aria-label={`score from ${points[0]!.score} to ${points[points.length - 1]!.score}`}>
      <polyline points={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
