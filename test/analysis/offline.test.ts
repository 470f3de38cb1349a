import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { offlineAnalysis } from '@/lib/analysis/offline';
import { reportWithInput } from '@/lib/analysis/input';
import { keySentences, stance } from '@/lib/analysis/extract';
import { DEFAULT_TRACKED } from '@/lib/settings/shape';
import { fixedInput, p, T } from '../support/analysis-input';
import { SEED_DIR, seedPosts, seedReportTime, seedText, visibleTitle } from '../support/seeds';

const H = 3_600_000;
const D = 24 * H;

/** Three weeks: Gemini fades, Anthropic rises, EGGROLL and Moore Threads are new; the day's story spans two communities. */
function briefing() {
  const posts = [
    p('Gemini 2.5 pricing thread', { id: 't3_g1', subreddit: 'singularity', createdAt: T - 10 * D, score: 900, comments: 90 }),
    p('Gemini 2.5 benchmark leak', { id: 't3_g2', subreddit: 'singularity', createdAt: T - 11 * D, score: 800, comments: 80 }),
    p('Is Gemini 2.5 worth it for coding', { id: 't3_g3', subreddit: 'LocalLLaMA', createdAt: T - 12 * D, score: 100, comments: 30 }),
    p('Anthropic ships a new Claude tier', { id: 't3_c0', subreddit: 'singularity', createdAt: T - 9 * D, score: 300, comments: 50 }),
    p('Anthropic rejects the Pentagon offer', { id: 't3_c1', subreddit: 'singularity', createdAt: T - 3 * D, score: 2400, comments: 255 }),
    p('Anthropic statement on the Pentagon offer', { id: 't3_c2', subreddit: 'LocalLLaMA', createdAt: T - 3 * D, score: 390, comments: 31 }),
    p('Anthropic says distillation attacks are rising', { id: 't3_c3', subreddit: 'LocalLLaMA', createdAt: T - 4 * D, score: 200, comments: 40 }),
    p('llama.cpp useful flags', { id: 't3_l1', createdAt: T - 20 * D, score: 50, comments: 12 }),
    p('llama.cpp appreciation post', { id: 't3_l2', createdAt: T - 5 * H, score: 1310, comments: 142, flair: 'Funny' }),
    p('[R] EGGROLL: trained a model without backprop', {
      id: 't3_e1', subreddit: 'MachineLearning', createdAt: T - 8 * H, score: 65, comments: 300,
      body: 'We train billion-parameter models with evolution strategies instead of backprop. EGGROLL uses low-rank perturbations, so each step costs little memory. On our benchmarks it matches backprop at a fraction of the memory. Code and weights are on GitHub.',
    }),
    p('EGGROLL: trained a model without backprop', { id: 't3_e2', createdAt: T - 8 * H, score: 50, comments: 15 }),
    p('Moore Threads Unveils The Lushan Gaming & Huashan AI GPUs', { id: 't3_m1', createdAt: T - 6 * H, score: 95, comments: 34 }),
  ];
  const comments = [
    { postId: 't3_e1', author: 'carol', score: 90, body: 'Great result, the low-rank trick is what makes it fit in memory.' },
    { postId: 't3_e1', author: 'bob', score: 40, body: 'How does EGGROLL compare to backprop on ImageNet?' },
    { postId: 't3_e1', author: 'dan', score: 12, body: 'Not sure this scales past a billion parameters, the variance grows with the model.' },
  ];
  return reportWithInput(posts, [], comments, T, { tracked: ['LocalLLaMA', 'MachineLearning', 'singularity'], all: false }).input;
}

