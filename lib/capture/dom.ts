/** Small DOM readers shared by the parsers. Attributes before text (STYLE.md rule 6). */
import { collapse } from '../reddit/text';
import type { RedditAttr } from './selectors';

export function attr(el: Element, name: RedditAttr): string | null {
  const v = el.getAttribute(name);
  return v == null ? null : v.trim();
}

/** An exact integer attribute (`score="14558"`), or null when missing or not an integer. */
export function intAttr(el: Element, name: RedditAttr): number | null {
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


export function flag(el: Element, name: RedditAttr): boolean {
  const v = el.getAttribute(name);
  return v != null && v !== 'false';
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
