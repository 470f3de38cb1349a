/**
 * Reads the seed reports' tables (../shared/seeds/) back into posts, for the golden tests: each post
 * once (first table it appears in wins), createdAt = the printed Posted time read as UTC.
 */
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RankPost } from '@/lib/rank/types';

const here = dirname(fileURLToPath(import.meta.url));
export const SEED_DIR = process.env.RTR_SEEDS ?? resolve(here, '../../../shared/seeds');
export const seedText = (name: string) => readFileSync(resolve(SEED_DIR, name), 'utf8');

/** Inverse of the title escaping; a cut title gets filler so that it is cut again at the same place. */
export function unescapeTitle(cell: string): string {
  const cut = cell.endsWith('...');
  const body = cut ? cell.slice(0, -3) : cell;
  const title = body
    .replace(/\.&nbsp;/g, '. ')
    .replace(/\\'/g, "'")
    .replace(/\\"/g, '"')
    .replace(/\\\]/g, ']')
    .replace(/\\\[/g, '[')
    .replace(/&#124;/g, '|');
  return cut ? `${title} (title continues beyond the cut)` : title;
}

const ROW = /^\| (?:(\d+) \| )?\[(.*)\]\(https:\/\/www\.reddit\.com\/comments\/([0-9a-z]+)\) \| (?:\[r\/([A-Za-z0-9_]+)\]\([^)]*\) \| )?(-?\d+) \| (\d+) \| (.*) \| (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC \|$/;

export interface SeedRow {
  line: number;
  id: string;
  titleCell: string;
  subreddit: string;
  score: number;
  comments: number;
  category: string;
  createdAt: number;
}

export function seedRows(text: string): SeedRow[] {
  const rows: SeedRow[] = [];
  let community = '';
  text.split('\n').forEach((l, i) => {
    const heading = /^### r\/(\S+)$/.exec(l);
    if (heading) community = heading[1]!;
    if (l.startsWith('## Trend Analysis')) community = '';
    const m = ROW.exec(l);
    if (!m) return;
    rows.push({
      line: i + 1,
      id: `t3_${m[3]}`,
      titleCell: m[2]!,
      subreddit: m[4] ?? community,
      score: Number(m[5]),
      comments: Number(m[6]),
      category: m[7]!,
      createdAt: Date.parse(`${m[8]!.replace(' ', 'T')}:00Z`),
    });
  });
  return rows;
}

/** Each post once, as the first table that shows it says. */
export function seedPosts(text: string, realTitles: Record<string, string> = {}): RankPost[] {
  const byId = new Map<string, RankPost>();
  for (const r of seedRows(text)) {
    if (byId.has(r.id)) continue;
    byId.set(r.id, {
      id: r.id,
      subreddit: r.subreddit,
      title: realTitles[r.id] ?? unescapeTitle(r.titleCell),
      author: null,
      permalink: `/r/${r.subreddit}/comments/${r.id.slice(3)}/`,
      flair: r.category === 'General' ? null : r.category.replace(/&#124;/g, '|'),
      createdAt: r.createdAt,
      score: r.score,
      comments: r.comments,
      lastSeenAt: r.createdAt,
    });
  }
  return [...byId.values()];
}

/**
 * A cut title as a reader of the table sees it, for the analysis tests: the cut word (or entity) dropped,
 * no filler ("…speedrunning NanoGPT.&n..." is "…speedrunning NanoGPT.").
 */
export function visibleTitle(title: string): string {
  const FILLER = ' (title continues beyond the cut)';
  if (!title.endsWith(FILLER)) return title;
  const cut = title.slice(0, -FILLER.length);
  return (/&\w*$/.test(cut) ? cut.replace(/&\w*$/, '') : cut.replace(/\s*\S*$/, '')).trim();
}

/** One minute after the newest Posted time in the 24-hour tables: Today's and by Community (report-format.md). */
export function seedReportTime(text: string): number {
  const today = seedRows(text.slice(0, text.indexOf('## Weekly Popular Posts')));
  const communities = seedRows(text.slice(text.indexOf('## Top Posts by Community'), text.indexOf('## Trend Analysis')));
  return Math.max(...[...today, ...communities].map((r) => r.createdAt)) + 60_000;
}
