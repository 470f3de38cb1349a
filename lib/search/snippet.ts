import { normalise } from './query';
import type { Snippet } from './types';

/**
 * Up to `size` characters of `text` around the first matched word, the matched words marked. Words are
 * matched as the index matched them (`terms`: as indexed; a word matches if it is one of them).
 */
export function snippet(text: string, terms: readonly string[], size = 180): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const wanted = new Set(terms.map((t) => normalise(t)));
  // The matched words in the window around the first one; the text past the window is not read.
  const words: RegExpExecArray[] = [];
  let start = 0;
  let end = Math.min(flat.length, size);
  for (const m of flat.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (words.length && m.index + m[0].length > end) break;
    if (!wanted.has(/[\u0080-\uffff]/.test(m[0]) ? normalise(m[0]) : m[0].toLowerCase())) continue;
    if (!words.length) {
      start = Math.max(0, m.index - Math.floor(size / 3));
      if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
      end = Math.min(flat.length, start + size);
      if (m.index + m[0].length > end) break;
    }
    words.push(m);
  }
  const parts: Snippet = [];
  let at = start;
  for (const m of words) {
    if (m.index > at) parts.push({ text: flat.slice(at, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    at = m.index + m[0].length;
  }
  if (at < end) parts.push({ text: flat.slice(at, end), hit: false });
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
