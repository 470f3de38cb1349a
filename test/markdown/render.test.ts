/**
 * The export rendered as a reader's Markdown app would: markdown-it in CommonMark mode and marked with
 * GFM (tables, autolinks). Hostile titles, flairs, bodies, comments, authors and model text must leave
 * no link but the reddit.com ones we write, no image and no live HTML.
 */
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { reportWithInput } from '@/lib/analysis/input';
import { offlineAnalysis } from '@/lib/analysis/offline';
import { groundText } from '@/lib/analysis/grounding';
import { offlineTheme, reviewMarkdown } from '@/lib/analysis/review';
import { renderReport } from '@/lib/export/markdown';
import type { TrendRow } from '@/lib/rank/types';
import { p, T } from '../support/analysis-input';

const HOSTILE_TITLE = 'Read this\\](https://evil.example/x) now';
const HOSTILE_POSTS = [
  p(HOSTILE_TITLE, { id: 't3_h1', score: 900, comments: 300, body: 'See https://evil.example/a and www.evil.example/b or mail me at eve@evil.example. <img src=x onerror=alert(1)>' }),
  p('Look ![p](https://evil.example/p.png) and <b onmouseover=alert(2)>x</b> `code` *bold* _it_ ~~s~~', { id: 't3_h2', score: 800, comments: 200, flair: '[x](https://evil.example)' }),
  p('Flair image', { id: 't3_h3', score: 700, comments: 100, flair: '![p](https://evil.example/p.png) | www.evil.example | eve@evil.example' }),
  p('Auto https://evil.example/title and www.evil.example', { id: 't3_h4', score: 600, comments: 50, author: '<img src=x onerror=alert(3)>' }),
];
const COMMENTS = [
  { postId: 't3_h1', author: '<img src=x onerror=alert(4)>', score: 50, body: 'Visit https://evil.example or www.evil.example, write to eve@evil.example [x](https://evil.example)' },
];
const MODEL = 'Big news ([here](https://evil.example/x)) (https://evil.example/y) see www.evil.example and eve@evil.example, and [ok](https://www.reddit.com/comments/h1).';

function exportedMarkdown(): string {
  const { report, input } = reportWithInput(HOSTILE_POSTS, [], COMMENTS, T, { tracked: [], all: true });
  const analysis = offlineAnalysis(input);
  const rows = report.today as TrendRow[];
  analysis.today = { body: groundText(MODEL, rows).text, source: 'model' };
  const review = reviewMarkdown({ title: 'r/<b>x</b> review', from: '2025-01-01', to: '2025-12-31', themes: [{ ...offlineTheme(rows), name: '<img src=x onerror=alert(5)> [t](https://evil.example)' }, { name: 'Model', posts: rows, text: groundText(MODEL, rows, 'review').text, source: 'model' }] });
  return `${renderReport(report, analysis)}\n\n${review}`;
}

const renderers = {
  'markdown-it (CommonMark)': (md: string) => new MarkdownIt('commonmark').render(md),
  'marked (GFM)': (md: string) => marked.parse(md, { gfm: true, async: false }) as string,
};

describe.each(Object.entries(renderers))('%s', (_name, render) => {
  const doc = new JSDOM(render(exportedMarkdown())).window.document;

  test('the only links are the reddit.com ones we wrote', () => {
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.filter((h) => !/^https:\/\/www\.reddit\.com\/(comments\/[0-9a-z]+|r\/[A-Za-z0-9_]+)$/.test(h))).toEqual([]);
  });

  test('no image, no live HTML', () => {
    expect(doc.querySelectorAll('img, script, iframe, svg, b[onmouseover], [onerror], [onload]').length).toBe(0);
  });

  test('the hostile title is one link, to its own post, reading as the title', () => {
    const link = [...doc.querySelectorAll('a')].find((a) => a.textContent?.startsWith('Read this'));
    expect(link?.getAttribute('href')).toBe('https://www.reddit.com/comments/h1');
    expect(link?.textContent).toBe(HOSTILE_TITLE);
  });

  test('addresses in quoted text are gone; in titles and flairs they read as text', () => {
    const text = doc.body.textContent ?? '';
    expect(text).not.toContain('eve@evil.example, write');
    expect(text).toContain('Auto https://evil.example/title and www.evil.example');
  });
});
