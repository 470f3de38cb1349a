/**
 * Reddit's timestamps, normalised to UTC epoch milliseconds.
 *  - new Reddit: `2026-06-28T12:35:42.157000+0000` (microseconds, offset without colon)
 *    or `2026-07-04T12:30:19.522Z`
 *  - old Reddit: `data-timestamp="1729268281000"` (ms), `datetime="2024-10-18T16:18:01+00:00"`
 *  - JSON API: `created_utc: 1711025741.0` (seconds)
 * Returns null for anything that is not a real date, so a caller can name the missing case.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export function parseRedditTime(value: string | null | undefined): number | null {
  if (value == null) return null;
  const s = value.trim();
  if (!s) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return parseEpoch(Number(s));
  const m = ISO.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const [sec = '0', frac = '', zone = 'Z'] = m.slice(6);
  const ms = Number((frac + '000').slice(0, 3));
  let t = Date.UTC(y, mo - 1, d, h, mi, +sec, ms);
  const date = new Date(t);
  // Reject 2026-02-31 and friends rather than letting Date roll them over.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || +sec > 59) return null;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return plausible(t);
}

/** Epoch seconds (JSON API) or milliseconds (old Reddit), told apart by magnitude. */
export function parseEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return plausible(n < 1e11 ? Math.round(n * 1000) : Math.round(n));
}

/** Reddit opened in 2005; a time before that, or in year 3000 or later, is garbage. */
export const MIN_TIME = Date.UTC(2005, 0, 1);
export const MAX_TIME = Date.UTC(3000, 0, 1);
function plausible(t: number): number | null {
  return t >= MIN_TIME && t < MAX_TIME ? t : null;
}
