import type { RankSighting } from '@/lib/rank/types';

/** Sightings before a line says something (two make the same straight line on every row). */
export const MIN_CURVE_POINTS = 3;

/** A post's score over time, as a small line: its real sightings, or nothing while there are fewer than three. */
export function Sparkline({ points, width = 64, height = 18 }: { points: RankSighting[] | undefined; width?: number; height?: number }) {
  if (!points || points.length < MIN_CURVE_POINTS) return null;
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
