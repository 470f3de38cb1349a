import { beforeEach, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { offlineTldr, tldr } from '@/lib/analysis/tldr';
import { clusterPosts, review, reviewMarkdown, themeName } from '@/lib/analysis/review';
import { postMarkdown, pythonSeconds } from '@/lib/export/post';
import { FakeEngine } from '@/lib/llm/fake-engine';
import { dexieCache } from '@/lib/db/generations';
import { RadarDB } from '@/lib/db/schema';
import type { TrendRow } from '@/lib/rank/types';
import { SEED_DIR, seedText } from '../support/seeds';

let db: RadarDB;
let n = 0;
beforeEach(async () => {
  db = new RadarDB(`test-tldr-${++n}`);
  await db.open();
});
const row = (id: string, title: string, score: number, author = 'alice'): TrendRow => ({
  id, subreddit: 'MachineLearning', title, author, permalink: `/r/MachineLearning/comments/${id.slice(3)}/x/`, flair: 'Research', createdAt: 0, score, comments: 12, sample: false,
});

describe('TL;DR', () => {
  const post = row('t3_p1', 'EGGROLL: training without backprop', 65);
  const detail = {
    body: 'EGGROLL is training without backprop. We train billion-parameter models with evolution strategies. Low-rank noise keeps evolution strategies cheap. Code is out.',
    comments: [
      { author: 'carol', score: 90, body: 'The variance reduction is the key part. Nice work.' },
      { author: 'bob', score: 40, body: 'Does it beat backprop on ImageNet?' },
    ],
  };

  test('offline: the body\'s key sentences (not the title again), what the top comments do, the numbers', () => {
    expect(offlineTldr(post, detail)).toBe(
      [
        '- We train billion-parameter models with evolution strategies. Low-rank noise keeps evolution strategies cheap.',
        '- u/carol (90 points) adds: The variance reduction is the key part.',
        '- u/bob (40 points) asks: Does it beat backprop on ImageNet?',
        '- 65 points, 12 comments.',
      ].join('\n'),
    );
  });

  test('with a model: grounded, cached, served again from the cache', async () => {
    const engine = new FakeEngine({ answer: () => '- A new method ([paper](https://evil.example/pdf)).\n- See [the post](https://www.reddit.com/comments/p1).' });
    const a = await tldr(post, detail, engine, dexieCache(db));
    expect(a).toEqual({ text: '- A new method (paper).\n- See [the post](https://www.reddit.com/comments/p1) (Score: 65, Comments: 12).', source: 'fake-model', fromCache: false });
    expect((await tldr(post, detail, engine, dexieCache(db))).fromCache).toBe(true);
    expect(engine.prompts).toHaveLength(1);
    expect(engine.prompts[0]![1]!.content).toContain('Comment by u/carol: The variance reduction is the key part.');
  });
});

describe('period review', () => {
  const posts = [
    row('t3_r1', 'DeepSeek R1 runs locally', 900, 'ann'),
    row('t3_r2', 'Why DeepSeek open-sourced R1', 700, 'ben'),
    row('t3_r3', 'Mamba is dead, long live linear attention', 500, 'cat'),
    row('t3_r4', 'Linear attention at ICLR', 300, 'dan'),
    row('t3_r5', 'Conference reviewing is broken', 200, 'eve'),
  ];

  test('related posts cluster; themes are named by their names offline, else by their lead post', () => {
    expect(clusterPosts(posts).map((c) => c.map((p) => p.id))).toEqual([['t3_r1', 't3_r2'], ['t3_r3', 't3_r4'], ['t3_r5']]);
    expect(themeName(posts.slice(0, 2))).toBe('DeepSeek and R1');
    expect(themeName(posts.slice(2, 4))).toBe('Mamba is dead, long live linear attention');
  });

  test('offline review: each claim links its post with "(N upvotes, by u/author)"', async () => {
    const r = await review('r/MachineLearning - a year in review', '2025-01-01', '2025-12-31', posts, null, dexieCache(db));
    expect(reviewMarkdown(r)).toBe(
      [
        '# r/MachineLearning - a year in review',
        '',
        'A review of the most upvoted captured posts from 2025-01-01 to 2025-12-31, grouped into themes.',
        '',
        '---',
        '',
        '## DeepSeek and R1',
        '',
        'The most upvoted post of this theme was [DeepSeek R1 runs locally](https://www.reddit.com/comments/r1) (900 upvotes, by u/ann) in r/MachineLearning. Related: [Why DeepSeek open-sourced R1](https://www.reddit.com/comments/r2) (700 upvotes, by u/ben).',
        '',
        '*Written by: offline analyser*',
        '',
        '## Mamba is dead, long live linear attention',
        '',
        'The most upvoted post of this theme was [Mamba is dead, long live linear attention](https://www.reddit.com/comments/r3) (500 upvotes, by u/cat) in r/MachineLearning. Related: [Linear attention at ICLR](https://www.reddit.com/comments/r4) (300 upvotes, by u/dan).',
        '',
        '*Written by: offline analyser*',
        '',
        '## Conference reviewing is broken',
        '',
        'The most upvoted post of this theme was [Conference reviewing is broken](https://www.reddit.com/comments/r5) (200 upvotes, by u/eve) in r/MachineLearning.',
        '',
        '*Written by: offline analyser*',
        '',
      ].join('\n'),
    );
  });

  test('with a model: theme names from the model, claims grounded with data numbers', async () => {
    const engine = new FakeEngine({ answer: () => '**Open weights**\nThe year opened with [R1](https://www.reddit.com/comments/r1) (5 upvotes) and [a fake](https://www.reddit.com/comments/nope1).' });
    const r = await review('Review', '2025-01-01', '2025-12-31', posts.slice(0, 2), engine, dexieCache(db));
    expect(r.themes.map((t) => [t.name, t.text, t.source])).toEqual([
      ['Open weights', 'The year opened with [R1](https://www.reddit.com/comments/r1) (900 upvotes, by u/ann) and a fake.', 'fake-model'],
    ]);
  });
});

describe.runIf(existsSync(SEED_DIR) || !!process.env.CI)('a single post in the seed 002 format', () => {
  test('seed 002 re-rendered from its own fields is byte for byte the same', () => {
    const text = seedText('002_7356b0a4a20d39c6.txt');
    const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)![1]!;
    const content = text.slice(text.indexOf('Post Content:\n') + 'Post Content:\n'.length, text.indexOf('\n\n\nTop 5 comments:'));
    const comments = text
      .slice(text.indexOf('Top 5 comments:\n\n') + 'Top 5 comments:\n\n'.length)
      .split(/^Comment \d+:\n/m)
      .filter(Boolean)
      .map((c) => {
        // Each comment ends with a blank line before the next; the file's last one ends the file.
        const m = /^Author: (.*)\nScore: (.*)\nCreated UTC: (.*)\nComment: ([\s\S]*)$/.exec(c.replace(/\n\n$/, ''))!;
        return { author: m[1]!, score: Number(m[2]), createdAt: Number(m[3]) * 1000, body: m[4]! };
      });
    expect(comments).toHaveLength(5);
    const url = field('URL');
    const md = postMarkdown(
      {
        title: field('Post Title'), author: field('Author'), score: Number(field('Score')), permalink: new URL(url).pathname,
        comments: Number(field('Number of comments')), createdAt: Number(field('Created UTC')) * 1000, body: content,
      },
      comments,
    );
    expect(md).toBe(text.endsWith('\n') ? text : `${text}\n`);
  });

  test('epoch seconds as Python prints a float', () => {
    expect(pythonSeconds(1766851467000)).toBe('1766851467.0');
    expect(pythonSeconds(1766851467500)).toBe('1766851467.5');
  });
});

