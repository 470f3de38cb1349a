/** Clean-up of text read from Reddit's pages, the same everywhere it is read or shown. */

/** Bidi embeddings, overrides and isolates: they can make text read in another order than it is. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** One line: bidi controls dropped, runs of whitespace collapsed, trimmed. */
export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}
