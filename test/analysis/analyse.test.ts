import { beforeEach, expect, test } from 'vitest';
import { analyse } from '@/lib/analysis/analyse';
import { FakeEngine } from '@/lib/llm/fake-engine';
import { dexieCache } from '@/lib/db/generations';
import { RadarDB } from '@/lib/db/schema';
import { renderAnalysis } from '@/lib/export/markdown';
import { fixedInput } from '../support/analysis-input';

let db: RadarDB;
let n = 0;
beforeEach(async () => {
  db = new RadarDB(`test-analyse-${++n}`);
  await db.open();
});

test('the fake engine writes every section, streamed, grounded: made-up links never survive', async () => {
  const engine = new FakeEngine({ modelId: 'fake-1' });
  const tokens: string[] = [];
  const { analysis, failure, stopped } = await analyse(fixedInput(), engine, dexieCache(db), { onToken: (_, t) => tokens.push(t) });
  expect(failure).toBeUndefined();
  expect(stopped).toBe(false);
  expect(Object.values(analysis).map((s) => s.source)).toEqual(['fake-1', 'fake-1', 'fake-1', 'fake-1', 'fake-1']);
  expect(tokens.length).toBeGreaterThan(20);
  const md = renderAnalysis(analysis);
  expect(md).not.toMatch(/evil\.example|zzzzzz9|99999/);
  expect(analysis.today.body).toBe(
    'The community converged on one story ([the top post](https://www.reddit.com/comments/a1) (Score: 500, Comments: 140)). ' +
      'Some claimed a secret release here and there, but that is not in the data.',
  );
  // Every link left points at a post of that section's input.
  expect(analysis.deepDive.body).toContain('(https://www.reddit.com/comments/a3) (Score: 65, Comments: 300)');
  expect(md).toContain('*Written by: fake-1*');
});

test('reopening is served from the cache; regenerate asks the model again', async () => {
  const engine = new FakeEngine({ modelId: 'fake-1' });
  const first = await analyse(fixedInput(), engine, dexieCache(db));
  expect(engine.prompts).toHaveLength(5);
  const fromCache: boolean[] = [];
  const again = await analyse(fixedInput(), engine, dexieCache(db), { onSection: (_, __, c) => fromCache.push(c) });
  expect(engine.prompts).toHaveLength(5);
  expect(fromCache).toEqual([true, true, true, true, true]);
  expect(again.analysis).toEqual(first.analysis);
  await analyse(fixedInput(), engine, dexieCache(db), { regenerate: true });
  expect(engine.prompts).toHaveLength(10);
  expect(await db.generations.count()).toBe(5);
});

test('Stop: generation ends at once, the rest comes from the offline analyser, nothing half-written is cached', async () => {
  const engine = new FakeEngine({ modelId: 'fake-1', delayMs: 2 });
  const controller = new AbortController();
  let seen = 0;
  const { analysis, stopped } = await analyse(fixedInput(), engine, dexieCache(db), {
    signal: controller.signal,
    onToken: () => ++seen === 5 && controller.abort(),
  });
  expect(stopped).toBe(true);
  expect(engine.prompts).toHaveLength(1);
  expect(Object.values(analysis).map((s) => s.source)).toEqual(Array(5).fill('offline analyser'));
  expect(await db.generations.count()).toBe(0);
});

test('a GPU failure mid-way: the report is still whole, and the failure is reported for the ladder', async () => {
  let calls = 0;
  const engine = new FakeEngine({ failGenerate: () => (++calls === 2 ? Object.assign(new Error('lost'), { name: 'DeviceLostError' }) : undefined) });
  const { analysis, failure } = await analyse(fixedInput(), engine, dexieCache(db));
  expect(failure).toBe('device-lost');
  expect(Object.values(analysis).map((s) => s.source)).toEqual(['fake-model', 'offline analyser', 'offline analyser', 'offline analyser', 'offline analyser']);
});

test('a context overflow trims the prompt and retries', async () => {
  const input = fixedInput();
  input.details.t3_a3!.article = 'word '.repeat(1000);
  let overflowed = false;
  const engine = new FakeEngine({
    failGenerate: (m) => {
      if (!m[1]!.content.includes('Technical Deep Dive') || overflowed) return undefined;
      overflowed = true;
      return Object.assign(new Error('prompt tokens exceed context window'), { name: 'ContextWindowSizeExceededError' });
    },
  });
  const { analysis, sectionErrors } = await analyse(input, engine, dexieCache(db));
  expect(analysis.deepDive.source).toBe('fake-model');
  expect(sectionErrors).toEqual([]);
  const deep = engine.prompts.filter((p) => p[1]!.content.includes('Technical Deep Dive')).map((p) => p[1]!.content.length);
  expect(deep).toHaveLength(2);
  expect(deep[1]).toBeLessThan(deep[0]!);
});

test('a section the model cannot write for another reason: offline for that one, the model for the rest', async () => {
  const engine = new FakeEngine({ failGenerate: (m) => (m[1]!.content.includes('Weekly Trend') ? new Error('bad JSON from the worker') : undefined) });
  const { analysis, failure, sectionErrors } = await analyse(fixedInput(), engine, dexieCache(db));
  expect(failure).toBeUndefined();
  expect(sectionErrors).toEqual(['weekly: bad JSON from the worker']);
  expect(Object.values(analysis).map((s) => s.source)).toEqual(['fake-model', 'offline analyser', 'fake-model', 'fake-model', 'fake-model']);
});

test('no engine: the offline analyser writes every section', async () => {
  const { analysis } = await analyse(fixedInput(), null, dexieCache(db));
  expect(Object.values(analysis).map((s) => s.source)).toEqual(Array(5).fill('offline analyser'));
});
