/**
 * The offline analyser: the five Trend Analysis sections written from the insight layer (names, their
 * novelty, stories), no model. Short sentences from templates filled with data; our code writes every
 * link, and links point only at posts in the input. Always available, instant and deterministic.
 */
import { communityKey } from '../reddit/names';
import { OFFLINE_SOURCE, type Analysis, type AnalysisSection, type ReportLanguage } from './sections';
import { PHRASES, type Phrases } from './phrases';
import { inlineText, postLink, titleCell } from '../markdown/escape';
import type { TrendRow } from '../rank/types';
import { utcDate } from '../rank/rank';
import { gainText } from '../rank/tables';
import { dayStories, discussedStory, readableDetails, type AnalysisInput } from './input';
import { distinctiveNames, fadingNames, newNames, risingNames, weekNames, type Insight, type NameStat } from './insight';
import type { Story } from './stories';
import { keySentences, stance } from './extract';
import { moodOf, storyMood } from './stance';

export { OFFLINE_SOURCE };

export function postRef(r: TrendRow): string {
  return `[${titleCell(r.title)}](${postLink(r.id)}) (Score: ${r.score}, Comments: ${r.comments})`;
}

const section = (body: string): AnalysisSection => ({ body, source: OFFLINE_SOURCE });

/** "A", "A and B", "A, B and C". */
export const listing = PHRASES.en.list;

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

const where = (s: Story, t: Phrases) => t.where(s.communities.length > 1 ? s.communities : [s.lead.subreddit]);

/** Why a story of the day stands out, in one or two sentences. */
function whyItStandsOut(s: Story, input: AnalysisInput, rank: number, t: Phrases): string | null {
  const { insight, report } = input;
  const reasons: string[] = [];
  if (rank === 0) reasons.push(t.mostUpvoted(s.score));
  const heat = s.comments / Math.max(s.score, 1);
  if (s.comments >= 30 && heat >= 0.5) reasons.push(t.lively(s.comments, s.score));
  const rising = s.posts.map((p) => report.rising.find((r) => r.id === p.id)).find((r) => r?.gain);
  if (rising?.gain) reasons.push(t.rising(gainText(rising.gain)));
  if (s.communities.length > 1) reasons.push(t.spread(s.communities.length));
  const named = storyNames(insight, s);
  const fresh = named.filter((n) => n.isNew);
  if (fresh.length) reasons.push(t.newNames(fresh.map((n) => inlineText(n.label))));
  const busy = named.filter((n) => !n.isNew && n.week >= 3);
  if (busy.length) reasons.push(t.busyName(inlineText(busy[0]!.label), busy[0]!.week));
  // Nothing but its numbers: the table says those already.
  if (!reasons.length) return null;
  return `${t.whyItStandsOut} ${t.reasons(reasons)}`;
}

/**
 * One line of what a story is, from what was read of it: the sentence of a post's body (or its linked
 * article) that says the most about the story's names, else its most upvoted agreeing or adding comment;
 * never a sentence of numbers. Null when only titles were captured.
 */
function whatItIs(s: Story, input: AnalysisInput, t: Phrases): string | null {
  // An extra line: details that cannot be read leave the highlights as they were (the deep dive, which
  // needs them, says so in its own place).
  const details = readableDetails(input);
  if (!details) return null;
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
    if (comment && said) return t.quoted(inlineText(comment.author ?? '[unknown]'), comment.score, clip(said, 240));
  }
  return null;
}

/** A story's mood from its read comments, or null (an extra line, like the what-line). */
function moodIn(s: Story, input: AnalysisInput) {
  const details = readableDetails(input);
  return details ? storyMood(s, details) : null;
}

function storyLine(s: Story, input: AnalysisInput, t: Phrases): string {
  const names = storyNames(input.insight, s);
  const others = s.posts.length > 1 ? t.others(s.posts.length, s.score, s.comments) : '';
  return t.storyLine(names.length ? t.list(names.map(label)) : '', postRef(s.lead), where(s, t), others);
}

