/**
 * Untrusted text in Markdown, and the report's table cells, with the seed series' rules and its defects
 * fixed (docs/ranking-and-analysis.md, "The Markdown report"): `|` escaped in every cell; a title cut never inside an escape or an entity;
 * times in real UTC. Beyond the series: every Markdown metacharacter in untrusted text is escaped
 * (backslash first), `<` `>` become entities, and autolinks (`https://`, `www.`, e-mail addresses) are
 * broken, so the only links a renderer sees, CommonMark or GFM, are the reddit.com ones we write
 * (test/markdown/render.test.ts renders the export with markdown-it and marked to check).
 */
import { BIDI_CONTROLS as BIDI } from '../reddit/text';
import { communityUrl, postLink } from '../reddit/urls';

/** One escape or entity is one unit: a cut never splits it. */
const UNIT = /&#?[0-9a-zA-Z]+;|\\[\s\S]|[\s\S]/gu;

/** Backslash first (so the escapes we add stay escapes), then the inline metacharacters. */
const escapeInline = (text: string) => text.replace(/\\/g, '\\\\').replace(/[`*_~]/g, (c) => `\\${c}`);
/** Breaks GFM's autolinks (scheme, `www.`, e-mail) with escapes a renderer shows as the same text. */
const breakAutolinks = (text: string) => text.replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\\.').replace(/(?<=[\w.+-])@(?=[\w-]+\.[\w-])/g, '\\@');
/**
 * A `]` right before `(` as an entity: marked unescapes `\](` inside link text and reads a link or image
 * there (`[a \](x)](url)`); an entity is text to every renderer.
 */
const CLOSE_BEFORE_PAREN = '&#93;';
const brackets = (text: string) => text.replace(/\[/g, '\\[').replace(/\](?!\()/g, '\\]').replace(/\](?=\()/g, CLOSE_BEFORE_PAREN);
const entities = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The series' title escaping, in its order, plus ours: bidi controls dropped, the title's own
 * backslashes escaped first, `<` `>` as entities so no renderer sees a tag, emphasis and code marks
 * escaped, autolinks broken (the series' titles held none of these, so its bytes are unchanged).
 */
export function escapeTitle(title: string): string {
  return breakAutolinks(entities(escapeInline(title.replace(BIDI, ''))))
    .replace(/\|/g, '&#124;')
    .replace(/\[/g, '\\[')
    .replace(/\](?!\()/g, '\\]')
    .replace(/\](?=\()/g, CLOSE_BEFORE_PAREN)
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

/** Any other text cell (a flair): inert (as a title, but quotes kept), `|` escaped, newlines folded; spaces kept. */
export function textCell(text: string): string {
  return brackets(breakAutolinks(entities(escapeInline(text.replace(BIDI, '')))))
    .replace(/\|/g, '&#124;')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** Web addresses and e-mail addresses in quoted text (docs/security.md: bare URLs go). */
const URLS = /\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/**
 * Untrusted text inside Markdown prose (bodies, comments, authors in the analysis): one line, and nothing
 * Markdown or HTML would act on — no links, tags, emphasis, code or table cells.
 */
export function inlineText(text: string): string {
  const flat = text.replace(BIDI, '').replace(URLS, ' ').replace(/\s+/g, ' ').trim();
  return brackets(breakAutolinks(entities(escapeInline(flat))).replace(/\|/g, '\\|'));
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
