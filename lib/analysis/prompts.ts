/**
 * Prompts, one short one per section, built on the insight layer: stories with their names, counts and
 * posts; names rising, new and fading; the deep dive's key sentences and comments with what each does.
 * Each is sized to fit the model's context with room for the answer; when still too large, `level`
 * trims harder (the caller retries on a context error).
 */
import type { ReportLanguage, SectionKey } from './sections';
import type { TrendRow } from '../rank/types';
import type { ChatMessage } from '../llm/engine';
import { postLink } from '../reddit/urls';
import { dayStories, discussedStory, readableDetails, type AnalysisInput } from './input';
import { distinctiveNames, fadingNames, newNames, risingNames, type NameStat } from './insight';
import { moodDetail, storyMood } from './stance';
import type { Story } from './stories';
import { keySentences, stance, STANCE_WORDS } from './extract';
import { utcDate } from '../rank/rank';

/** Bumped whenever prompts change: part of every cache key. */
export const PROMPT_VERSION = 3;
export const ANSWER_TOKENS = 480;

/** A conservative token estimate (small models' tokenizers average 3–4 characters a token in English). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3);
}
export const messagesTokens = (messages: ChatMessage[]) => messages.reduce((n, m) => n + estimateTokens(m.content) + 8, 0);

const SYSTEM =
  'You write one section of a daily briefing on AI discussions on Reddit. Use only the facts given. ' +
  'Link a post as a Markdown link to its URL exactly as given. Do not invent posts, links, numbers or quotes; ' +
  'do not write scores or comment counts (they are added for you). Where a story\'s mood is given (agreed, mixed, divisive), ' +
  'say how it was received in a few words. Markdown, no headings. Short, concrete sentences.';

/** One short task per section: small models follow a simple instruction better than one long one. */
const TASK: Record<SectionKey, string> = {
  today: "Today's Highlights: for each story, one bold line naming it by its names, 1-2 sentences on what happened, and \"*Why it matters:* ...\" in one sentence. Link each story's lead post.",
  weekly: 'Weekly Trend Comparison: say which names rise, which are new and which fade, with the counts given, and what that shift says. 3-5 bullets.',
  monthly: 'Monthly Technology Evolution: describe how the month developed, using the names by kind and their first-seen dates. One short paragraph and 3 bullets.',
  deepDive: 'Technical Deep Dive: explain what this story claims (from its text), how it works, and where commenters agree, push back or ask. No generic explainer.',
  communities: 'Community Highlights: one bullet per community: what it talks about more than the others (its names), and its top post.',
};

export interface SectionPrompt {
  messages: ChatMessage[];
  /** The posts this section may link to. */
  posts: TrendRow[];
}

const row = (r: TrendRow, level: number) =>
  `- url=${postLink(r.id)} r/${r.subreddit} score=${r.score} comments=${r.comments}` +
  `${r.flair ? ` flair=${r.flair}` : ''} title=${JSON.stringify(level > 1 ? r.title.slice(0, 80) : r.title)}`;

function clip(text: string, chars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= chars ? flat : `${flat.slice(0, chars)}…`;
}

const nameList = (ns: NameStat[]) => ns.map((n) => n.label).join(', ') || 'none';
const counted = (ns: NameStat[], what: (n: NameStat) => string) => ns.map((n) => `${n.label} (${what(n)})`).join(', ') || 'none';

/** A story as facts: its names, totals, spread, mood and its posts as rows. */
function storyFacts(s: Story, input: AnalysisInput, level: number, maxPosts: number): string[] {
  const { insight } = input;
  const names = s.names.map((k) => insight.names[k]).filter((n): n is NameStat => !!n).slice(0, 3);
  const fresh = names.filter((n) => n.isNew).map((n) => n.label);
  const head =
    `Story: ${names.length ? nameList(names) : 'unnamed'}; ${s.posts.length} post(s) in ${s.communities.map((c) => `r/${c}`).join(', ')}; ` +
    `${s.score} points, ${s.comments} comments${fresh.length ? `; new this week: ${fresh.join(', ')}` : ''}${moodFact(s, input)}`;
  return [head, ...s.posts.slice(0, maxPosts).map((p) => `  ${row(p, level)}`)];
}

/** "; mood: divisive (4 of 10 top comments push back)" where comments were read. */
function moodFact(s: Story, input: AnalysisInput): string {
  const details = readableDetails(input);
  const mood = details && storyMood(s, details);
  return mood ? `; mood: ${mood.mood} (${moodDetail(mood)})` : '';
}

