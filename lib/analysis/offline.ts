/**
 * The offline analyser: the five Trend Analysis sections written from the insight layer (names, their
 * novelty, stories), no model. Short sentences from templates filled with data; our code writes every
 * link, and links point only at posts in the input. Always available, instant and deterministic.
 */
import type { Analysis, AnalysisSection } from './sections';
import { inlineText, postLink, titleCell } from '../markdown/escape';
import type { TrendRow } from '../rank/types';
import { utcDate } from '../rank/rank';
import { gainText } from '../rank/tables';
import { dayStories, discussedStory, type AnalysisInput } from './input';
import { plural } from './detail';
import { distinctiveNames, fadingNames, newNames, risingNames, weekNames, type Insight, type NameStat } from './insight';
import type { Story } from './stories';
import { keySentences, stance, STANCE_WORDS } from './extract';
import { moodOf, storyMood } from './stance';

export const OFFLINE_SOURCE = 'offline analyser';

export function postRef(r: TrendRow): string {
  return `[${titleCell(r.title)}](${postLink(r.id)}) (Score: ${r.score}, Comments: ${r.comments})`;
}

const section = (body: string): AnalysisSection => ({ body, source: OFFLINE_SOURCE });

/** "A", "A and B", "A, B and C". */
export function listing(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const label = (n: NameStat) => `**${inlineText(n.label)}**`;
const labelsOf = (insight: Insight, keys: string[], max = 3) => keys.map((k) => insight.names[k]).filter((n): n is NameStat => !!n).slice(0, max);

/** The names a story is known by: those its discussions mention most (a name one body drops in is not). */
function storyNames(insight: Insight, s: Story): NameStat[] {
  const count = (k: string) => s.posts.filter((p) => insight.postNames[p.id]?.includes(k)).length;
  const top = s.names.length ? count(s.names[0]!) : 0;
  return labelsOf(insight, s.names.filter((k) => count(k) === top));
}

/** Untrusted text, cut at a word, made inert for Markdown. */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return inlineText(flat);
  return `${inlineText(flat.slice(0, max).replace(/\s+\S*$/, ''))}…`;
}

const where = (s: Story) => (s.communities.length > 1 ? `in ${listing(s.communities.map((c) => `r/${c}`))}` : `in r/${s.lead.subreddit}`);

/** Why a story of the day stands out, in one or two sentences. */
function whyItStandsOut(s: Story, input: AnalysisInput, rank: number): string | null {
  const { insight, report } = input;
  const reasons: string[] = [];
  if (rank === 0) reasons.push(`the day's most upvoted story, at ${s.score} points`);
  const heat = s.comments / Math.max(s.score, 1);
  if (s.comments >= 30 && heat >= 0.5) reasons.push(`a lively thread (${s.comments} comments for ${s.score} points)`);
  const rising = s.posts.map((p) => report.rising.find((r) => r.id === p.id)).find((r) => r?.gain);
  if (rising?.gain) reasons.push(`rising: ${gainText(rising.gain)}`);
  if (s.communities.length > 1) reasons.push(`discussed in ${plural(s.communities.length, 'community', 'communities')}`);
  const named = storyNames(insight, s);
  const fresh = named.filter((n) => n.isNew);
  if (fresh.length) reasons.push(`${listing(fresh.map((n) => inlineText(n.label)))} ${fresh.length === 1 ? 'is' : 'are'} new this week (never seen before in your history)`);
  const busy = named.filter((n) => !n.isNew && n.week >= 3);
  if (busy.length) reasons.push(`${inlineText(busy[0]!.label)} is in ${plural(busy[0]!.week, 'post')} this week`);
  // Nothing but its numbers: the table says those already.
  if (!reasons.length) return null;
  const [first, ...rest] = reasons;
  return `*Why it stands out:* ${first![0]!.toUpperCase()}${first!.slice(1)}${rest.length ? `; ${rest.join('; ')}` : ''}.`;
}

