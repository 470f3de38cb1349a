/** `npm run report`: the same report as the extension, and one-line errors with exit status 1. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { reportFromBackup } from '@/lib/export/pipeline';
import { parseBackup } from '@/lib/db/backup';
import { DEFAULT_TRACKED } from '@/lib/settings/shape';
import { rank } from '@/lib/rank/rank';
import { renderTables } from '@/lib/export/markdown';
import { SEED_DIR, seedPosts, seedReportTime, seedText } from '../support/seeds';

const dir = mkdtempSync(join(tmpdir(), 'rtr-cli-'));
const backup = {
  format: 'reddit-trend-radar', version: 1, exportedAt: '2025-12-22T09:30:00.000Z',
  posts: [
    { id: 't3_a1', subreddit: 'LocalLLaMA', title: 'Hello | world', author: 'x', permalink: '/r/LocalLLaMA/comments/a1/h/', url: 'https://www.reddit.com/r/LocalLLaMA/comments/a1/h/', flair: null, createdAt: '2025-12-21T17:28:00.000Z', score: 1310, comments: 142, body: null },
    { id: 't3_a2', subreddit: 'funny', title: 'Untracked', author: 'y', permalink: '/r/funny/comments/a2/u/', url: 'https://www.reddit.com/r/funny/comments/a2/u/', flair: 'Meme', createdAt: '2025-12-21T18:00:00.000Z', score: 9000, comments: 500, body: null },
  ],
  sightings: [{ postId: 't3_a1', at: '2025-12-21T18:00:00.000Z', score: 400, comments: 50 }],
  comments: [],
};
const file = join(dir, 'backup.json');
writeFileSync(file, JSON.stringify(backup));

function report(...args: string[]) {
  const r = spawnSync('node_modules/.bin/tsx', ['scripts/report.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run report', () => {
  test('prints the report for --at, exactly what the extension renders', () => {
    const r = report('--input', file, '--at', '2025-12-22T10:00:00Z');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(reportFromBackup(parseBackup(JSON.stringify(backup)), Date.parse('2025-12-22T10:00:00Z'), { tracked: DEFAULT_TRACKED, all: false }));
    expect(r.out).toContain('| [Hello &#124; world](https://www.reddit.com/comments/a1) | [r/LocalLLaMA](https://www.reddit.com/r/LocalLLaMA) | 1310 | 142 | General | 2025-12-21 17:28 UTC |');
    expect(r.out).not.toContain('Untracked');
    // Before the backup was made (09:30), the post counts as its sighting of 18:00 showed it.
    expect(report('--input', file, '--at', '2025-12-22T09:00:00Z').out).toContain('(https://www.reddit.com/r/LocalLLaMA) | 400 | 50 | General |');
  }, 30_000);

  test('--lang zh: the Chinese edition (headings and analysis in Chinese, tables as in English); another language is refused', () => {
    const r = report('--input', file, '--at', '2025-12-22T10:00:00Z', '--lang', 'zh');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toBe(reportFromBackup(parseBackup(JSON.stringify(backup)), Date.parse('2025-12-22T10:00:00Z'), { tracked: DEFAULT_TRACKED, all: false }, 'zh'));
    expect(r.out.split('\n')[0]).toBe('# Reddit AI 趋势报告 - 2025-12-22');
    expect(r.out).toContain('\n## 今日热门帖子\n');
    expect(r.out).toContain('\n## 趋势分析\n\n### 今日焦点\n');
    expect(r.out).toContain('*撰写：离线分析器*');
    expect(r.out).toContain('| [Hello &#124; world](https://www.reddit.com/comments/a1) | [r/LocalLLaMA](https://www.reddit.com/r/LocalLLaMA) | 1310 | 142 | General | 2025-12-21 17:28 UTC |');
    const bad = report('--input', file, '--lang', 'fr');
    expect([bad.code, bad.err]).toEqual([1, 'report: --lang "fr" is not a report language (en or zh)\n']);
  }, 30_000);

  test('--out writes the file; a date alone means the end of that UTC day; --all-communities', () => {
    const out = join(dir, 'r.md');
    expect(report('--input', file, '--at', '2025-12-21', '--out', out, '--all-communities').code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# Reddit AI Trend Report - 2025-12-21\n')).toBe(true);
    expect(md).toContain('[Untracked](https://www.reddit.com/comments/a2)');
  }, 30_000);

  test('--hide-memes leaves meme flairs out, as the extension\'s setting does', () => {
    const all = report('--input', file, '--at', '2025-12-21', '--all-communities');
    const hidden = report('--input', file, '--at', '2025-12-21', '--all-communities', '--hide-memes');
    expect(hidden.code).toBe(0);
    expect(all.out).toContain('[Untracked](https://www.reddit.com/comments/a2)');
    expect(hidden.out).not.toContain('Untracked');
    expect(hidden.out).toBe(reportFromBackup(parseBackup(JSON.stringify(backup)), Date.parse('2025-12-21T23:59:59.999Z'), { tracked: DEFAULT_TRACKED, all: true, hideMemes: true }));
  }, 30_000);

  test.each([
    [['--input', join(dir, 'missing.json')], /^report: cannot read .*missing\.json: ENOENT\n$/],
    [['--input', file, '--at', 'tomorrow'], /^report: --at "tomorrow" is not an ISO 8601 time \(example: 2025-12-22T09:30:00Z\)\n$/],
    [['--at', '2025-12-22'], /^report: --input backup\.json is required\n$/],
    [['--input', file, '--colour'], /^report: Unknown option '--colour'.*\n$/],
    [['--input', join(dir, 'bad.json')], /^report: .*bad\.json: posts\[0\]\.score: .*\n$/],
  ])('bad input %j: one line, exit 1', (args, message) => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...backup, posts: [{ ...backup.posts[0], score: 'lots' }] }));
    const r = report(...args);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});

describe.runIf(existsSync(SEED_DIR) || !!process.env.CI)('npm run report on a seed', () => {
  test('a backup of seed 000\'s posts gives the golden tables at the seed\'s report time', () => {
    const text = seedText('000_d207f157a4ea8703.txt');
    const posts = seedPosts(text);
    const at = seedReportTime(text);
    const seedBackup = {
      format: 'reddit-trend-radar', version: 1, exportedAt: new Date(at).toISOString(), sightings: [], comments: [],
      posts: posts.map((p) => ({
        id: p.id, subreddit: p.subreddit, title: p.title, author: null, permalink: p.permalink, url: `https://www.reddit.com${p.permalink}`,
        flair: p.flair, createdAt: new Date(p.createdAt).toISOString(), score: p.score, comments: p.comments, body: null,
      })),
    };
    const seedFile = join(dir, 'seed-000.json');
    writeFileSync(seedFile, JSON.stringify(seedBackup));
    const r = report('--input', seedFile, '--at', new Date(at).toISOString());
    expect(r.code).toBe(0);
    const tables = renderTables(rank(posts, [], at, { tracked: DEFAULT_TRACKED, all: false }));
    expect(r.out.startsWith(tables)).toBe(true);
    // …and those tables are the seed's apart from the differences test/export/golden.test.ts lists.
    const seedTables = text.slice(0, text.indexOf('## Trend Analysis')).split('\n');
    const differing = tables.split('\n').filter((l, i) => l !== seedTables[i]).length;
    expect(differing).toBe(12 - 2); // the golden list for 000 has 12 lines; the 2 "cut fix" lines need the real title
  }, 30_000);
});
