/** A name's mentions per day over 30 days, as small bars (today on the right). */
export function MentionBars({ daily, label, width = 90, height = 16 }: { daily: number[]; label: string; width?: number; height?: number }) {
  const max = Math.max(1, ...daily);
  const w = width / daily.length;
  const total = daily.reduce((a, b) => a + b, 0);
  return (
    <svg className="mentions" width={width} height={height} role="img" aria-label={`${label}: ${total} post${total === 1 ? '' : 's'} in 30 days`}>
      {daily.map((n, i) =>
        n ? <rect key={i} x={i * w + 0.5} y={height - (n / max) * height} width={Math.max(1, w - 1)} height={(n / max) * height} fill="currentColor" /> : null,
      )}
    </svg>
  );
}
