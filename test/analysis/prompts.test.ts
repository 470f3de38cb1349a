import { expect, test } from 'vitest';
import { ANSWER_TOKENS, buildSectionPrompt, messagesTokens } from '@/lib/analysis/prompts';
import { cacheKey } from '@/lib/analysis/cache';
import { fixedInput } from '../support/analysis-input';

test('each section prompt gives its facts: stories with their names and counts, posts as rows with their URLs', () => {
  const input = fixedInput();
  const today = buildSectionPrompt('today', input, 4096)!;
  expect(today.posts.map((p) => p.id)).toEqual(['t3_a1', 't3_a2', 't3_a3', 't3_a4']);
  const lines = today.messages[1]!.content.split('\n');
  expect(lines.slice(4, 8)).toEqual([
    'Story: Qwen 3.5; 1 post(s) in r/LocalLLaMA; 500 points, 140 comments; new this week: Qwen 3.5',
    '  - url=https://www.reddit.com/comments/a1 r/LocalLLaMA score=500 comments=140 title="Qwen 3.5 quantization comparison"',
    'Story: Qwen 3.5; 1 post(s) in r/LocalLLaMA; 300 points, 40 comments; new this week: Qwen 3.5',
    '  - url=https://www.reddit.com/comments/a2 r/LocalLLaMA score=300 comments=40 title="Qwen 3.5 runs on a single 3090"',
  ]);
  const weekly = buildSectionPrompt('weekly', input, 4096)!.messages[1]!.content;
  expect(weekly).toContain('New names (never seen before): EGGROLL (2), Gemini (2), Qwen 3.5 (2), Qwen 3 (1).');
  const deep = buildSectionPrompt('deepDive', input, 4096)!;
  expect(deep.posts.map((p) => p.id)).toEqual(['t3_a3']);
  expect(deep.messages[1]!.content).toContain('Key sentences of https://www.reddit.com/comments/a3: We train with evolution strategies. It scales to billions of parameters.');
  expect(deep.messages[1]!.content).toContain('Comment (adds) by u/carol: The variance reduction trick is the key part.');
  expect(deep.messages[1]!.content).toContain('Comment (asks) by u/bob: How does it compare to backprop on ImageNet?');
  // The story's mood is given to the model where its comments were read.
  expect(deep.messages[1]!.content).toContain('Story: EGGROLL; 1 post(s) in r/MachineLearning; 65 points, 300 comments; new this week: EGGROLL; mood: divisive (300 comments on 65 points)');
});

test('the token budget: a prompt always leaves room for the answer, trimming as needed', () => {
  const input = fixedInput();
  input.details.t3_a3!.article = 'word '.repeat(5000);
  for (const window of [4096, 2048, 1200]) {
    const prompt = buildSectionPrompt('deepDive', input, window)!;
    expect(messagesTokens(prompt.messages) + ANSWER_TOKENS).toBeLessThanOrEqual(window);
  }
  const big = buildSectionPrompt('deepDive', input, 4096)!;
  const small = buildSectionPrompt('deepDive', input, 1200)!;
  expect(small.messages[1]!.content.length).toBeLessThan(big.messages[1]!.content.length);
  // Nothing fits at all: no prompt rather than an overflowing one.
  expect(buildSectionPrompt('deepDive', input, ANSWER_TOKENS + 50)).toBeNull();
});

test('cache keys: the same model, version and prompt give the same key; any change another', async () => {
  const m = buildSectionPrompt('today', fixedInput(), 4096)!.messages;
  const k = await cacheKey('model-a', m);
  expect(k).toMatch(/^[0-9a-f]{64}$/);
  expect(await cacheKey('model-a', structuredClone(m))).toBe(k);
  expect(await cacheKey('model-b', m)).not.toBe(k);
  expect(await cacheKey('model-a', m, 999)).not.toBe(k);
  expect(await cacheKey('model-a', [m[0]!, { ...m[1]!, content: `${m[1]!.content} ` }])).not.toBe(k);
});
