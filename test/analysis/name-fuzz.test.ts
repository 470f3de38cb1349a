/**
 * A name may hold any character a title can: "Qwen3#" once made an invalid pattern that blanked the
 * analysis and every export for 30 days. Names made of every ASCII punctuation and symbol character,
 * emoji and combining marks go through names → stories → analysis → prompts → every export and
 * `npm run report`; nothing throws, and the names are still found and shown.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findNames, wordMentions } from '@/lib/analysis/names';
import { dayStories, reportWithInput, type InputPost } from '@/lib/analysis/input';
import { offlineAnalysis } from '@/lib/analysis/offline';
import { ANALYSIS_SECTIONS } from '@/lib/analysis/sections';
import { buildSectionPrompt } from '@/lib/analysis/prompts';
import { review, reviewMarkdown } from '@/lib/analysis/review';
import { offlineTldr } from '@/lib/analysis/tldr';
import { markdownReport } from '@/lib/export/pipeline';
import { csvFilename, tableCsv, withFrontMatter } from '@/lib/export/notes';
import { postMarkdown } from '@/lib/export/post';
import { TABLES } from '@/lib/rank/tables';
import { namesIn } from '@/components/ui/NameCharts';

const T = Date.UTC(2026, 11, 6, 12);
const H = 3_600_000;
/** Every printable ASCII character that is neither a letter, a digit nor a space. */
const ASCII_MARKS = [...Array(95).keys()].map((i) => String.fromCharCode(32 + i)).filter((c) => /[^\p{L}\p{N} ]/u.test(c));
const OTHER = ['🔥', '🦙', '👨‍💻', '\u0301', '\u0308\u0323', '\u200D', '\uFE0F'];

let n = 0;
function post(title: string, over: Partial<InputPost> = {}): InputPost {
  const id = `t3_z${(++n).toString(36).padStart(5, '0')}`;
  return {
    id, subreddit: 'LocalLLaMA', title, author: 'alice', permalink: `/r/LocalLLaMA/comments/${id.slice(3)}/x/`, flair: null,
    createdAt: T - 2 * H, score: 100 + n, comments: 20, lastSeenAt: T, body: `${title}. People compare it with the last release.`, ...over,
  };
}

/** Two posts a day for each mark, in titles the way people write them: "Qwen3#", "Qwen3#1", "#Qwen3", "GPT#5". */
function world(marks: string[]): InputPost[] {
  return marks.flatMap((c, i) => [
    post(`Qwen3${c} quantization is a mess`),
    post(`Qwen3${c}1 on the leaderboard, and ${c}Qwen3 again`, { createdAt: T - (3 + (i % 20)) * H }),
    post(`GPT${c}5 vs Ll${c}ama${c}${c} for coding`, { subreddit: 'singularity', createdAt: T - 30 * H }),
    post(`${c}${c}${c} Nano${c}Banana${c}Pro release ${c}`, { subreddit: 'MachineLearning', createdAt: T - 5 * 24 * H }),
  ]);
}

const SETTINGS = { tracked: ['LocalLLaMA', 'singularity', 'MachineLearning'], all: false };

async function everyOutput(posts: InputPost[]) {
  const comments = posts.slice(0, 40).map((p, i) => ({ postId: p.id, author: 'bob', score: 10 + i, body: `${p.title} is better than ${posts[(i + 1) % posts.length]!.title}` }));
  const { report, input } = reportWithInput(posts, [], comments, T, SETTINGS);
  const analysis = offlineAnalysis(input);
  const md = markdownReport(input, analysis);
  const notes = withFrontMatter(md, report, { communities: SETTINGS.tracked, insight: input.insight, writtenBy: 'offline analyser' });
  const csv = TABLES.map((t) => csvFilename(report, t.key) + tableCsv(report, t.key)).join('\n');
  const prompts = ANALYSIS_SECTIONS.map(({ key }) => buildSectionPrompt(key, input, 4096));
  const r = await review('Week', '2026-11-30', '2026-12-06', input.month, null, { get: async () => undefined, put: async () => {} });
  const reviewText = reviewMarkdown(r);
  const stories = dayStories(input);
  const charts = ANALYSIS_SECTIONS.map(({ key }) => namesIn(analysis[key].body, input.insight));
  const posted = posts.slice(0, 10).map((p) => postMarkdown({ ...p, body: p.body ?? null }, comments.slice(0, 5).map((c) => ({ ...c, createdAt: T }))));
  const tldr = posts.slice(0, 10).map((p) => offlineTldr({ ...p, sample: false, score: p.score ?? 0 }, { body: p.body ?? null, comments: comments.slice(0, 5) }));
  return { report, input, analysis, md, notes, csv, prompts, reviewText, stories, charts, posted, tldr };
}