test('sentences end where sentences end, not inside "GPT-5.6" or "e.g. this"', async () => {
  const { sentences } = await import('@/lib/analysis/tldr');
  expect(sentences('OpenAI launched GPT-5.6 today. It is cheaper, e.g. about 2x. Third one.\n\nSecond paragraph.', 2)).toBe('OpenAI launched GPT-5.6 today. It is cheaper, e.g. about 2x.');
  expect(sentences("Lot dropped this week, so I'd pull it together.\n\nModel releases:", 2)).toBe("Lot dropped this week, so I'd pull it together.");
});

test('the TL;DR says how many of the comments it read, and tells the model not to claim more', async () => {
  const { offlineTldr, tldrPrompt } = await import('@/lib/analysis/tldr');
  const post = { id: 't3_r1', subreddit: 'LocalLLaMA', title: 'A thread', author: 'a', permalink: '/r/LocalLLaMA/comments/r1/x/', flair: null, createdAt: 0, score: 10, comments: 268, sample: false };
  const detail = { body: 'The post says one thing. Then another.', comments: [{ author: 'b', score: 5, body: 'I agree with this.' }], read: { comments: 24, of: 268 } };
  expect(offlineTldr(post, detail)).toContain('- From what the page showed: read 24 of 268 comments.');
  expect(tldrPrompt(post, detail, 4096)[1]!.content).toContain('some of the 24 captured of 268; do not claim to cover the whole thread');
  // Nothing to say when every comment was read.
  expect(offlineTldr(post, { ...detail, read: { comments: 268, of: 268 } })).not.toContain('read 268');
});
