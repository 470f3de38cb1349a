/**
 * The posts to mark in Reddit's feeds, published by the background after each re-rank into
 * storage.local, where the content script reads it (it never opens the database).
 */
export const BADGES_KEY = 'trend-badges' as const;

export interface FeedBadges {
  /** Post id → rank in Today's Trending. */
  today: Record<string, number>;
  rising: string[];
}

export function badgesOf(report: { today: { id: string }[]; rising: { id: string }[] }): FeedBadges {
  return {
    today: Object.fromEntries(report.today.map((r, i) => [r.id, i + 1])),
    rising: report.rising.map((r) => r.id),
  };
}

/** The label a post gets: "#3 today", "rising", or both; null for none. */
export function badgeLabel(b: FeedBadges | undefined, id: string): string | null {
  if (!b) return null;
  const rank = b.today[id];
  const rising = b.rising.includes(id);
  if (rank && rising) return `#${rank} today · rising`;
  if (rank) return `#${rank} today`;
  return rising ? 'rising' : null;
}