describe('the offline analysis, on a three-week world', () => {
  const a = offlineAnalysis(briefing());

  test("today's highlights: stories named by their names, what each is, and why they stand out", () => {
    expect(a.today.body).toBe(
      [
        '4 posts of tracked communities in the last 24 hours, in 3 stories. The top 3:',
        '',
        '- **llama.cpp**: [llama.cpp appreciation post](https://www.reddit.com/comments/l2) (Score: 1310, Comments: 142) in r/LocalLLaMA.  ',
        // What a story is, from its body; said once where only titles were captured.
        '  *What it is:* only its title was captured.  ',
        "  *Why it stands out:* The day's most upvoted story, at 1310 points.",
        '- **EGGROLL**: [\\[R\\] EGGROLL: trained a model without backprop](https://www.reddit.com/comments/e1) (Score: 65, Comments: 300) in r/MachineLearning and r/LocalLLaMA (2 discussions, 115 points and 315 comments in all).  ',
        // The body's key sentence that names EGGROLL (read from the body above).
        '  *What it is:* “EGGROLL uses low-rank perturbations, so each step costs little memory.”  ',
        '  *Why it stands out:* A lively thread (315 comments for 115 points); discussed in 2 communities; EGGROLL is new this week (never seen before in your history).  ',
        // The mood: one of its three top comments pushes back, and it drew more comments than points.
        '  *Mood:* divisive: 1 of 3 top comments push back; more comments than points.',
        '- **Moore Threads**, **Lushan Gaming** and **Huashan**: [Moore Threads Unveils The Lushan Gaming & Huashan AI GPUs](https://www.reddit.com/comments/m1) (Score: 95, Comments: 34) in r/LocalLLaMA.  ',
        '  *Why it stands out:* Moore Threads, Lushan Gaming and Huashan are new this week (never seen before in your history).',
      ].join('\n'),
    );
  });

  test('in Chinese: the same stories, names, links and numbers, in the Chinese templates', () => {
    const zh = offlineAnalysis(briefing(), 'zh');
    expect(zh.today.body.split('\n').slice(0, 4)).toEqual([
      '过去 24 小时内，所跟踪的社区共有 4 篇帖子，归为 3 个话题。排名前 3 的话题：',
      '',
      '- **llama.cpp**：[llama.cpp appreciation post](https://www.reddit.com/comments/l2) (Score: 1310, Comments: 142)，来自 r/LocalLLaMA。  ',
      '  *内容：* 只捕获到了标题。  ',
    ]);
    expect(zh.today.body).toContain('  *值得关注的原因：* 讨论热烈（115 分，315 条评论）；在 2 个社区中被讨论；EGGROLL是本周新出现的名字（此前从未出现在你的历史中）。  ');
    expect(zh.today.body).toContain('  *讨论氛围：* 分歧明显：前 3 条热门评论中有 1 条提出反对；评论数多于得分。');
    expect(zh.weekly.body.split('\n').slice(0, 3)).toEqual(['本周：所跟踪的社区共有 7 篇帖子；之前 7 天：4 篇。', '', '- **上升：** Anthropic（3 篇，上周 1 篇）。']);
    expect(zh.monthly.body).toContain('- **项目与工具：** llama.cpp（2 篇，首次出现于 2025-12-02，本周提及最多）。');
    expect(zh.deepDive.body).toContain('- u/dan（12 分）反驳：“Not sure this scales past a billion parameters, the variance grows with the model.”');
    // The same links as the English analysis, no other.
    const links = (t: string) => [...t.matchAll(/\]\((https:[^)]+)\)/g)].map((m) => m[1]).sort();
    for (const key of ['today', 'weekly', 'monthly', 'deepDive', 'communities'] as const) expect(links(zh[key].body)).toEqual(links(a[key].body));
  });

  test('weekly: rising, new and fading names with their counts', () => {
    expect(a.weekly.body.split('\n').slice(0, 5)).toEqual([
      'This week: 7 posts of tracked communities; the 7 days before: 4.',
      '',
      '- **Rising:** Anthropic (3 posts, up from 1).',
      '- **New this week** (never seen before in your history): EGGROLL (2 posts), Pentagon (2 posts), GitHub (1 post), Huashan (1 post), Lushan Gaming (1 post) and Moore Threads (1 post).',
      '- **Fading:** Gemini 2.5 (0 this week, down from 3).',
    ]);
  });

  test('monthly: names by kind, first seen and peak week', () => {
    expect(a.monthly.body).toContain('- **Models:** Gemini 2.5 (3 posts, first seen 2025-12-10, most mentioned last week).');
    expect(a.monthly.body).toContain('- **Projects and tools:** llama.cpp (2 posts, first seen 2025-12-02, most mentioned this week).');
    expect(a.monthly.body).toContain('Anthropic (4 posts, first seen 2025-12-13, most mentioned this week)');
  });

  test('deep dive: what the post claims, how commenters answer and how the thread split, never the title twice', () => {
    expect(a.deepDive.body).toBe(
      [
        '**EGGROLL**: the most discussed story of the day, [\\[R\\] EGGROLL: trained a model without backprop](https://www.reddit.com/comments/e1) (Score: 65, Comments: 300) in r/MachineLearning, one of 2 discussions of it.',
        '',
        '**What the post says:** We train billion-parameter models with evolution strategies instead of backprop. EGGROLL uses low-rank perturbations, so each step costs little memory. On our benchmarks it matches backprop at a fraction of the memory.',
        '',
        '**What commenters say** (3 top comments read):',
        '',
        '- u/carol (90 points) agrees: “Great result, the low-rank trick is what makes it fit in memory.”',
        '- u/bob (40 points) asks: “How does EGGROLL compare to backprop on ImageNet?”',
        '- u/dan (12 points) pushes back: “Not sure this scales past a billion parameters, the variance grows with the model.”',
        '',
        // One of the three pushes back, and 300 comments on 65 points: Reddit's own sign of a fight.
        '**The split:** divisive: 1 of 3 top comments push back; more comments than points.',
      ].join('\n'),
    );
  });

  // EGGROLL is split between two communities, Pentagon too: distinctive to neither.
  test("community highlights: each community's distinctive names, never its own name", () => {
    expect(a.communities.body.split('\n')).toEqual([
      '- **r/LocalLLaMA** (5 posts this week): talks about Anthropic, Huashan, llama.cpp, Lushan Gaming and Moore Threads more than the other communities. Top post: [llama.cpp appreciation post](https://www.reddit.com/comments/l2) (Score: 1310, Comments: 142).',
      '- **r/MachineLearning** (1 post this week): talks about GitHub more than the other communities. Top post: [\\[R\\] EGGROLL: trained a model without backprop](https://www.reddit.com/comments/e1) (Score: 65, Comments: 300).',
      '- **r/singularity** (1 post this week): no name stands out against the other communities. Top post: [Anthropic rejects the Pentagon offer](https://www.reddit.com/comments/c1) (Score: 2400, Comments: 255).',
    ]);
  });

  test('only the title captured: the deep dive says which post to open', () => {
    const input = fixedInput();
    input.details = {};
    expect(offlineAnalysis(input).deepDive.body).toContain('Only its title was captured. Open [EGGROLL: trained a model without backprop](https://www.reddit.com/comments/a3)');
  });
});

