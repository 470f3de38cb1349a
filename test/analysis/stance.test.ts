/** Stances and moods, on a real thread (r/artificial, 15 comments) and on made-up cases. */
import { expect, test } from 'vitest';
import { moodOf, stanceOf } from '@/lib/analysis/stance';
import { parsePage } from '@/lib/capture/parse-page';
import { fixtureDocument, hasFixtures } from '../support/fixtures';

test('stances: a question, pushing back, agreeing, none', () => {
  expect(['Does it run on a 3090?', 'Overhyped, the benchmarks are cherry picked.', 'Agreed, this is huge for local models.', 'I had pasta for lunch.', 'Not really convinced by the numbers.'].map(stanceOf)).toEqual(['ask', 'push-back', 'agree', null, 'push-back']);
});

test('a mood: divisive from 40 % pushing back or more comments than points, mixed from 20 %, else agreed; too little read: none', () => {
  const c = (body: string, score = 1) => ({ body, score });
  const agree = Array.from({ length: 8 }, () => c('Agreed, great work.'));
  expect(moodOf([...agree, c('Overhyped.'), c('I doubt it.')], 500, 40)).toEqual({ mood: 'mixed', of: 10, pushBack: 2, fight: false, points: 500, comments: 40, text: 'mixed: 2 of 10 top comments push back' });
  expect(moodOf([...agree.slice(0, 5), ...Array.from({ length: 5 }, () => c('Wrong, actually.'))], 500, 40)?.text).toBe('divisive: 5 of 10 top comments push back');
  expect(moodOf(agree, 500, 40)?.text).toBe('agreed: 0 of 8 top comments push back');
  expect(moodOf([c('Nice')], 500, 40)).toBeNull();
  expect(moodOf([c('Nice')], 30, 120)).toEqual({ mood: 'divisive', of: 1, pushBack: 0, fight: true, points: 30, comments: 120, text: 'divisive: 120 comments on 30 points' });
  expect(moodOf(agree, 30, 120)?.text).toBe('divisive: 0 of 8 top comments push back; more comments than points');
});

test.runIf(hasFixtures || !!process.env.CI)('the r/artificial thread on inference prices: its top ten comments read', () => {
  const url = 'https://www.reddit.com/r/artificial/comments/1un6v9c/x/';
  const r = parsePage(fixtureDocument('new-post-r-artificial-2026-with-comments.html', url), url, Date.UTC(2026, 10, 23));
  const post = r.posts[0]!;
  expect([post.score, post.comments, r.comments.length]).toEqual([51, 22, 15]);
  // Read by hand, the ten best-scored: "I pay for Gemini pro… but they've started to make it unusable" (2)
  // and "great for builders, but they're also raising the bar" (1) push back in their first sentence;
  // "Price drops? According to who exactly?" (13) and "Curious where is inference cost collapsing?" (7)
  // open with a question, so they count as asking; "Prices are going up every quarter" (3) disagrees
  // without a word the rule knows. So: mixed, and the rule under-counts a sceptical thread.
  expect(moodOf(r.comments.map((x) => ({ body: x.body ?? '', score: x.score })), post.score!, post.comments)).toEqual({ mood: 'mixed', of: 10, pushBack: 2, fight: false, points: 51, comments: 22, text: 'mixed: 2 of 10 top comments push back' });
});