/**
 * One line of what a story is, from what was read of it: the sentence of a post's body (or its linked
 * article) that says the most about the story's names, else its most upvoted agreeing or adding comment;
 * never a sentence of numbers. Null when only titles were captured.
 */
function whatItIs(s: Story, input: AnalysisInput): string | null {
  // An extra line: details that cannot be read leave the highlights as they were (the deep dive, which
  // needs them, says so in its own place).
  let details: AnalysisInput['details'];
  try {
    details = input.details;
  } catch {
    return null;
  }
  const nameWords = new Set(storyNames(input.insight, s).flatMap((n) => n.label.toLowerCase().split(/\s+/)));
  const wordy = (t: string) => (t.match(/\p{L}/gu)?.length ?? 0) >= t.replace(/\s/g, '').length * 0.6;
  const naming = (t: string) => [...nameWords].some((w) => t.toLowerCase().includes(w));
  // Of the text's key sentences, the first that names the story's names, else the first in words.
  const pick = (text: string, title: string) => {
    const ranked = keySentences(text, 4, { avoid: title, names: nameWords }).filter(wordy);
    return ranked.find(naming) ?? ranked[0];
  };
  for (const p of s.posts) {
    const d = details[p.id];
    for (const text of [d?.body, d?.article]) {
      const best = text ? pick(text, p.title) : undefined;
      if (best) return `“${clip(best, 240)}”`;
    }
  }
  for (const p of s.posts) {
    const comment = [...(details[p.id]?.comments ?? [])]
      .filter((c) => c.body.trim() && (stance(c.body) === 'agrees' || stance(c.body) === 'adds'))
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
    const said = comment && pick(comment.body, p.title);
    if (comment && said) return `u/${inlineText(comment.author ?? '[unknown]')}${comment.score != null ? ` (${comment.score} points)` : ''}: “${clip(said, 240)}”`;
  }
  return null;
}

/** A story's mood from its read comments, or null (and never an error: an extra line, like the what-line). */
function moodIn(s: Story, input: AnalysisInput) {
  try {
    return storyMood(s, input.details);
  } catch {
    return null;
  }
}

function storyLine(s: Story, input: AnalysisInput): string {
  const names = storyNames(input.insight, s);
  const head = names.length ? `${listing(names.map(label))}: ` : '';
  const others = s.posts.length > 1 ? ` (${plural(s.posts.length, 'discussion')}, ${s.score} points and ${plural(s.comments, 'comment')} in all)` : '';
  return `${head}${postRef(s.lead)} ${where(s)}${others}.`;
}

function todaySection(input: AnalysisInput): string {
  const stories = dayStories(input).slice(0, 5);
  if (!stories.length) return 'No post of a tracked community was created in the last 24 hours.';
  const out = [`${plural(input.day.length, 'post')} of tracked communities in the last 24 hours, in ${plural(dayStories(input).length, 'story', 'stories')}. The top ${stories.length === 1 ? 'one' : stories.length}:`, ''];
  let titleOnly = false;
  stories.forEach((s, i) => {
    const lines = [`- ${storyLine(s, input)}`];
    const what = whatItIs(s, input);
    if (what) lines.push(`  *What it is:* ${what}`);
    else if (!titleOnly) {
      // Said once, briefly: the other stories without text are as they are.
      titleOnly = true;
      lines.push('  *What it is:* only its title was captured.');
    }
    const why = whyItStandsOut(s, input, i);
    if (why) lines.push(`  ${why}`);
    const mood = moodIn(s, input);
    if (mood) lines.push(`  *Mood:* ${mood.text}.`);
    out.push(lines.join('  \n'));
  });
  return out.join('\n');
}

const countNote = (n: NameStat) => `${inlineText(n.label)} (${plural(n.week, 'post')}, up from ${n.previousWeek})`;

