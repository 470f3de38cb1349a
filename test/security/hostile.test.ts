/**
 * Hostile text: titles, flairs, bodies, comments and model output with script tags, event handlers,
 * javascript: links, Markdown and table injection and bidi overrides stay inert in the Markdown export;
 * links go only to reddit.com (and, in analysis, only to posts in the input).
 */
import { describe, expect, test } from 'vitest';
import { htmlDocument } from '../support/fixtures';
import { parsePage } from '@/lib/capture/parse-page';
import { reportWithInput } from '@/lib/analysis/input';
import { markdownReport } from '@/lib/export/pipeline';
import { groundText } from '@/lib/analysis/grounding';
import { offlineTldr } from '@/lib/analysis/tldr';
import type { RankPost } from '@/lib/rank/types';
import { HOSTILE } from '../support/hostile';


const T = Date.UTC(2026, 6, 10, 12);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

describe('hostile text', () => {
  test('captured as text, bidi overrides dropped', () => {
    const html = `<!doctype html><shreddit-app routename="post_page" pagetype="post_detail"><shreddit-post id="t3_h0st1le" permalink="/r/LocalLLaMA/comments/h0st1le/x/" post-title="${esc(HOSTILE.title)}" score="5" comment-count="12" created-timestamp="2026-07-10T11:00:00Z" author="mallory" subreddit-name="LocalLLaMA" view-context="CommentsPage"><shreddit-post-flair slot="post-flair"><div>${esc(HOSTILE.flair)}</div></shreddit-post-flair><shreddit-post-text-body slot="text-body"><div id="t3_h0st1le-post-rtjson-content" property="schema:articleBody"><p>${esc(HOSTILE.body)}</p></div></shreddit-post-text-body></shreddit-post></shreddit-app>`;
    const r = parsePage(htmlDocument(html, 'https://www.reddit.com/r/LocalLLaMA/comments/h0st1le/x/'), 'https://www.reddit.com/r/LocalLLaMA/comments/h0st1le/x/', T);
    expect(r.posts[0]!.title).toBe('Pwn <script>alert(1)</script> <img src=x onerror=alert(2)> | col | [click](javascript:alert(3)) gnp.exe next');
    expect(r.posts[0]!.flair).toBe('x | y <b onmouseover=alert(4)>');
  });

  test('the Markdown export: no tag, no javascript: link, no broken table, no override', () => {
    const post: RankPost & { body: string } = {
      id: 't3_h0st1le', subreddit: 'LocalLLaMA', title: HOSTILE.title, author: 'mallory<b>', permalink: '/r/LocalLLaMA/comments/h0st1le/x/',
      flair: HOSTILE.flair, createdAt: T - 3_600_000, score: 5, comments: 12, lastSeenAt: T, body: HOSTILE.body,
    };
    const { input } = reportWithInput([post], [], [{ postId: post.id, author: 'eve', score: 3, body: HOSTILE.comment }], T, { tracked: ['LocalLLaMA'], all: false });
    const md = markdownReport(input);
    expect(md).not.toMatch(/<(script|img|iframe|svg|b)\b/i);
    // Unescaped link syntax towards javascript: (an escaped \] is literal text in Markdown).
    expect(md).not.toMatch(/(?<!\\)\]\(\s*javascript:/i);
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // Every Markdown link or image (unescaped link syntax) goes to reddit.com.
    const targets = [...md.matchAll(/(?<!\\)\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(3);
    for (const url of targets) expect(url).toMatch(/^https:\/\/www\.reddit\.com\//);
    // Table rows keep their 6 cells: every | inside a cell is escaped.
    const row = md.split('\n').find((l) => l.includes('comments/h0st1le') && l.startsWith('| ['))!;
    expect(row.split(' | ')).toHaveLength(6);
    expect(row).toContain('| x &#124; y &lt;b onmouseover=alert(4)&gt; |');
  });

  test('model output: tags escaped, only links to posts of the input survive', () => {
    const row = { id: 't3_h0st1le', subreddit: 'LocalLLaMA', title: 't', author: 'a', permalink: '/r/LocalLLaMA/comments/h0st1le/x/', flair: null, createdAt: 0, score: 5, comments: 12, sample: false };
    expect(groundText(HOSTILE.model, [row]).text).toBe(
      '&lt;script&gt;alert(8)&lt;/script&gt; See this and that and [ok](https://www.reddit.com/comments/h0st1le) (Score: 5, Comments: 12).',
    );
  });

  test('offline TL;DR of a hostile post is inert Markdown', () => {
    const row = { id: 't3_h0st1le', subreddit: 'LocalLLaMA', title: 't', author: 'a', permalink: '/r/LocalLLaMA/comments/h0st1le/x/', flair: HOSTILE.flair, createdAt: 0, score: 5, comments: 12, sample: false };
    const text = offlineTldr(row, { body: HOSTILE.body, comments: [{ author: 'e<v>e', score: 1, body: HOSTILE.comment }] });
    expect(text).not.toMatch(/<(script|img|iframe|svg|v)\b/i);
    expect(text).not.toMatch(/(?<!\\)\[[^\]]*\]\(/);
  });
});
