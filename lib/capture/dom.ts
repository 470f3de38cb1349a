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
/** Marks the end of a block element in blockText's walk. */
const FLUSH = Symbol('flush');

export function blockText(root: Element): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const t = collapse(line);
    if (t) blocks.push(t);
    line = '';
  };
  // A walk with an explicit stack, never recursion: a body nested 10,000 elements deep reads like any
  // other (a recursive walk overflowed the stack and lost the other posts of the same change).
  const stack: (Node | typeof FLUSH)[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (item === FLUSH) {
      flush();
      continue;
    }
    if (item !== root) {
      if (item.nodeType === 3) {
        line += item.textContent ?? '';
        continue;
      }
      if (item.nodeType !== 1) continue;
      const tag = (item as Element).tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'BR') {
        line += '\n';
        continue;
      }
      if (BLOCK.has(tag)) {
        flush();
        if (tag === 'LI') line = '- ';
        stack.push(FLUSH);
      }
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return blocks.join('\n\n');
}


/** Runs one element's parser; an element that throws is one skipped element, never the batch's end. */
export function tryParse<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}