/** Extracts of a post: its key sentences and its top comments with what each does. */
function extracts(input: AnalysisInput, id: string, level: number): string[] {
  const d = input.details[id];
  if (!d) return [];
  const bodyChars = [1800, 1000, 500, 200][Math.min(level, 3)]!;
  const commentChars = [300, 200, 120, 0][Math.min(level, 3)]!;
  const out: string[] = [];
  const key = d.body ? keySentences(d.body, 4, { context: d.comments.map((c) => c.body) }) : [];
  if (key.length) out.push(`Key sentences of ${postLink(id)}: ${clip(key.join(' '), bodyChars)}`);
  else if (d.body) out.push(`Text of ${postLink(id)}: ${clip(d.body, bodyChars)}`);
  if (d.article) out.push(`Linked article of ${postLink(id)}: ${clip(d.article, bodyChars)}`);
  if (commentChars) for (const c of d.comments.slice(0, 3)) out.push(`Comment (${STANCE_WORDS[stance(c.body)]}) by u/${c.author ?? '?'}: ${clip(c.body, commentChars)}`);
  return out;
}

/** The facts each section gets, and the posts it may link (more at level 0, fewer as the prompt is trimmed). */
function sectionFacts(key: SectionKey, input: AnalysisInput, level: number): { lines: string[]; posts: TrendRow[] } {
  const n = [6, 4, 3, 2][Math.min(level, 3)]!;
  const { insight, report } = input;
  const posts: TrendRow[] = [];
  const lines: string[] = [];
  const add = (stories: Story[], perStory: number) => {
    for (const s of stories) {
      lines.push(...storyFacts(s, input, level, perStory));
      posts.push(...s.posts.slice(0, perStory));
    }
  };
  switch (key) {
    case 'today':
      add(dayStories(input).slice(0, n), 3);
      break;
    case 'weekly':
      lines.push(
        `Posts this week: ${insight.postsThisWeek}; the 7 days before: ${insight.postsPreviousWeek}.`,
        `Rising names (posts this week, the week before): ${counted(risingNames(insight).slice(0, 6), (x) => `${x.week}, ${x.previousWeek}`)}.`,
        `New names (never seen before): ${counted(newNames(insight).slice(0, 6), (x) => `${x.week}`)}.`,
        `Fading names (this week, the week before): ${counted(fadingNames(insight).slice(0, 6), (x) => `${x.week}, ${x.previousWeek}`)}.`,
        '',
      );
      add(insight.stories.slice(0, Math.ceil(n / 2)), 1);
      break;
    case 'monthly': {
      const names = Object.values(insight.names).filter((x) => x.month > 0).sort((a, b) => b.month - a.month);
      for (const kind of ['model', 'project', 'benchmark', 'name'] as const) {
        const group = names.filter((x) => x.kind === kind).slice(0, n);
        if (group.length) lines.push(`${kind} names (posts in the month, first seen): ${counted(group, (x) => `${x.month}, ${utcDate(x.firstSeen)}`)}.`);
      }
      lines.push('');
      for (const r of report.monthly.slice(0, n)) {
        lines.push(row(r, level));
        posts.push(r);
      }
      break;
    }
    case 'deepDive': {
      const story = discussedStory(input);
      if (story) {
        add([story], 2);
        const detailed = story.posts.find((p) => input.details[p.id]) ?? story.lead;
        lines.push('', ...extracts(input, detailed.id, level));
      }
      break;
    }
    case 'communities': {
      const week = input.month.filter((r) => r.createdAt > insight.at - 7 * 86_400_000);
      const communities = [...new Set(week.map((r) => r.subreddit))].slice(0, level > 1 ? 4 : 8);
      for (const c of communities) {
        const top = week.find((r) => r.subreddit === c)!;
        lines.push(`r/${c}: ${week.filter((r) => r.subreddit === c).length} posts; its own names: ${nameList(distinctiveNames(insight, week, c, 4))}; top post:`, `  ${row(top, level)}`);
        posts.push(top);
      }
      break;
    }
  }
  const seen = new Set<string>();
  return { lines, posts: posts.filter((r) => !seen.has(r.id) && seen.add(r.id)) };
}

/** What the model is told of the report's language (Chinese: as the series' Chinese edition writes). */
const WRITE_IN: Record<ReportLanguage, string> = {
  en: '',
  zh: ' Write in Simplified Chinese (简体中文), with full-width punctuation; keep names, titles and links as given.',
};

export function buildSectionPrompt(key: SectionKey, input: AnalysisInput, contextWindow: number, level = 0, lang: ReportLanguage = 'en'): SectionPrompt | null {
  const { lines, posts } = sectionFacts(key, input, level);
  if (!posts.length) return null;
  const budget = contextWindow - ANSWER_TOKENS;
  const messages: ChatMessage[] = [
    { role: 'system', content: SYSTEM + WRITE_IN[lang] },
    { role: 'user', content: [`Report date: ${input.report.date}.`, `Task: ${TASK[key]}`, '', 'Facts:', ...lines].join('\n') },
  ];
  // Still too large for the window: trim harder.
  if (messagesTokens(messages) > budget) return level < 3 ? buildSectionPrompt(key, input, contextWindow, level + 1, lang) : null;
  return { messages, posts };
}
