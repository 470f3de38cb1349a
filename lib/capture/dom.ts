/** Small DOM readers shared by the parsers. Attributes before text (STYLE.md rule 6). */

export function attr(el: Element, name: string): string | null {
  const v = el.getAttribute(name);
  return v == null ? null : v.trim();
}

/** An exact integer attribute (`score="14558"`), or null when missing or not an integer. */
export function intAttr(el: Element, name: string): number | null {
  return parseInteger(el.getAttribute(name));
}

export function parseInteger(value: string | null | undefined): number | null {
  if (value == null) return null;
  const s = value.trim();
  if (!/^-?\d{1,9}$/.test(s)) return null;
  return Number(s);
}

/** Leading integer of a visible count such as "1 comment" or "12 points" (old Reddit search only). */
export function leadingInteger(text: string | null | undefined): number | null {
  const m = /^\s*(-?\d[\d,]*)\s/.exec(`${text ?? ''} `);
  return m ? parseInteger(m[1]!.replace(/,/g, '')) : null;
}

/** Bidi embeddings, overrides and isolates: they can make text read in another order than it is. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

export function flag(el: Element, name: string): boolean {
  const v = el.getAttribute(name);
  return v != null && v !== 'false';
}

const FULLNAME = /^t[13]_[0-9a-z]{1,16}$/;
export function fullname(value: string | null | undefined, kind: 't1' | 't3'): string | null {
  const s = (value ?? '').trim().toLowerCase();
  return FULLNAME.test(s) && s.startsWith(`${kind}_`) ? s : null;
}

const BLOCK = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'HR', 'FIGURE', 'SECTION', 'ARTICLE',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'BUTTON']);

/**
 * Readable text of a rich-text body: paragraphs separated by a blank line, list items as "- ",
 * whitespace inside a paragraph collapsed. Never HTML.
 */
export function blockText(root: Element): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const t = collapse(line);
    if (t) blocks.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        line += child.textContent ?? '';
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') {
          line += '\n';
          continue;
        }
        if (BLOCK.has(tag)) {
          flush();
          if (tag === 'LI') line = '- ';
          walk(el);
          flush();
        } else {
          walk(el);
        }
      }
    }
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

export function absoluteUrl(href: string | null | undefined, base = 'https://www.reddit.com'): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export const PERMALINK = /^\/(r|user|u)\/[^/]+\/comments\/[0-9a-z]+\//i;

/**
 * `/r/Sub/comments/id/slug/` (or `/user/name/comments/…` for a post on a profile) from any Reddit URL
 * or path; null if it is not a post permalink.
 */
export function permalinkPath(href: string | null | undefined): string | null {
  const url = absoluteUrl(href);
  if (!url) return null;
  const path = new URL(url).pathname;
  return PERMALINK.test(path) ? path : null;
}

/**
 * Community name from "r/Name", "Name", or a profile "u/name" (stored as Reddit names it, `u_name`).
 * Profile posts are ordinary posts; ads are told by their own markers (shreddit-ad-post, promoted).
 */
export function communityName(prefixed: string | null | undefined): string {
  const s = (prefixed ?? '').trim();
  const m = /^\/?(r|u|user)\/([^/\s]+)\/?$/i.exec(s);
  if (!m) return s;
  return m[1]!.toLowerCase() === 'r' ? m[2]! : `u_${m[2]}`;
}
