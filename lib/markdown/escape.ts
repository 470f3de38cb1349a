/**
 * Table cells of the report, with the seed series' rules and its defects fixed (README "Reports"):
 * `|` escaped in every cell; a title cut never inside an escape or an entity; times in real UTC.
 */

/** One escape or entity is one unit: a cut never splits it. */
const UNIT = /&#?[0-9a-zA-Z]+;|\\[[\]"'\\]|[\s\S]/gu;

import { BIDI_CONTROLS as BIDI } from '../reddit/text';
import { communityUrl, postLink } from '../reddit/urls';

/**
 * The series' title escaping, in its order, plus ours: bidi controls dropped, and `<` `>` as entities so
 * no Markdown renderer ever sees a tag (the series' titles never held one).
 */
export function escapeTitle(title: string): string {
  return title
    .replace(BIDI, '')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/\[/g, '\\[')
    .replace(/\]/g, '\\]')
    .replace(/"/g, '\\"')
    .replace(/'/g, "\\'")
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/\. /g, '.&nbsp;');
}

/** Escaped, then cut to 57 characters + "..." when longer than 60, counting code points. */
export function titleCell(title: string): string {
  const escaped = escapeTitle(title);
  if ([...escaped].length <= 60) return escaped;
  let out = '';
  let length = 0;
  for (const unit of escaped.match(UNIT) ?? []) {
    const n = [...unit].length;
    if (length + n > 57) break;
    out += unit;
    length += n;
  }
  return `${out}...`;
}

/** Any other text cell: `|` escaped, newlines folded; nothing else touched (flairs keep their spaces). */
export function textCell(text: string): string {
  return text.replace(BIDI, '').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;').replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Untrusted text inside Markdown prose (bodies, comments, authors in the analysis): one line, and nothing
 * Markdown or HTML would act on — no links, tags, emphasis, code or table cells.
 */
export function inlineText(text: string): string {
  return text
    .replace(BIDI, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** `YYYY-MM-DD HH:MM UTC` */
export function postedCell(t: number): string {
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export { postLink };

export function communityLink(name: string): string {
  return `[r/${name}](${communityUrl(name)})`;
}

export function category(flair: string | null): string {
  return flair == null || flair === '' ? 'General' : textCell(flair);
}
