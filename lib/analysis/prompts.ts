/**
 * Prompts, one per section, each sized to fit the model's context with room for the answer: compact
 * rows of the section's posts, and the bodies and top comments of the few posts that matter, trimmed.
 * When a prompt is still too large, `level` trims harder (the caller retries on a context error).
 */
import type { SectionKey } from './sections';
import type { TrendRow } from '../rank/types';
import type { ChatMessage } from '../llm/engine';
import { postLink } from '../reddit/urls';
import { mostDiscussed, type AnalysisInput } from './input';

/** Bumped whenever prompts change: part of every cache key. */
export const PROMPT_VERSION = 1;
export const ANSWER_TOKENS = 480;

/** A conservative token estimate (small models' tokenizers average 3–4 characters a token in English). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}
export const messagesTokens = (messages: ChatMessage[]) => messages.reduce((n, m) => n + estimateTokens(m.content) + 8, 0);

const SYSTEM =
  'You write one section of a daily report on trending Reddit posts about AI. Use only the posts given. ' +
  'Refer to a post with a Markdown link to its URL exactly as given. Do not invent posts, links, numbers or quotes; ' +
  'do not write scores or comment counts (they are added for you). Write Markdown without headings. Be concrete and brief.';

const TASK: Record<SectionKey, string> = {
  today:
    "Today's Highlights: group today's notable posts under 2-3 themes. For each theme write a bold name, then 2-4 sentences on the posts, " +
    'then a line "*Why it matters:* …", then "Post link: [title](url)".',
  weekly: 'Weekly Trend Comparison: compare today with the past week: persistent trends, new developments, shifts in interest.',
  monthly: 'Monthly Technology Evolution: how the topics of the month developed, and where today fits.',
  deepDive:
    'Technical Deep Dive: explain the single most novel development in the post given with its text and comments: what it is, how it works, ' +
    'why it matters, and what commenters raised. Not a generic explainer.',
  communities: 'Community Highlights: how the communities differ in focus today, smaller ones included; one short paragraph or bullet each.',
};

export interface SectionPrompt {
  messages: ChatMessage[];
  /** The posts this section may link to. */
  posts: TrendRow[];
}

const row = (r: TrendRow, level: number) =>
  `- id=${r.id} url=${postLink(r.id)} r/${r.subreddit} score=${r.score} comments=${r.comments}` +
  `${r.flair ? ` flair=${r.flair}` : ''} title=${JSON.stringify(level > 1 ? r.title.slice(0, 80) : r.title)}`;

function clip(text: string, chars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= chars ? flat : `${flat.slice(0, chars)}…`;
}

/** Posts each section sees (more at level 0, fewer as the prompt is trimmed). */
function sectionPosts(key: SectionKey, input: AnalysisInput, level: number): TrendRow[] {
  const n = [12, 8, 5, 3][Math.min(level, 3)]!;
  const { report } = input;
  switch (key) {
    case 'today':
      return report.today.slice(0, n);
    case 'weekly':
      return dedupe([...report.today.slice(0, Math.ceil(n / 2)), ...report.weekly.slice(0, n)]);
    case 'monthly':
      return dedupe([...report.monthly.slice(0, n), ...report.today.slice(0, 3)]);
    case 'deepDive': {
      const p = mostDiscussed(report);
      return p ? [p] : [];
    }
    case 'communities':
      return dedupe(report.communities.flatMap((c) => c.rows.slice(0, level > 1 ? 1 : 2)));
  }
}

function dedupe(rows: TrendRow[]): TrendRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

export function buildSectionPrompt(key: SectionKey, input: AnalysisInput, contextWindow: number, level = 0): SectionPrompt | null {
  const posts = sectionPosts(key, input, level);
  if (!posts.length) return null;
  const budget = contextWindow - ANSWER_TOKENS;
  const bodyChars = [1800, 1000, 500, 200][Math.min(level, 3)]!;
  const commentChars = [300, 200, 120, 0][Math.min(level, 3)]!;
  const parts = [`Report date: ${input.report.date}.`, `Task: ${TASK[key]}`, '', 'Posts:', ...posts.map((r) => row(r, level))];
  const detailIds = key === 'deepDive' || key === 'today' ? posts.slice(0, key === 'deepDive' ? 1 : 2).map((p) => p.id) : [];
  for (const id of detailIds) {
    const d = input.details[id];
    if (!d) continue;
    const extra = [d.body && `Text of ${id}: ${clip(d.body, bodyChars)}`, d.article && `Linked article of ${id}: ${clip(d.article, bodyChars)}`];
    if (commentChars) for (const c of d.comments.slice(0, 3)) extra.push(`Comment on ${id} by u/${c.author ?? '?'}: ${clip(c.body, commentChars)}`);
    parts.push('', ...extra.filter((x): x is string => !!x));
  }
  const messages: ChatMessage[] = [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: parts.join('\n') },
  ];
  // Still too large for the window: trim harder.
  if (messagesTokens(messages) > budget) return level < 3 ? buildSectionPrompt(key, input, contextWindow, level + 1) : null;
  return { messages, posts };
}