function todaySection(input: AnalysisInput, t: Phrases): string {
  const stories = dayStories(input).slice(0, 5);
  if (!stories.length) return t.noDay;
  const out = [t.dayIntro(input.day.length, dayStories(input).length, stories.length), ''];
  let titleOnly = false;
  stories.forEach((s, i) => {
    const lines = [`- ${storyLine(s, input, t)}`];
    const what = whatItIs(s, input, t);
    if (what) lines.push(`  ${t.whatItIs} ${what}`);
    else if (!titleOnly) {
      // Said once, briefly: the other stories without text are as they are.
      titleOnly = true;
      lines.push(`  ${t.whatItIs} ${t.titleOnly}`);
    }
    const why = whyItStandsOut(s, input, i, t);
    if (why) lines.push(`  ${why}`);
    const mood = moodIn(s, input);
    if (mood) lines.push(`  ${t.moodLabel} ${t.mood(mood)}${t.stop}`);
    out.push(lines.join('  \n'));
  });
  return out.join('\n');
}


function weeklySection(input: AnalysisInput, t: Phrases): string {
  const { insight } = input;
  if (!insight.postsThisWeek) return t.noWeek;
  const out: string[] = [];
  const before = insight.postsPreviousWeek;
  out.push(t.weekIntro(insight.postsThisWeek, before));
  const rising = risingNames(insight).slice(0, 5);
  const fresh = newNames(insight).slice(0, 6);
  const fading = fadingNames(insight).slice(0, 5);
  if (!before) {
    const top = weekNames(insight).slice(0, 6);
    out.push(t.noComparison(top.map((n) => t.namePosts(inlineText(n.label), n.week))));
  } else {
    out.push('');
    out.push(t.risingLine(rising.map((n) => t.risingNote(inlineText(n.label), n.week, n.previousWeek))));
    if (fresh.length) out.push(t.newLine(fresh.map((n) => t.namePosts(inlineText(n.label), n.week))));
    out.push(t.fadingLine(fading.map((n) => t.fadingNote(inlineText(n.label), n.week, n.previousWeek))));
    const steady = weekNames(insight).filter((n) => !n.isNew && n.week >= 2 && !rising.includes(n) && !fading.includes(n)).slice(0, 4);
    if (steady.length) out.push(t.steadyLine(steady.map((n) => t.fadingNote(inlineText(n.label), n.week, n.previousWeek))));
  }
  const top = insight.stories[0];
  if (top) out.push('', t.weeksBiggest(storyLine(top, input, t)));
  return out.join('\n');
}

const KINDS: NameStat['kind'][] = ['model', 'project', 'benchmark', 'name'];

function monthlySection(input: AnalysisInput, t: Phrases): string {
  const { month, insight } = input;
  if (!month.length) return t.noMonth;
  const names = Object.values(insight.names)
    .filter((n) => n.month > 0)
    .sort((a, b) => b.month - a.month || a.label.localeCompare(b.label));
  const out = [t.monthIntro(month.length, names.length)];
  if (!names.length) return out.join('\n');
  out.push('');
  for (const kind of KINDS) {
    const group = names.filter((n) => n.kind === kind).slice(0, 5);
    if (!group.length) continue;
    out.push(t.kindLine(t.kinds[kind], group.map((n) => t.monthItem(inlineText(n.label), n.month, utcDate(n.firstSeen), n.peakWeek))));
  }
  // A newcomer only where the history reaches further back than the month.
  const longHistory = names.some((n) => n.firstSeen <= insight.at - 30 * 86_400_000);
  const newest = names.filter((n) => n.firstSeen > insight.at - 30 * 86_400_000).sort((a, b) => b.month - a.month)[0];
  if (longHistory && newest && newest.month >= 2) out.push('', t.newcomer(label(newest), utcDate(newest.firstSeen), newest.month));
  const best = input.report.monthly[0];
  if (best) out.push('', t.monthsBest(postRef(best), best.subreddit));
  return out.join('\n');
}

