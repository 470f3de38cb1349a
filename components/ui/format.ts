
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
