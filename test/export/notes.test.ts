import { expect, test } from 'vitest';
import { csvCell, csvFilename, tableCsv, withFrontMatter } from '@/lib/export/notes';
import { reportWithInput } from '@/lib/analysis/input';
import { p, T } from '../support/analysis-input';

const H = 3_600_000;
const world = () =>
  reportWithInput(
    [
      p('EGGROLL: trained a model, "without" backprop', { id: 't3_a1', score: 500, comments: 140, flair: 'Research' }),
      p('=HYPERLINK("https://evil.example") click, me\nnow', { id: 't3_a2', score: 300, comments: 40 }),
      p('EGGROLL code released', { id: 't3_a3', score: 50, comments: 15 }),
    ],
    [
      { postId: 't3_a1', at: T - 3 * H, score: 100, comments: 10 },
      { postId: 't3_a1', at: T - H, score: 500, comments: 140 },
    ],
    [],
    T,
    { tracked: ['LocalLLaMA'], all: false },
  );

test('YAML front matter for note apps: every string quoted as JSON, the report unchanged after it', () => {
  const { report, input } = world();
  const md = '# Reddit AI Trend Report - 2025-12-22\n';
  expect(withFrontMatter(md, report, { communities: ['LocalLLaMA', 'a"b'], insight: input.insight, writtenBy: 'offline analyser' })).toBe(
    [
      '---',
      'title: "Reddit AI Trend Report - 2025-12-22"',
      'date: 2025-12-22',
      'report_time: 2025-12-22T09:00:00.000Z',
      'communities: ["LocalLLaMA", "a\\"b"]',
      'posts_in_window: 3',
      'names: ["EGGROLL", "HYPERLINK"]',
      'written_by: "offline analyser"',
      'tags: ["reddit-trend-radar", "ai-trends"]',
      '---',
      '# Reddit AI Trend Report - 2025-12-22',
      '',
    ].join('\n'),
  );
});

test('CSV of a table: RFC 4180 quoting, formulas made inert, the observed gain for Rising', () => {
  const { report } = world();
  expect(tableCsv(report, 'today').split('\r\n')).toEqual([
    'rank,title,community,score,comments,category,posted_utc,url,gained_points,over_minutes',
    '1,"EGGROLL: trained a model, ""without"" backprop",LocalLLaMA,500,140,Research,2025-12-22T07:00:00.000Z,https://www.reddit.com/r/LocalLLaMA/comments/a1/s/,,',
    '2,"\'=HYPERLINK(""https://evil.example"") click, me\nnow",LocalLLaMA,300,40,General,2025-12-22T07:00:00.000Z,https://www.reddit.com/r/LocalLLaMA/comments/a2/s/,,',
    '3,EGGROLL code released,LocalLLaMA,50,15,General,2025-12-22T07:00:00.000Z,https://www.reddit.com/r/LocalLLaMA/comments/a3/s/,,',
    '',
  ]);
  expect(tableCsv(report, 'rising').split('\r\n')[1]).toMatch(/,400,120$/);
  expect(csvFilename(report, 'weekly')).toBe('reddit-trend-week-2025-12-22.csv');
  expect(['-1', '@x', '+x', '\tx', 'plain'].map(csvCell)).toEqual(["'-1", "'@x", "'+x", "'\tx", 'plain']);
  expect(csvCell(-5)).toBe('-5');
});

test("Obsidian's tags, hidden comments and highlights in captured text are inert in the notes export (issue 22, item 8)", async () => {
  const { obsidianInert } = await import('@/lib/export/notes');
  const md = [
    '## Today\'s Trending Posts',
    '',
    '| # | Title | Community |',
    '| 1 | [Qwen3 #1 ==best== %%hidden%% #tag](https://www.reddit.com/comments/a1) | [r/LocalLLaMA](https://www.reddit.com/r/LocalLLaMA) |',
    'u/bob: “it is #1, ==really== %%secret%%”',
  ].join('\n');
  expect(obsidianInert(md).split('\n')).toEqual([
    "## Today's Trending Posts",
    '',
    '| # | Title | Community |',
    '| 1 | [Qwen3 \\#1 =\\=best=\\= %\\%hidden%\\% \\#tag](https://www.reddit.com/comments/a1) | [r/LocalLLaMA](https://www.reddit.com/r/LocalLLaMA) |',
    'u/bob: “it is \\#1, =\\=really=\\= %\\%secret%\\%”',
  ]);
  const { report, input } = world();
  expect(withFrontMatter(md, report, { communities: 'all', insight: input.insight, writtenBy: 'offline analyser' })).toContain('[Qwen3 \\#1 =\\=best=\\=');
});
