/** Table-driven tests of the ranking rules at their edges. Time is a parameter. */
import { describe, expect, test } from 'vitest';
import { DAY, HOUR, rank, risingEmptyText } from '@/lib/rank/rank';
import { gainText, TABLE } from '@/lib/rank/tables';
import type { RankPost, RankSighting } from '@/lib/rank/types';

const T = Date.UTC(2025, 11, 22, 9, 0);
const tracked = { tracked: ['LocalLLaMA', 'singularity', 'Rag', 'AI_Agents', 'datascience'], all: false };
let n = 0;
function post(over: Partial<RankPost>): RankPost {
  const id = over.id ?? `t3_r${String(++n).padStart(3, '0')}`;
  return { id, subreddit: 'LocalLLaMA', title: id, author: 'a', permalink: `/r/x/comments/${id}/`, flair: null, createdAt: T - HOUR, score: 10, comments: 20, lastSeenAt: T, ...over };
}
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("Today's Trending", () => {
  test.each([
    ['created exactly 24 h before: out', { createdAt: T - DAY }, false],
    ['created 1 ms after that: in', { createdAt: T - DAY + 1 }, true],
    ['created exactly at the report time: in', { createdAt: T }, true],
    ['created after the report time: out', { createdAt: T + 1 }, false],
    ['exactly 10 comments: out', { comments: 10 }, false],
    ['11 comments: in', { comments: 11 }, true],
    ['untracked community: out', { subreddit: 'funny' }, false],
    ['tracked, other capitalization: in', { subreddit: 'localllama' }, true],
  ])('%s', (_, over, included) => {
    const p = post({ id: 't3_edge', ...over });
    expect(ids(rank([p], [], T, tracked).today)).toEqual(included ? ['t3_edge'] : []);
  });

  test('top 10 by score; ties by comments, then id', () => {
    const posts = [
      post({ id: 't3_b', score: 50, comments: 20 }),
      post({ id: 't3_a', score: 50, comments: 20 }),
      post({ id: 't3_c', score: 50, comments: 30 }),
      ...Array.from({ length: 9 }, (_, i) => post({ id: `t3_z${i}`, score: 40 - i })),
    ];
    const today = rank(posts, [], T, tracked).today;
    expect(ids(today)).toEqual(['t3_c', 't3_a', 't3_b', 't3_z0', 't3_z1', 't3_z2', 't3_z3', 't3_z4', 't3_z5', 't3_z6']);
  });

  test('all captured communities when the user chooses so', () => {
    expect(ids(rank([post({ id: 't3_f', subreddit: 'funny' })], [], T, { tracked: [], all: true }).today)).toEqual(['t3_f']);
  });
});

describe('Weekly and Monthly', () => {
  test('windows of 7 and 30 days, limits of 20, no comment threshold', () => {
    const posts = [
      post({ id: 't3_w_edge', createdAt: T - 7 * DAY, score: 900, comments: 0 }),
      post({ id: 't3_w_in', createdAt: T - 7 * DAY + 1, score: 800, comments: 0 }),
      post({ id: 't3_m_edge', createdAt: T - 30 * DAY, score: 999 }),
      post({ id: 't3_m_in', createdAt: T - 30 * DAY + 1, score: 700 }),
      ...Array.from({ length: 25 }, (_, i) => post({ createdAt: T - 2 * DAY, score: 100 + i })),
    ];
    const r = rank(posts, [], T, tracked);
    expect(r.weekly).toHaveLength(20);
    expect(ids(r.weekly)).not.toContain('t3_w_edge');
    expect(r.weekly[0]!.id).toBe('t3_w_in');
    expect(ids(r.monthly).slice(0, 3)).toEqual(['t3_w_edge', 't3_w_in', 't3_m_in']);
    expect(ids(r.monthly)).not.toContain('t3_m_edge');
    expect(r.postsInWindow).toBe(28);
  });
});

describe('Top by Community', () => {
  test('the Today set, 3 per community, communities in code-point order, empty ones left out', () => {
    const posts = [
      ...[5, 4, 3, 2].map((s) => post({ subreddit: 'singularity', score: s })),
      post({ id: 't3_ds', subreddit: 'datascience', score: 1 }),
      post({ id: 't3_ag', subreddit: 'AI_Agents', score: 7 }),
      post({ id: 't3_quiet', subreddit: 'Rag', score: 100, comments: 3 }),
    ];
    const r = rank(posts, [], T, tracked);
    expect(r.communities.map((c) => [c.name, c.rows.map((x) => x.score)])).toEqual([
      ['AI_Agents', [7]],
      ['datascience', [1]],
      ['singularity', [5, 4, 3]],
    ]);
  });
});

describe('scores as known at the report time', () => {
  const history: RankSighting[] = [
    { postId: 't3_s', at: T - 20 * HOUR, score: 10, comments: 12 },
    { postId: 't3_s', at: T - 2 * HOUR, score: 300, comments: 40 },
    { postId: 't3_s', at: T + 30 * HOUR, score: 2000, comments: 90 },
  ];
  const p = post({ id: 't3_s', createdAt: T - 21 * HOUR, score: 2000, comments: 90, lastSeenAt: T + 30 * HOUR });

  test('a post seen with several scores counts with its latest score at or before the report time', () => {
    expect(rank([p], history, T, tracked).today.map((r) => [r.score, r.comments])).toEqual([[300, 40]]);
  });

  test('a report for a past date, before any sighting: the stored state, else nothing newer', () => {
    const past = T - 19 * HOUR;
    expect(rank([p], history, past, tracked).today.map((r) => r.score)).toEqual([10]);
    const report = rank([p], history, T + 2 * DAY, tracked);
    expect(report.date).toBe('2025-12-24');
    expect(report.today).toEqual([]);
    expect(report.weekly.map((r) => r.score)).toEqual([2000]);
  });
});