function weeklySection(input: AnalysisInput): string {
  const { insight } = input;
  if (!insight.postsThisWeek) return 'No post of a tracked community was captured in the last 7 days.';
  const out: string[] = [];
  const before = insight.postsPreviousWeek;
  out.push(`This week: ${plural(insight.postsThisWeek, 'post')} of tracked communities; the 7 days before: ${before}.`);
  const rising = risingNames(insight).slice(0, 5);
  const fresh = newNames(insight).slice(0, 6);
  const fading = fadingNames(insight).slice(0, 5);
  if (!before) {
    const top = weekNames(insight).slice(0, 6);
    out.push(`Your history has no posts from the week before, so nothing can be compared yet.${top.length ? ` The names of the week: ${listing(top.map((n) => `${inlineText(n.label)} (${plural(n.week, 'post')})`))}.` : ''}`);
  } else {
    out.push('');
    out.push(rising.length ? `- **Rising:** ${listing(rising.map(countNote))}.` : '- **Rising:** no name doubled its mentions against the week before.');
    if (fresh.length) out.push(`- **New this week** (never seen before in your history): ${listing(fresh.map((n) => `${inlineText(n.label)} (${plural(n.week, 'post')})`))}.`);
    out.push(fading.length ? `- **Fading:** ${listing(fading.map((n) => `${inlineText(n.label)} (${n.week} this week, down from ${n.previousWeek})`))}.` : '- **Fading:** no name of the week before lost half its mentions.');
    const steady = weekNames(insight).filter((n) => !n.isNew && n.week >= 2 && !rising.includes(n) && !fading.includes(n)).slice(0, 4);
    if (steady.length) out.push(`- **Steady:** ${listing(steady.map((n) => `${inlineText(n.label)} (${n.week} this week, ${n.previousWeek} the week before)`))}.`);
  }
  const top = insight.stories[0];
  if (top) out.push('', `The week's biggest story: ${storyLine(top, input)}`);
  return out.join('\n');
}

const KIND_TITLES: [NameStat['kind'], string][] = [
  ['model', 'Models'],
  ['project', 'Projects and tools'],
  ['benchmark', 'Benchmarks'],
  ['name', 'Organisations, products and people'],
];

const weekAgo = (w: number) => (w === 0 ? 'this week' : w === 1 ? 'last week' : `${w} weeks ago`);

function monthlySection(input: AnalysisInput): string {
  const { month, insight } = input;
  if (!month.length) return 'No post of a tracked community was captured in the last 30 days.';
  const names = Object.values(insight.names)
    .filter((n) => n.month > 0)
    .sort((a, b) => b.month - a.month || a.label.localeCompare(b.label));
  const out = [`Across ${plural(month.length, 'post')} of the last 30 days, ${plural(names.length, 'name')} came up.`];
  if (!names.length) return out.join('\n');
  out.push('');
  for (const [kind, title] of KIND_TITLES) {
    const group = names.filter((n) => n.kind === kind).slice(0, 5);
    if (!group.length) continue;
    const items = group.map((n) => `${inlineText(n.label)} (${plural(n.month, 'post')}, first seen ${utcDate(n.firstSeen)}, most mentioned ${weekAgo(n.peakWeek)})`);
    out.push(`- **${title}:** ${listing(items)}.`);
  }
  // A newcomer only where the history reaches further back than the month.
  const longHistory = names.some((n) => n.firstSeen <= insight.at - 30 * 86_400_000);
  const newest = names.filter((n) => n.firstSeen > insight.at - 30 * 86_400_000).sort((a, b) => b.month - a.month)[0];
  if (longHistory && newest && newest.month >= 2) out.push('', `The month's newcomer with most mentions: ${label(newest)}, first seen ${utcDate(newest.firstSeen)} and in ${plural(newest.month, 'post')} since.`);
  const best = input.report.monthly[0];
  if (best) out.push('', `The month's most upvoted post: ${postRef(best)} in r/${best.subreddit}.`);
  return out.join('\n');
}

