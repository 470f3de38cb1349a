import { normalise } from './query';
import type { Snippet } from './types';

/**
 * Up to `size` characters of `text` around the first matched word, the matched words marked. Words are
 * matched as the index matched them (`terms`: as indexed; a word matches if it is one of them).
 */
export function snippet(text: string, terms: readonly string[], size = 180): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const wanted = new Set(terms.map((t) => normalise(t)));
  const words = [...flat.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => wanted.has(normalise(m[0])));
  const first = words[0]?.index ?? 0;
  let start = Math.max(0, first - Math.floor(size / 3));
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  const end = Math.min(flat.length, start + size);
  const parts: Snippet = [];
  let at = start;
  for (const m of words) {
    const i = m.index!;
    if (i < start || i + m[0].length > end) continue;
    if (i > at) parts.push({ text: flat.slice(at, i), hit: false });
    parts.push({ text: m[0], hit: true });
    at = i + m[0].length;
  }
  if (at < end) parts.push({ text: flat.slice(at, end), hit: false });
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