describe('extractive summaries', () => {
  test('key sentences: the weightiest, in order, never the title again', () => {
    const body = 'EGGROLL trained a model without backprop. We use evolution strategies with low-rank noise. Low-rank noise keeps memory small. I like turtles.';
    expect(keySentences(body, 2, { avoid: 'EGGROLL: trained a model without backprop' })).toEqual(['We use evolution strategies with low-rank noise.', 'Low-rank noise keeps memory small.']);
  });

  test('stance of a comment', () => {
    expect(['Is this on GitHub?', 'This is great work', "I doubt it, the variance isn't solved", 'They used 8 GPUs.'].map(stance)).toEqual(['asks', 'agrees', 'doubts', 'adds']);
  });
});

/**
 * The measures of the insight issue, on the seeds' own rows (tables of seeds 000 and 001 as posts, titles
 * as the tables show them): every one-word topic the analysis names is a real name, and the names each
 * seed's own Trend Analysis highlights that appear in its input titles are named in ours, in prose.
 */
describe.runIf(existsSync(SEED_DIR) || !!process.env.CI)('on the seeds', () => {
  const analysisOf = (seed: string) => {
    const posts = [...seedPosts(seedText('000_d207f157a4ea8703.txt')), ...seedPosts(seedText('001_38769840f5c39339.txt'))];
    const seen = new Set<string>();
    const unique = posts.filter((x) => !seen.has(x.id) && seen.add(x.id)).map((x) => ({ ...x, title: visibleTitle(x.title) }));
    const { input } = reportWithInput(unique, [], [], seedReportTime(seedText(seed)), { tracked: DEFAULT_TRACKED, all: false });
    return { input, text: Object.values(offlineAnalysis(input)).map((s) => s.body).join('\n') };
  };
  /** Prose: the text with every post link taken out (its title is not ours to count). */
  const prose = (text: string) => text.replace(/\[(?:[^\]\\]|\\.)*\]\([^)]*\)/g, '');

  // Read from the seeds' Trend Analysis sections: the names they highlight that their input titles hold.
  test.each([
    ['000_d207f157a4ea8703.txt', ['EGGROLL', 'Moore Threads', 'Lushan', 'Huashan', 'llama.cpp', 'NanoGPT', 'GPT Image 1.5', 'Nano Banana Pro']],
    ['001_38769840f5c39339.txt', ['Anthropic', 'Pentagon', 'Google', 'Nano banana 2', 'Qwen3.5-35B-A3B', 'Chinese']],
  ])('%s: the names its analysis highlights are named in ours', (seed, expected) => {
    const text = prose(analysisOf(seed).text);
    expect(expected.filter((name) => !text.includes(name))).toEqual([]);
  });

  test.each(['000_d207f157a4ea8703.txt', '001_38769840f5c39339.txt'])('%s: every one-word topic is a name, none a generic word', (seed) => {
    const { input, text } = analysisOf(seed);
    const highlighted = [...prose(text).matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!).filter((h) => !/^r\/|^(?:Rising|New this week|Fading|Steady|Models|Projects and tools|Benchmarks|Organisations, products and people|What the post says|What commenters say):?$/.test(h));
    const oneWord = highlighted.filter((h) => !/\s/.test(h));
    expect(oneWord.length).toBeGreaterThan(0);
    for (const word of oneWord) expect(/\d|\p{Lu}.*\p{Lu}|\./u.test(word) || Object.values(input.insight.names).some((n) => n.label === word), word).toBe(true);
    for (const generic of ['actually', 'found', 'pro', 'don', 'hugging', 'face', 'Cha', 'Ching']) expect(highlighted).not.toContain(generic);
    expect(text).not.toContain('No term stands out');
  });
});

test('a story without names: the deep dive still opens with a capital', () => {
  const input = reportWithInput([p('what is left for the average person', { id: 't3_z1', score: 40, comments: 30 })], [], [], T, { tracked: ['LocalLLaMA'], all: false }).input;
  expect(offlineAnalysis(input).deepDive.body.startsWith('The most discussed story of the day, [what is left for the average person]')).toBe(true);
});
