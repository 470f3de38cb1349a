/**
 * The layout's rules, checked (refined-github's build/features.test.ts): what a reviewer would otherwise
 * repeat. docs/architecture.md "Rules" explains each rule; this file is where they are enforced.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve('.');
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(e.name) ? [relative(ROOT, p)] : [];
  });
}
const source = (f: string) => readFileSync(f, 'utf8');
/** The code without its comments (block comments, and line comments that start a line or follow a space). */
const code = (f: string) =>
  source(f)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/\s.*$/gm, '');

const LIB = walk('lib');
const COMPONENTS = walk('components');
const ENTRYPOINTS = walk('entrypoints');
const PRODUCT = [...LIB, ...COMPONENTS, ...ENTRYPOINTS];

/** Every module a file imports (static, dynamic, re-exports, workers), resolved to a repo path. */
function imports(file: string): string[] {
  const out: string[] = [];
  for (const m of code(file).matchAll(/(?:from\s+|import\s*\(\s*|import\s+|new URL\(\s*)['"]([^'"]+)['"]/g)) {
    const spec = m[1]!;
    if (spec.startsWith('@/')) out.push(spec.slice(2));
    else if (spec.startsWith('.')) out.push(relative(ROOT, resolve(dirname(file), spec)));
    else out.push(`npm:${spec}`);
  }
  return out.map((p) => p.replace(/\.(ts|tsx)$/, ''));
}

describe('selectors live in lib/capture/selectors.ts', () => {
  test.each(PRODUCT.filter((f) => f !== 'lib/capture/selectors.ts'))('%s holds no selector string', (f) => {
    const literal = /(?:querySelector(?:All)?|closest|matches)\(\s*(['"`])/g;
    expect(code(f).match(literal) ?? []).toEqual([]);
  });

  test('every attribute the capture reads is a named Reddit attribute', () => {
    const declared = new Set([...source('lib/capture/selectors.ts').split('export type RedditAttr')[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]));
    const used = LIB.filter((f) => f.startsWith('lib/capture/')).flatMap((f) =>
      [...code(f).matchAll(/(?:getAttribute|hasAttribute)\(\s*'([^']+)'/g)].map((m) => `${m[1]} (${f})`),
    );
    expect(used.filter((u) => !declared.has(u.split(' ')[0]))).toEqual([]);
    expect(used.length).toBeGreaterThan(10);
  });
});

describe('Reddit facts live in lib/reddit/', () => {
  const REDDIT_BUILDING = [
    /reddit\.com/, // a Reddit host
    /['"`]\/comments\//, // a post path
    /\/r\/\$\{/, // a community path built from a name
    /`t[13]_\$\{/, // an id built by hand
    /\[A-Za-z0-9_\]\{2,32\}/, // the community-name rule
  ];
  test.each(PRODUCT.filter((f) => !f.startsWith('lib/reddit/') && f !== 'lib/capture/selectors.ts'))('%s builds or parses no Reddit URL or id', (f) => {
    const text = code(f);
    expect(REDDIT_BUILDING.filter((re) => re.test(text)).map(String)).toEqual([]);
  });
});

describe('components reach storage and the browser only through components/hooks/', () => {
  test.each(COMPONENTS.filter((f) => !f.startsWith('components/hooks/')))('%s', (f) => {
    const bad = imports(f).filter((i) => i.startsWith('lib/db/') || i === 'npm:dexie' || i === 'npm:dexie-react-hooks' || i === 'npm:wxt/browser');
    expect(bad).toEqual([]);
    expect(code(f)).not.toMatch(/\bgetDb\(|\bbrowser\./);
  });

  test('a live query awaits only Dexie: no settings or browser reads inside useLiveQuery', () => {
    for (const f of COMPONENTS.filter((f) => f.startsWith('components/hooks/'))) {
      for (const m of code(f).matchAll(/useLiveQuery\(([\s\S]*?)\n\s*(?:\}, |\[)/g)) expect(m[1], f).not.toMatch(/settingsItem|getValue\(|browser\.|storage\./);
    }
  });
});

describe('the background is the database\'s only writer', () => {
  // A write: a table's put/add/update/delete/clear/modify, or a read-write transaction.
  const WRITES = /\.(?:bulkPut|bulkAdd|bulkDelete|put|add|update|delete|clear|modify)\(|transaction\(\s*['"]rw/;
  /** The functions each lib/db module exports that write (their own body, or a writer of the same module they call). */
  const writers = new Map<string, Set<string>>();
  for (const f of LIB.filter((f) => f.startsWith('lib/db/'))) {
    const parts = code(f).split(/(?=^export\s)/m);
    const bodies = new Map<string, string>();
    for (const part of parts) {
      const name = /^export\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+)(\w+)/.exec(part)?.[1];
      if (name) bodies.set(name, part);
    }
    const set = new Set([...bodies].filter(([, body]) => WRITES.test(body)).map(([name]) => name));
    for (let grew = true; grew; ) {
      grew = false;
      for (const [name, body] of bodies)
        if (!set.has(name) && [...set].some((w) => new RegExp(`\\b${w}\\(`).test(body))) grew = !!set.add(name);
    }
    writers.set(f.replace(/\.ts$/, ''), set);
  }

  test('the rule sees the writers', () => {
    expect([...writers.get('lib/db/sample')!].sort()).toEqual(['loadSample', 'removeSample']);
    expect(writers.get('lib/db/backup')!.has('importBackup')).toBe(true);
    expect(writers.get('lib/db/backup')!.has('parseBackup')).toBe(false);
  });

  test.each([...COMPONENTS, ...ENTRYPOINTS.filter((f) => !f.startsWith('entrypoints/background/'))])('%s writes nothing', (f) => {
    const text = code(f);
    const bad: string[] = [];
    for (const m of text.matchAll(/(?:import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*|const\s*\{([^}]*)\}\s*=\s*await\s+import\(\s*)['"]@\/(lib\/db\/[\w-]+)['"]/g)) {
      const names = (m[1] ?? m[2]!).split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+|:/)[0]!.trim()).filter(Boolean);
      for (const n of names) if (writers.get(m[3]!)?.has(n)) bad.push(`${m[3]}.${n}`);
    }
    if (/getDb\(\)\.\w+\.(?:bulkPut|bulkAdd|bulkDelete|put|add|update|delete|clear)\(|transaction\(\s*['"]rw/.test(text)) bad.push('a table written directly');
    expect(bad).toEqual([]);
  });
});

describe('storage.local is reached through lib/storage/ only', () => {
  test.each([...PRODUCT.filter((f) => !f.startsWith('lib/storage/'))])('%s makes no raw storage call', (f) => {
    expect(code(f)).not.toMatch(/\bstorage\.(?:local|sync|session)\.|\bstorage\.onChanged\b|\bstorage\.defineItem\(/);
  });

  test('every key of lib/storage/keys.ts has its item (items.ts, or the settings item)', () => {
    const stored = /export interface Stored \{([\s\S]*?)\n\}/.exec(source('lib/storage/keys.ts'))![1]!;
    const keys = [...stored.matchAll(/^\s+'?([\w-]+)'?: /gm)].map((m) => m[1]!);
    const items = [...source('lib/storage/items.ts').matchAll(/item\('([\w-]+)'\)/g)].map((m) => m[1]!);
    expect(keys.sort()).toEqual([...items, 'settings'].sort());
  });
});

describe('entrypoints only wire', () => {
  test.each(ENTRYPOINTS)('%s is thin', (f) => {
    const lines = code(f).split('\n').filter((l) => l.trim()).length;
    expect(lines).toBeLessThanOrEqual(16);
    // Wiring imports pages, starters and constants; never the database, the ranking or the analysis.
    expect(imports(f).filter((i) => /^lib\/(db|rank|analysis|export)\//.test(i))).toEqual([]);
  });
});

describe('one direction between folders', () => {
  // A file straight under lib/ (lib/messaging.ts) is a folder of its own, named without its extension as
  // imports name it, so a cycle through it is seen.
  const folderOf = (p: string) => (p.startsWith('lib/') ? p.replace(/\.(ts|tsx)$/, '').split('/').slice(0, 2).join('/') : null);

  test('lib/ folders import each other without a cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of LIB) {
      const from = folderOf(f)!;
      for (const i of imports(f)) {
        const to = folderOf(i);
        if (to && to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
      }
    }
    // Depth-first search for a cycle; report it as a path.
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (n: string, path: string[]) => {
      if (state.get(n) === 'done') return;
      if (state.get(n) === 'open') return void cycles.push([...path.slice(path.indexOf(n)), n].join(' → '));
      state.set(n, 'open');
      for (const m of edges.get(n) ?? []) visit(m, [...path, n]);
      state.set(n, 'done');
    };
    for (const n of edges.keys()) visit(n, []);
    expect(cycles).toEqual([]);
    // The graph is real: capture reads Reddit facts, the database reads ranking, export reads analysis.
    expect([...edges.get('lib/capture')!]).toContain('lib/reddit');
    expect([...edges.get('lib/db')!]).toContain('lib/rank');
    expect([...edges.get('lib/export')!]).toContain('lib/analysis');
  });

  test('export is pure: lib/export imports nothing of the database or Dexie (type imports included)', () => {
    const bad = LIB.filter((f) => f.startsWith('lib/export/')).flatMap((f) => imports(f).filter((i) => i.startsWith('lib/db/') || i.startsWith('npm:dexie')).map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  test('lib/ never imports tests, benchmarks, scripts or tools', () => {
    const bad = LIB.flatMap((f) => imports(f).filter((i) => /^(test|bench|scripts|tools)\//.test(i)).map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  test('only the model worker imports @mlc-ai/web-llm (type imports aside)', () => {
    const importers = [...PRODUCT, ...walk('bench')].filter((f) =>
      /(?:^|\n)\s*import\s+(?!type\b)[^;]*['"]@mlc-ai\/web-llm['"]|import\(\s*['"]@mlc-ai\/web-llm['"]/.test(source(f)),
    );
    expect(importers).toEqual(['lib/llm/webllm-worker.ts']);
  });

  test('the content script imports nothing heavy', () => {
    const seen = new Set<string>();
    const stack = ['entrypoints/reddit.content/index', 'entrypoints/reddit-json.content/index'];
    while (stack.length) {
      const m = stack.pop()!;
      if (seen.has(m) || m.startsWith('npm:')) continue;
      seen.add(m);
      const file = ['.ts', '.tsx'].map((e) => m + e).find((p) => statSync(p, { throwIfNoEntry: false }));
      if (!file) continue;
      for (const i of imports(file)) stack.push(i);
      for (const i of imports(file)) if (i.startsWith('npm:')) seen.add(i);
    }
    const npm = [...seen].filter((s) => s.startsWith('npm:')).sort();
    expect(npm).toEqual(['npm:#imports', 'npm:wxt/browser', 'npm:wxt/utils/content-script-context']);
  });
});

describe('what comments and docs name exists', () => {
  const DOCS = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const TEXTS = [...PRODUCT, ...walk('test'), ...walk('scripts'), ...walk('bench'), ...DOCS];
  const exists = (p: string) => [p, `${p}.ts`, `${p}.tsx`].some((q) => { try { statSync(q); return true; } catch { return false; } });

  test('every lib/ path named in code, comments and docs is a file or folder of the tree', () => {
    const missing: string[] = [];
    for (const f of TEXTS)
      for (const m of source(f).matchAll(/(?<![\w./-])lib\/[\w./-]*[\w/]/g)) {
        const path = m[0].replace(/\/$/, '');
        if (!exists(path)) missing.push(`${f}: ${m[0]}`);
      }
    expect(missing).toEqual([]);
  });
});

