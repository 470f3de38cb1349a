/** Charts that mean something: bars from three days of mentions, a curve from three sightings; else words or nothing. */
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { MentionBars } from '@/components/ui/MentionBars';
import { Sparkline } from '@/components/ui/Sparkline';

const days = (pairs: [number, number][]) => {
  const d = Array<number>(30).fill(0);
  for (const [ago, n] of pairs) d[29 - ago] = n;
  return d;
};

test('mentions on fewer than three days are a figure in words; three days make bars', () => {
  expect(renderToStaticMarkup(<MentionBars daily={days([[0, 2]])} label="EGGROLL" />)).toBe('<span class="mentions-figure" aria-label="EGGROLL: 2 posts today">2 posts today</span>');
  expect(renderToStaticMarkup(<MentionBars daily={days([[1, 1]])} label="X" />)).toContain('>1 post yesterday<');
  expect(renderToStaticMarkup(<MentionBars daily={days([[4, 1]])} label="X" />)).toContain('>1 post 4 days ago<');
  expect(renderToStaticMarkup(<MentionBars daily={days([[0, 1], [6, 2]])} label="X" />)).toContain('>3 posts on 2 days<');
  const bars = renderToStaticMarkup(<MentionBars daily={days([[0, 1], [3, 2], [9, 1]])} label="Qwen3.8" />);
  expect(bars).toMatch(/^<svg class="mentions"[^>]*aria-label="Qwen3.8: 4 posts in 30 days"/);
  expect(bars.match(/<rect/g)).toHaveLength(3);
});

test('a score curve from three sightings or more; two draw nothing (not the same straight line on every row)', () => {
  const at = (i: number) => Date.UTC(2026, 11, 6, 10 + i);
  expect(renderToStaticMarkup(<Sparkline points={[{ postId: 't3_a', at: at(0), score: 10, comments: 1 }, { postId: 't3_a', at: at(1), score: 40, comments: 2 }]} />)).toBe('');
  expect(renderToStaticMarkup(<Sparkline points={undefined} />)).toBe('');
  const curve = renderToStaticMarkup(<Sparkline points={[0, 1, 2].map((i) => ({ postId: 't3_a', at: at(i), score: [10, 40, 45][i]!, comments: i }))} />);
  expect(curve).toMatch(/^<svg class="spark"[^>]*aria-label="score from 10 to 45"><polyline points="1\.0,17\.0 32\.0,3\.3 63\.0,1\.0"/);
});
