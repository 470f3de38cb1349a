import { expect, test } from 'vitest';
import { offlineAnalysis } from '@/lib/analysis/offline';
import { risingTerms, terms } from '@/lib/analysis/terms';
import { fixedInput } from '../support/analysis-input';

test('terms keep model names and drop stopwords', () => {
  expect(terms("Qwen3.5-35B-A3B Q4 Quantization Comparison: what's llama.cpp doing?")).toEqual(['qwen3.5-35b-a3b', 'q4', 'quantization', 'comparison', 'llama.cpp', 'doing']);
});

test('rising terms: today against the previous week', () => {
  expect(risingTerms(['qwen 3.5 eggroll', 'qwen 3.5 3090', 'eggroll backprop', 'eggroll code'], ['gemini leak', 'gemini pricing', 'qwen guide'], 5)).toEqual([
    { term: 'eggroll', now: 3, before: 0 },
  ]);
  // "qwen": 2 of 4 posts now, 1 of 3 before: with smoothing ((1+1)/(3+1) = 0.5) that is no rise.
});

test('the offline analyser on fixed data: exact terms and posts in every section', () => {
  const a = offlineAnalysis(fixedInput());
  expect(Object.values(a).every((s) => s.source === 'offline analyser')).toBe(true);
  expect(a.today.body).toBe(
    [
      '**Rising terms** (posts today, against the previous 7 days): “eggroll” 2 (was 0).',
      '- “eggroll”: [EGGROLL: trained a model without backprop](https://www.reddit.com/comments/a3) (Score: 65, Comments: 300) in r/MachineLearning',
      '',
      '**Most upvoted today:**',
      '',
      '- [Qwen 3.5 quantization comparison](https://www.reddit.com/comments/a1) (Score: 500, Comments: 140) in r/LocalLLaMA',
      '- [Qwen 3.5 runs on a single 3090](https://www.reddit.com/comments/a2) (Score: 300, Comments: 40) in r/LocalLLaMA',
      '- [EGGROLL: trained a model without backprop](https://www.reddit.com/comments/a3) (Score: 65, Comments: 300) in r/MachineLearning',
    ].join('\n'),
  );
  expect(a.weekly.body).toContain('- **Persistent topics** (the week before and today): none.');
  expect(a.weekly.body).toContain('- **New today** (not among the week\'s topics): “eggroll”, “qwen”.');
  expect(a.weekly.body).toContain('- **Quieter today** (the week\'s topics absent today): “gemini”.');
  expect(a.monthly.body.startsWith('Across 7 posts of the last 30 days, the most frequent topics: “qwen” (3), “eggroll” (2), “gemini” (2).')).toBe(true);
  expect(a.deepDive.body).toBe(
    [
      '**EGGROLL: trained a model without backprop**, the most discussed post of the day: [EGGROLL: trained a model without backprop](https://www.reddit.com/comments/a3) (Score: 65, Comments: 300) in r/MachineLearning.',
      '',
      '> We train with evolution strategies. It scales to billions of parameters.',
      '',
      '**Top comments:**',
      '',
      '- u/carol (90 points): The variance reduction trick is the key part.',
      '- u/bob (40 points): How does it compare to backprop on ImageNet?',
    ].join('\n'),
  );
  expect(a.communities.body.split('\n')).toEqual([
    '- **r/LocalLLaMA** (4 posts): talks about “qwen”; top post [Qwen 3.5 quantization comparison](https://www.reddit.com/comments/a1) (Score: 500, Comments: 140)',
    '- **r/singularity** (2 posts): talks about “gemini”; top post [Gemini benchmark leak](https://www.reddit.com/comments/b1) (Score: 2000, Comments: 500)',
    '- **r/MachineLearning** (1 post): top post [EGGROLL: trained a model without backprop](https://www.reddit.com/comments/a3) (Score: 65, Comments: 300)',
  ]);
});
