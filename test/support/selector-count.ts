/**
 * How many elements a selector matches, as a browser counts: the union of its comma-separated parts.
 * (jsdom's selector engine gets some selector lists wrong, e.g. two attribute selectors across a comma
 * match nothing there, while each part alone matches.)
 */
export function splitSelectorList(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(selector.slice(start).trim());
  return parts;
}

export function countMatches(root: ParentNode, selector: string): number {
  const found = new Set<Element>();
  for (const part of splitSelectorList(selector)) root.querySelectorAll(part).forEach((el) => found.add(el));
  return found.size;
}
