/**
 * The names under a piece of analysis: found in one pass over the text's words, whatever the number of
 * names (issue 22, item 4: 15,000 names froze the report page 9 s), with the same answers as before.
 */
import { expect, test } from 'vitest';
import { namesIn } from '@/components/ui/NameCharts';
import type { Insight, NameStat } from '@/lib/analysis/insight';

const daily = Array<number>(30).fill(1);
const stat = (key: string, label: string, over: Partial<NameStat> = {}): NameStat => ({ key, label, kind: 'name', firstSeen: 0, week: 1, previousWeek: 0, previous30: 0, month: 1, peakWeek: 0, isNew: false, communities: [], daily, ...over });

test('15,000 names: the ones the text names, in its order, a longer name over a shorter one inside it, at most five', () => {
  const names: Record<string, NameStat> = {};
  for (let i = 0; i < 15_000; i++) names[`zq${i}`] = stat(`zq${i}`, `Zq${i}x`);
  Object.assign(names, {
    qwen35: stat('qwen35', 'Qwen 3.5'),
    nanobanana: stat('nanobanana', 'Nano Banana'),
    nanobananapro: stat('nanobananapro', 'Nano Banana Pro'),
    cpp: stat('llamacpp', 'llama.cpp'),
    quiet: stat('quiet', 'Zq7y', { daily: Array<number>(30).fill(0) }),
  });
  const insight = { names } as unknown as Insight;
  const text = 'Qwen 3.5 leads; Nano Banana Pro follows, then Zq12x and Zq14999x (not zq14999xy, nor Zq7y), llama.cpp, and Zq3x.';
  expect(namesIn(text, insight).map((n) => n.label)).toEqual(['Qwen 3.5', 'Nano Banana Pro', 'Zq12x', 'Zq14999x', 'llama.cpp']);
  expect(namesIn(text, insight, 10).map((n) => n.label)).toEqual(['Qwen 3.5', 'Nano Banana Pro', 'Zq12x', 'Zq14999x', 'llama.cpp', 'Zq3x']);
  expect(namesIn('Nano Banana alone', insight).map((n) => n.label)).toEqual(['Nano Banana']);
  expect(namesIn('Nothing here', insight)).toEqual([]);
});
