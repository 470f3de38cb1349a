/**
 * Exports for other tools: the Markdown report with YAML front matter for note apps (Obsidian reads
 * `title`, `date`, `tags`, `aliases`), and any trend table as CSV. Untrusted text is quoted: every YAML
 * string is a JSON string (valid YAML, newlines and quotes escaped), every CSV cell is RFC 4180-quoted
 * and a cell a spreadsheet would read as a formula starts with an apostrophe.
 */
import { TABLE, type TableKey } from '../rank/tables';
import type { TrendReport, TrendRow } from '../rank/types';
import type { Insight } from '../analysis/insight';
import { weekNames } from '../analysis/insight';
import { postUrl } from '../reddit/urls';

const yamlString = (s: string) => JSON.stringify(s);
const yamlList = (xs: string[]) => `[${xs.map(yamlString).join(', ')}]`;

/**
 * Obsidian reads more than Markdown: `#word` is a tag, `%%…%%` a hidden comment, `==…==` a highlight. A
 * title or comment holding them would tag, hide or mark the user's note, so they are made inert with a
 * backslash (which other Markdown readers drop): headings' own `#` and link addresses are left alone.
 */
export function obsidianInert(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const heading = /^#{1,6} /.exec(line)?.[0] ?? '';
      return (
        heading +
        line
          .slice(heading.length)
          .split(/(\]\([^)]*\))/)
          .map((part, i) => (i % 2 ? part : part.replace(/(^|[^\\])#(?=[^\s#])/g, '$1\\#').replace(/%%/g, '%\\%').replace(/==/g, '=\\=')))
          .join('')
      );
    })
    .join('\n');
}

/** The front matter block, then the report's Markdown with Obsidian's own syntax made inert. */
export function withFrontMatter(markdown: string, report: TrendReport, options: { communities: string[] | 'all'; insight?: Insight; writtenBy: string }): string {
  const names = options.insight ? weekNames(options.insight).slice(0, 10).map((n) => n.label) : [];
  const lines = [
    '---',
    `title: ${yamlString(`Reddit AI Trend Report - ${report.date}`)}`,
    `date: ${report.date}`,
    `report_time: ${new Date(report.at).toISOString()}`,
    `communities: ${options.communities === 'all' ? yamlString('all') : yamlList(options.communities)}`,
    `posts_in_window: ${report.postsInWindow}`,
    ...(names.length ? [`names: ${yamlList(names)}`] : []),
    `written_by: ${yamlString(options.writtenBy)}`,
    `tags: ${yamlList(['reddit-trend-radar', 'ai-trends'])}`,
    '---',
    '',
  ];
  return `${lines.join('\n')}${obsidianInert(markdown)}`;
}

/** A CSV cell: quoted where needed; a leading = + - @ or control character made inert for spreadsheets. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = ['rank', 'title', 'community', 'score', 'comments', 'category', 'posted_utc', 'url', 'gained_points', 'over_minutes'];

function rowCells(r: TrendRow, i: number): (string | number | null)[] {
  // Rising's gain as two numbers (what was observed), not text a spreadsheet would read as a formula.
  return [i + 1, r.title, r.subreddit, r.score, r.comments, r.flair ?? 'General', new Date(r.createdAt).toISOString(), postUrl(r), r.gain?.points ?? null, r.gain ? Math.round(r.gain.ms / 60_000) : null];
}

/** One trend table as CSV (the community table: every community's rows, in order). CRLF, as RFC 4180. */
export function tableCsv(report: TrendReport, key: TableKey): string {
  const rows = key === 'communities' ? report.communities.flatMap((c) => c.rows) : report[key];
  return [HEADER, ...rows.map(rowCells)].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvFilename(report: TrendReport, key: TableKey): string {
  return `reddit-trend-${TABLE[key].label.toLowerCase()}-${report.date}.csv`;
}
