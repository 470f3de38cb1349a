/** Days with a mention before bars mean something: fewer, and the figure is said instead. */
export const MIN_CHART_DAYS = 3;

/**
 * A name's mentions per day over 30 days, as small bars (today on the right); on fewer than three days,
 * the figure in words ("2 posts today", "3 posts on 2 days"): one or two bars draw nothing worth reading.
 */
export function MentionBars({ daily, label, width = 90, height = 16 }: { daily: number[]; label: string; width?: number; height?: number }) {
  const max = Math.max(1, ...daily);
  const w = width / daily.length;
  const total = daily.reduce((a, b) => a + b, 0);
  const days = daily.filter((n) => n > 0).length;
  if (days < MIN_CHART_DAYS) {
    const posts = `${total} post${total === 1 ? '' : 's'}`;
    const ago = daily.length - 1 - daily.findLastIndex((n) => n > 0);
    const when = days !== 1 ? ` on ${days} days` : ago === 0 ? ' today' : ago === 1 ? ' yesterday' : ` ${ago} days ago`;
    return (
      <span className="mentions-figure" aria-label={`${label}: ${posts}${when}`}>
        {posts}
        {when}
      </span>
    );
  }
  return (
    <svg className="mentions" width={width} height={height} role="img" aria-label={`${label}: ${total} post${total === 1 ? '' : 's'} in 30 days`}>
      {daily.map((n, i) =>
        n ? <rect key={i} x={i * w + 0.5} y={height - (n / max) * height} width={Math.max(1, w - 1)} height={(n / max) * height} fill="currentColor" /> : null,
      )}
    </svg>
  );
}
