import { describe, expect, test } from 'vitest';
import { groupStories, type StoryInput } from '@/lib/analysis/stories';
import { buildInsight, fadingNames, newNames, risingNames } from '@/lib/analysis/insight';
import { findNames } from '@/lib/analysis/names';

const T = Date.UTC(2025, 11, 22, 9);
const D = 86_400_000;
const row = (id: string, title: string, over: Partial<StoryInput> = {}): StoryInput => ({
  id, title, subreddit: 'LocalLLaMA', author: 'a', permalink: `/r/LocalLLaMA/comments/${id}/x/`, flair: null, createdAt: T - D, score: 100, comments: 10, sample: false, ...over,
});

function stories(rows: StoryInput[]) {
  const { byDoc } = findNames(rows);
  return groupStories(rows, (id) => byDoc.get(id) ?? []).map((s) => s.posts.map((p) => p.id));
}

describe('stories', () => {
  test('one event across communities and crossposts; different events apart', () => {
    expect(
      stories([
        row('a1', 'Anthropic rejects the Pentagon offer', { subreddit: 'singularity', score: 2400 }),
        row('a2', 'Anthropic statement on the Pentagon offer', { score: 390 }),
        row('x1', 'Crosspost of something', { crosspostParent: 'a1', score: 5 }),
        row('l1', 'Same article, other words', { url: 'https://example.com/news/1', score: 50 }),
        row('l2', 'A different headline entirely', { url: 'https://www.example.com/news/1/', score: 40 }),
        row('s1', 'Self post one', { url: 'https://www.reddit.com/r/LocalLLaMA/comments/s1/x/', score: 30 }),
        row('s2', 'Self post two', { url: 'https://www.reddit.com/r/LocalLLaMA/comments/s2/x/', score: 20 }),
        row('c1', 'llama.cpp appreciation post', { score: 1310 }),
        row('c2', 'llama.cpp - useful flags - share your thoughts', { score: 47 }),
      ]),
    ).toEqual([['a1', 'a2', 'x1'], ['c1'], ['l1', 'l2'], ['c2'], ['s1'], ['s2']]);
  });

  test("a story's totals and spread", () => {
    const rows = [row('a1', 'EGGROLL: trained a model without backprop', { subreddit: 'MachineLearning', score: 65, comments: 15 }), row('a2', '[R] EGGROLL: trained a model without backprop', { score: 50, comments: 15, createdAt: T - 2 * D })];
    const { byDoc } = findNames(rows);
    const [s] = groupStories(rows, (id) => byDoc.get(id) ?? []);
    expect(s).toMatchObject({ id: 'a1', score: 115, comments: 30, communities: ['MachineLearning', 'LocalLLaMA'], names: ['eggroll'], firstAt: T - 2 * D });
  });
});

describe('novelty', () => {
  const posts = [
    row('g1', 'Gemini 2.5 pricing', { createdAt: T - 10 * D }),
    row('g2', 'Gemini 2.5 leak', { createdAt: T - 11 * D }),
    row('q1', 'Qwen3 is good', { createdAt: T - 20 * D }),
    row('q2', 'Qwen3 finetune', { createdAt: T - 2 * D }),
    row('q3', 'Qwen3 on a Pi', { createdAt: T - 3 * D }),
    row('e1', 'EGGROLL released', { createdAt: T - D }),
    row('e2', 'EGGROLL code', { createdAt: T - D }),
  ];

  test('first seen, counts by week, new, rising and fading', () => {
    const insight = buildInsight(posts, T, []);
    expect(insight.names['qwen3']).toMatchObject({ firstSeen: T - 20 * D, week: 2, previousWeek: 0, previous30: 1, month: 3, peakWeek: 0, isNew: false });
    // Posts a day over 30 days, oldest first: 20, 3 and 2 days ago.
    expect(insight.names['qwen3']!.daily.flatMap((n, i) => (n ? [[29 - i, n]] : []))).toEqual([[20, 1], [3, 1], [2, 1]]);
    expect(newNames(insight).map((n) => n.label)).toEqual(['EGGROLL']);
    expect(risingNames(insight).map((n) => n.label)).toEqual(['Qwen3']);
    expect(fadingNames(insight).map((n) => [n.label, n.week, n.previousWeek])).toEqual([['Gemini 2.5', 0, 2]]);
    expect([insight.postsThisWeek, insight.postsPreviousWeek]).toEqual([4, 2]);
  });

  test('"new this week" means never seen in the whole history: an older first sighting from the names table counts', () => {
    const insight = buildInsight(posts, T, [], { eggroll: T - 90 * D });
    expect(insight.names['eggroll']).toMatchObject({ firstSeen: T - 90 * D, isNew: false });
    expect(newNames(insight)).toEqual([]);
  });
});