/** The most discussed story of the day (else the week): what it claims, and what its commenters say. */
function deepDiveSection(input: AnalysisInput): string {
  const story = discussedStory(input);
  if (!story) return 'Nothing to examine yet: no recent post of a tracked community was captured.';
  const names = storyNames(input.insight, story);
  // The discussion whose text was captured, the lead first.
  const post = story.posts.find((p) => input.details[p.id]?.body || input.details[p.id]?.comments.length) ?? story.lead;
  const detail = input.details[post.id];
  const what = `the most discussed story ${dayStories(input).length ? 'of the day' : 'of the week'}, ${postRef(post)} in r/${post.subreddit}${story.posts.length > 1 ? `, one of ${plural(story.posts.length, 'discussion')} of it` : ''}.`;
  const out = [names.length ? `${listing(names.map(label))}: ${what}` : `${what[0]!.toUpperCase()}${what.slice(1)}`];
  const nameWords = new Set(names.flatMap((n) => n.label.toLowerCase().split(/\s+/)));
  const comments = (detail?.comments ?? []).filter((c) => c.body.trim());
  const claims = detail?.body ? keySentences(detail.body, 3, { avoid: post.title, context: comments.map((c) => c.body), names: nameWords }) : [];
  if (claims.length) out.push('', `**What the post says:** ${claims.map((s) => clip(s, 300)).join(' ')}`);
  if (comments.length) {
    out.push('', `**What commenters say** (${plural(comments.length, 'top comment')} read):`, '');
    for (const c of comments.slice(0, 4)) {
      const said = keySentences(c.body, 1, { avoid: post.title, names: nameWords })[0] ?? c.body;
      out.push(`- u/${inlineText(c.author ?? '[unknown]')}${c.score != null ? ` (${c.score} points)` : ''} ${STANCE_WORDS[stance(said)]}: “${clip(said, 220)}”`);
    }
    // How the thread went: its top comments' stances, and comments against points.
    const mood = moodOf(comments, post.score ?? 0, post.comments);
    if (mood) out.push('', `**The split:** ${mood.text}.`);
  }
  if (!claims.length && !comments.length)
    out.push('', `Only its title was captured. Open ${postRef(post)} with its comments once, and the next analysis will summarise what it says and how people answered.`);
  return out.join('\n');
}

function communitiesSection(input: AnalysisInput): string {
  const { insight, month } = input;
  const week = month.filter((r) => r.createdAt > insight.at - 7 * 86_400_000);
  const groups = new Map<string, TrendRow[]>();
  for (const r of week) {
    const g = groups.get(r.subreddit.toLowerCase());
    if (g) g.push(r);
    else groups.set(r.subreddit.toLowerCase(), [r]);
  }
  if (!groups.size) return 'No community of the tracked list has captured posts in the last 7 days.';
  const rows = [...groups.values()].sort((a, b) => b.length - a.length || (a[0]!.subreddit < b[0]!.subreddit ? -1 : 1));
  return rows
    .slice(0, 8)
    .map((g) => {
      const name = g[0]!.subreddit;
      const lead = g[0]!;
      const distinct = groups.size > 1 ? distinctiveNames(insight, week, name, 5) : weekNames(insight).slice(0, 5);
      const talk = distinct.length
        ? `talks about ${listing(distinct.map((n) => inlineText(n.label)))}${groups.size > 1 ? ' more than the other communities' : ''}`
        : 'no name stands out against the other communities';
      return `- **r/${name}** (${plural(g.length, 'post')} this week): ${talk}. Top post: ${postRef(lead)}.`;
    })
    .join('\n');
}

/**
 * One section, written on its own: a section that fails says so in its place and never takes the
 * tables or the other sections down with it.
 */
function guarded(write: () => string): AnalysisSection {
  try {
    return section(write());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return section(`*This section could not be written (${clip(why, 200)}). The tables and the other sections are not affected.*`);
  }
}

export function offlineAnalysis(input: AnalysisInput): Analysis {
  return {
    today: guarded(() => (input.insight.error ? `*Names and stories could not be read (${clip(input.insight.error, 200)}): this analysis goes without them.*\n\n` : '') + todaySection(input)),
    weekly: guarded(() => weeklySection(input)),
    monthly: guarded(() => monthlySection(input)),
    deepDive: guarded(() => deepDiveSection(input)),
    communities: guarded(() => communitiesSection(input)),
  };
}