/** The most discussed story of the day (else the week): what it claims, and what its commenters say. */
function deepDiveSection(input: AnalysisInput, t: Phrases): string {
  const story = discussedStory(input);
  if (!story) return t.noDeepDive;
  const names = storyNames(input.insight, story);
  // The discussion whose text was captured, the lead first.
  const post = story.posts.find((p) => input.details[p.id]?.body || input.details[p.id]?.comments.length) ?? story.lead;
  const detail = input.details[post.id];
  const what = t.deepWhat(dayStories(input).length > 0, postRef(post), post.subreddit, story.posts.length);
  const out = [t.deepHead(names.length ? t.list(names.map(label)) : null, what)];
  const nameWords = new Set(names.flatMap((n) => n.label.toLowerCase().split(/\s+/)));
  const comments = (detail?.comments ?? []).filter((c) => c.body.trim());
  const claims = detail?.body ? keySentences(detail.body, 3, { avoid: post.title, context: comments.map((c) => c.body), names: nameWords }) : [];
  if (claims.length) out.push('', `${t.postSays} ${claims.map((s) => clip(s, 300)).join(' ')}`);
  if (comments.length) {
    out.push('', t.commentersSay(comments.length), '');
    for (const c of comments.slice(0, 4)) {
      const said = keySentences(c.body, 1, { avoid: post.title, names: nameWords })[0] ?? c.body;
      out.push(t.commentLine(inlineText(c.author ?? '[unknown]'), c.score, stance(said), clip(said, 220)));
    }
    // How the thread went: its top comments' stances, and comments against points.
    const mood = moodOf(comments, post.score ?? 0, post.comments);
    if (mood) out.push('', `${t.split} ${t.mood(mood)}${t.stop}`);
  }
  if (!claims.length && !comments.length)
    out.push('', t.deepTitleOnly(postRef(post)));
  return out.join('\n');
}

function communitiesSection(input: AnalysisInput, t: Phrases): string {
  const { insight, month } = input;
  const week = month.filter((r) => r.createdAt > insight.at - 7 * 86_400_000);
  const groups = new Map<string, TrendRow[]>();
  for (const r of week) {
    const g = groups.get(communityKey(r.subreddit));
    if (g) g.push(r);
    else groups.set(communityKey(r.subreddit), [r]);
  }
  if (!groups.size) return t.noCommunities;
  const rows = [...groups.values()].sort((a, b) => b.length - a.length || (a[0]!.subreddit < b[0]!.subreddit ? -1 : 1));
  return rows
    .slice(0, 8)
    .map((g) => {
      const name = g[0]!.subreddit;
      const lead = g[0]!;
      const distinct = groups.size > 1 ? distinctiveNames(insight, week, name, 5) : weekNames(insight).slice(0, 5);
      const talk = distinct.length ? t.talksAbout(distinct.map((n) => inlineText(n.label)), groups.size > 1) : t.nothingStandsOut;
      return t.communityLine(name, g.length, talk, postRef(lead));
    })
    .join('\n');
}

/**
 * One section, written on its own: a section that fails says so in its place and never takes the
 * tables or the other sections down with it.
 */
function guarded(write: () => string, t: Phrases): AnalysisSection {
  try {
    return section(write());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return section(t.sectionFailed(clip(why, 200)));
  }
}

/** The five sections, in the report's language (English unless said). */
export function offlineAnalysis(input: AnalysisInput, lang: ReportLanguage = 'en'): Analysis {
  const t = PHRASES[lang];
  return {
    today: guarded(() => (input.insight.error ? `${t.namesFailed(clip(input.insight.error, 200))}\n\n` : '') + todaySection(input, t), t),
    weekly: guarded(() => weeklySection(input, t), t),
    monthly: guarded(() => monthlySection(input, t), t),
    deepDive: guarded(() => deepDiveSection(input, t), t),
    communities: guarded(() => communitiesSection(input, t), t),
  };
}
