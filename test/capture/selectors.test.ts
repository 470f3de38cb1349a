/**
 * Every selector in lib/capture/selectors.ts matches what its `@fixtures` line says it matches, on each
 * page it names (refined-github's way): when Reddit changes its markup, this is the test that says
 * which selector broke. The counts were read from the pages; SOURCES.md's own counts agree (50 posts and
 * 5 ads on the r/MachineLearning listing, 30 things of which 3 ads on r/Python, 197 comments on r/aww).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as selectors from '@/lib/capture/selectors';
import { fixtureDocument, hasFixtures, htmlDocument } from '../support/fixtures';
import { countMatches } from '../support/selector-count';

const SOURCE = readFileSync(resolve('lib/capture/selectors.ts'), 'utf8');
const GROUPS = { NEW: selectors.NEW, OLD: selectors.OLD, PAGE: selectors.PAGE, JSON_DOC: selectors.JSON_DOC } as Record<string, Record<string, unknown>>;

interface Claim {
  group: string;
  key: string;
  selector: string;
  within: string | null;
  counts: [page: string, n: number][];
}

/** The JSDoc of each entry of each group, read from the source. */
function claims(): Claim[] {
  const out: Claim[] = [];
  for (const group of Object.keys(GROUPS)) {
    const body = new RegExp(`export const ${group} = \\{\\n([\\s\\S]*?)\\n\\} as const;`).exec(SOURCE)![1]!;
    for (const m of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*\n\s*(\w+):/g)) {
      const [doc, key] = [m[1]!, m[2]!];
      const selector = GROUPS[group]![key];
      if (typeof selector !== 'string') continue;
      const within = /@within (\w+)\.(\w+)/.exec(doc);
      const fixtures = /@fixtures ([^\n]*)/.exec(doc)?.[1] ?? '';
      const counts = [...fixtures.matchAll(/([\w/.-]+): (\d+)/g)].map((c) => [c[1]!, Number(c[2])] as [string, number]);
      out.push({ group, key, selector, within: within ? (GROUPS[within[1]!]![within[2]!] as string) : null, counts });
    }
  }
  return out;
}

const docs = new Map<string, Document>();
function page(name: string): Document {
  if (!docs.has(name)) {
    const doc = name.startsWith('test/fixtures/') ? htmlDocument(readFileSync(resolve(`${name}.html`), 'utf8')) : fixtureDocument(`${name}.html`);
    docs.set(name, doc);
  }
  return docs.get(name)!;
}

const all = claims();

test('every selector of every group is documented with its pages, or says why it has none', () => {
  for (const [group, entries] of Object.entries(GROUPS)) {
    for (const [key, value] of Object.entries(entries)) {
      if (typeof value !== 'string') continue;
      const claim = all.find((c) => c.group === group && c.key === key);
      expect(claim, `${group}.${key} has a JSDoc`).toBeDefined();
      expect(claim!.counts.length > 0 || /@fixtures none: /.test(SOURCE.split(`  ${key}: `)[0]!.slice(-400)), `${group}.${key} names its pages`).toBe(true);
    }
  }
  expect(all.length).toBeGreaterThan(35);
});

describe.each(all.filter((c) => c.counts.length))('$group.$key', ({ selector, within, counts }) => {
  test.each(counts)('%s: %i', (name, n) => {
    if (!name.startsWith('test/fixtures/') && !hasFixtures) return; // a plain clone without ../shared
    const doc = page(name);
    const found = within ? [...doc.querySelectorAll(within)].reduce((a, el) => a + countMatches(el, selector), 0) : countMatches(doc, selector);
    expect(found).toBe(n);
  });
});
