
/** Human-readable "3 min ago" for recent times, a UTC date and time beyond a day. */
export function formatAgo(t: number, now: number): string {
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `YYYY-MM-DD HH:MM UTC`, as in the report. */
export { postedCell as postedText } from '@/lib/markdown/escape';

export { postUrl } from '@/lib/reddit/urls';

/** `MM-DD HH:MM`, for narrow tables; the full UTC time goes in a tooltip. */
export function shortPosted(t: number): string {
  return new Date(t).toISOString().slice(5, 16).replace('T', ' ');
}

/** 950, 1.3k, 15k, 1.2M: numbers as narrow places show them (the exact one goes in a tooltip). */
export function compactNumber(n: number): string {
  const a = Math.abs(n);
  if (a < 1000) return String(n);
  if (a < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  if (a < 1_000_000) return `${Math.round(n / 1000)}k`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}

/** "45 min", "3 h", "2 d": how old something is, short. */
export function shortAge(t: number, now: number): string {
  const m = Math.max(0, Math.round((now - t) / 60_000));
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return `${Math.round(m / 60)} h`;
  return `${Math.round(m / 1440)} d`;
}