describe('Rising', () => {
  const s = (postId: string, hoursAgo: number, score: number): RankSighting => ({ postId, at: T - hoursAgo * HOUR, score, comments: 20 });

  test('points gained between sightings at least 30 minutes apart, shown as observed, fastest first', () => {
    const ids = ['t3_fast', 't3_slow', 't3_one', 't3_down', 't3_old', 't3_blink', 't3_small', 't3_aged'];
    const posts = ids.map((id) => post({ id, createdAt: id === 't3_aged' ? T - 21 * DAY : T - 20 * HOUR }));
    const sightings = [
      s('t3_fast', 2, 100), s('t3_fast', 1, 400), // +300 in 60 min
      s('t3_slow', 10, 100), s('t3_slow', 0, 200), // +100 in 10 h
      s('t3_one', 3, 50), // one sighting
      s('t3_down', 5, 90), s('t3_down', 1, 80), // losing
      s('t3_old', 30, 0), s('t3_old', 23, 500), // first sighting outside the 24 h window
      // 80 seconds apart: +661.8/h once, now not a rate at all.
      { postId: 't3_blink', at: T - 2 * HOUR, score: 100, comments: 5 }, { postId: 't3_blink', at: T - 2 * HOUR + 80_000, score: 115, comments: 5 },
      s('t3_small', 6, 100), s('t3_small', 1, 109), // +9: under the minimum gain
      s('t3_aged', 6, 1000), s('t3_aged', 1, 1500), // three weeks old
    ];
    const report = rank(posts, sightings, T, tracked);
    expect(report.rising.map((r) => [r.id, r.gain])).toEqual([
      ['t3_fast', { points: 300, ms: HOUR }],
      ['t3_slow', { points: 100, ms: 10 * HOUR }],
    ]);
    expect(report.rising.map((r) => gainText(r.gain!))).toEqual(['+300 in 60 min', '+100 in 10 h']);
    // t3_old's one sighting in the window counts as "seen once"; t3_down gained nothing.
    expect(report.risingWaiting).toEqual({ oneSighting: 2, tooClose: 1, smallGain: 2, tooOld: 1 });
  });

  test('an empty Rising says why, from the counts', () => {
    const posts = [post({ id: 't3_a', createdAt: T - 5 * HOUR }), post({ id: 't3_b', createdAt: T - 5 * HOUR })];
    const report = rank(posts, [s('t3_a', 2, 10), { postId: 't3_b', at: T - HOUR, score: 5, comments: 1 }, { postId: 't3_b', at: T - HOUR + 60_000, score: 50, comments: 1 }], T, tracked);
    expect(report.rising).toEqual([]);
    expect(risingEmptyText(report.risingWaiting)).toBe(
      'Nothing is rising yet. Of the posts seen in the last 24 hours: 1 seen once so far (a second sighting, 30 minutes or more later, is needed); 1 seen twice less than 30 minutes apart. Revisit a feed later to see them move.',
    );
    expect(risingEmptyText(undefined)).toBe(TABLE.rising.empty);
  });
});

test('memes left out when asked: every table, by flair', () => {
  const posts = [
    post({ id: 't3_news', flair: 'News', score: 100, comments: 20 }),
    post({ id: 't3_funny', flair: 'Funny', score: 1310, comments: 142 }),
    post({ id: 't3_shit', flair: 'Shitposting', score: 900, comments: 50 }),
    post({ id: 't3_humour', flair: 'Humour', score: 800, comments: 50 }),
    post({ id: 't3_plain', flair: null, score: 50, comments: 20 }),
  ];
  expect(rank(posts, [], T, tracked).today.map((r) => r.id)).toEqual(['t3_funny', 't3_shit', 't3_humour', 't3_news', 't3_plain']);
  const serious = rank(posts, [], T, { ...tracked, hideMemes: true });
  expect(serious.today.map((r) => r.id)).toEqual(['t3_news', 't3_plain']);
  expect(serious.monthly.map((r) => r.id)).toEqual(['t3_news', 't3_plain']);
  expect(serious.communities.flatMap((c) => c.rows.map((r) => r.id))).toEqual(['t3_news', 't3_plain']);
});

test('sample rows are marked', () => {
  expect(rank([post({ sample: 1 })], [], T, tracked).hasSample).toBe(true);
  expect(rank([post({})], [], T, tracked).hasSample).toBe(false);
});

test('an unknown score never counts as 0: the post is in no table until a sighting with a number', async () => {
  const { rank: rankPosts } = await import('@/lib/rank/rank');
  const T = Date.UTC(2026, 6, 10, 12);
  const base = { subreddit: 'LocalLLaMA', author: 'a', flair: null, comments: 40, lastSeenAt: T };
  const posts = [
    { ...base, id: 't3_known', title: 'Known', permalink: '/r/LocalLLaMA/comments/known/x/', createdAt: T - 3_600_000, score: 5 },
    { ...base, id: 't3_young', title: 'Young', permalink: '/r/LocalLLaMA/comments/young/x/', createdAt: T - 1_800_000, score: null },
  ];
  const before = rankPosts(posts, [], T, { tracked: [], all: true });
  expect(before.today.map((r) => r.id)).toEqual(['t3_known']);
  expect(before.weekly.map((r) => r.id)).toEqual(['t3_known']);
  expect(before.postsInWindow).toBe(1);
  // Seen again with a score: in the tables with it.
  const after = rankPosts([posts[0]!, { ...posts[1]!, score: 9 }], [], T, { tracked: [], all: true });
  expect(after.today.map((r) => [r.id, r.score])).toEqual([['t3_young', 9], ['t3_known', 5]]);
});