describe('names of any characters', () => {
  test('"Qwen3#" (the break as reported) is a name, in the analysis and the export', async () => {
    const out = await everyOutput(world(['#']));
    expect(out.input.insight.names['qwen3#']?.label).toBe('Qwen3#');
    expect(out.analysis.today.body).toContain('Qwen3#');
    expect(out.md).toContain("## Today's Highlights");
    expect(out.md).toContain('Qwen3#');
    expect(out.charts[0]!.map((n) => n.label)).toContain('Qwen3#');
  });

  test.each(ASCII_MARKS.map((c) => [c]))('a name with %j in it: every step runs', async (c) => {
    const out = await everyOutput(world([c]));
    expect(Object.keys(out.analysis)).toHaveLength(5);
    for (const { key } of ANALYSIS_SECTIONS) expect(out.analysis[key].body.length).toBeGreaterThan(0);
    expect(out.md).toContain('## Trend Analysis');
    expect(out.notes.startsWith('---\ntitle: ')).toBe(true);
    expect(out.prompts.every((p) => p === null || p.messages.length > 0)).toBe(true);
  });

  test('all marks, emoji and combining marks in one history', async () => {
    expect(ASCII_MARKS).toHaveLength(32);
    const out = await everyOutput(world([...ASCII_MARKS, ...OTHER]));
    for (const { key } of ANALYSIS_SECTIONS) expect(out.analysis[key].source).toBe('offline analyser');
    expect(out.md.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      "## Today's Trending Posts", '## Weekly Popular Posts', '## Monthly Popular Posts', '## Top Posts by Community (Past Week)', '## Trend Analysis',
    ]);
    for (const { title } of ANALYSIS_SECTIONS) expect(out.md).toContain(`### ${title}\n\n`);
    expect(out.stories.length).toBeGreaterThan(0);
    expect(out.reviewText.startsWith('# Week')).toBe(true);
    expect(out.posted.every((t) => t.startsWith('Post Title: '))).toBe(true);
    expect(out.tldr.every((t) => t.length > 0)).toBe(true);
  });

  test('lowercase mentions are found by words, never by patterns built from names', () => {
    const keys = new Set(['qwen3#', 'c++', 'a.b', '(x)']);
    expect(wordMentions('qwen3# and Qwen3#1, #qwen3#, C++ and a.b.c, a.b.', keys)).toEqual(['qwen3#', 'c++', 'a.b']);
    const { names } = findNames([
      { id: 'a', title: 'Qwen3# quantization is a mess' },
      { id: 'b', title: 'Testing qwen3# on a laptop' },
    ]);
    expect(names.get('qwen3#')?.docs).toEqual(['a', 'b']);
  });

  test('npm run report reads a backup full of such names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtr-names-'));
    const posts = world([...ASCII_MARKS, ...OTHER]).map((p) => ({
      ...p, url: `https://www.reddit.com${p.permalink}`, createdAt: new Date(p.createdAt).toISOString(), lastSeenAt: undefined, body: p.body ?? null,
    }));
    const file = join(dir, 'backup.json');
    writeFileSync(file, JSON.stringify({ format: 'reddit-trend-radar', version: 2, exportedAt: new Date(T).toISOString(), posts, sightings: [], comments: [] }));
    const r = spawnSync('node_modules/.bin/tsx', ['scripts/report.ts', '--input', file, '--at', new Date(T).toISOString(), '--communities', SETTINGS.tracked.join(',')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("## Today's Highlights");
    expect(r.stdout).toContain('Qwen3#');
  });

  test('a section that fails says so in its place; the tables and the other sections come out', () => {
    const { input } = reportWithInput(world(['#']), [], [], T, SETTINGS);
    const broken = Object.defineProperty({ ...input }, 'details', { get: () => { throw new Error('details unreadable'); } });
    const analysis = offlineAnalysis(broken);
    expect(analysis.deepDive.body).toBe('*This section could not be written (details unreadable). The tables and the other sections are not affected.*');
    expect(analysis.today.body).toContain('Qwen3#');
    expect(analysis.communities.body).toContain('**r/LocalLLaMA**');
    const md = markdownReport(broken, analysis);
    expect(md).toContain('| [Qwen3# quantization is a mess](https://www.reddit.com/comments/');
  });

  test('names that cannot be read leave the tables and say so in the analysis', () => {
    const posts = world(['#']);
    // Outside the tables' 30 days, inside the names' 37: only the name finder reads it.
    posts.push(post(null as unknown as string, { createdAt: T - 33 * 24 * H }));
    const { report, input } = reportWithInput(posts, [], [], T, SETTINGS);
    expect(input.insight.error).toMatch(/./);
    expect(report.today.length).toBeGreaterThan(0);
    const analysis = offlineAnalysis(input);
    expect(analysis.today.body.startsWith('*Names and stories could not be read (')).toBe(true);
    expect(markdownReport(input, analysis)).toContain('### Technical Deep Dive');
  });
});
