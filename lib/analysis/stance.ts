/**
 * Stances and moods (pure; no model): what a comment does by the analysis's own rule (extract.ts: its
 * first sentence asks, pushes back, agrees, or adds), and how a story's discussion went. Counts to read
 * with care: pages show counts, never a verdict on one comment.
 */
import { stance } from './extract';
import type { Story } from './stories';

/** A comment's stance in Ask's and the mood's terms: the analysis's one rule (extract.ts `stance`). */
export function stanceOf(text: string): 'ask' | 'push-back' | 'agree' | null {
  const s = stance(text);
  return s === 'asks' ? 'ask' : s === 'doubts' ? 'push-back' : s === 'agrees' ? 'agree' : null;
}

/** How a story's discussion went, from its top comments' stances and its comments against its points. */
export type Mood = 'agreed' | 'mixed' | 'divisive';

export interface StoryMood {
  mood: Mood;
  /** Top comments read, and how many of them push back. */
  of: number;
  pushBack: number;
  /** More comments than points (20 or more): Reddit's own sign of a fight. */
  fight: boolean;
  points: number;
  comments: number;
  /** In words: "divisive: 4 of 10 top comments push back". */
  text: string;
}

/** Top comments read at most, and at least for a mood from stances alone. */
const TOP = 10;
const MIN_READ = 3;
/** The share of top comments pushing back that makes a discussion divisive on its own. */
const DIVISIVE_SHARE = 0.4;

/**
 * What a mood was read from: the top comments' stances (`byStances`; with Reddit's sign of a fight beside
 * them where the stances alone do not say divisive, `alsoFight`), or else its counts alone. Every
 * language says a mood from these (lib/analysis/phrases.ts).
 */
export function moodBasis(m: Pick<StoryMood, 'of' | 'pushBack' | 'fight'>): { byStances: boolean; alsoFight: boolean } {
  const byStances = m.of >= MIN_READ;
  return { byStances, alsoFight: m.fight && byStances && m.pushBack / m.of < DIVISIVE_SHARE };
}

/** A mood's grounds in words, without its name: "4 of 10 top comments push back". */
export function moodDetail(m: Omit<StoryMood, 'mood' | 'text'>): string {
  const { byStances, alsoFight } = moodBasis(m);
  const counted = byStances ? `${m.pushBack} of ${m.of} top comments push back` : `${m.comments} comments on ${m.points} points`;
  return alsoFight ? `${counted}; more comments than points` : counted;
}

/**
 * The mood of a discussion: "divisive" when 40 % or more of its top comments push back, or it drew more
 * comments than points (Reddit's own sign of a fight); "mixed" from 20 %; else "agreed". Null when fewer
 * than three comments were read and the numbers say nothing either.
 */
export function moodOf(topComments: readonly { body: string; score: number | null }[], points: number, comments: number): StoryMood | null {
  const read = [...topComments].filter((c) => c.body.trim()).sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, TOP);
  const pushBack = read.filter((c) => stanceOf(c.body) === 'push-back').length;
  const fight = points > 0 && comments > points && comments >= 20;
  if (read.length < MIN_READ && !fight) return null;
  const share = read.length ? pushBack / read.length : 0;
  const mood: Mood = share >= DIVISIVE_SHARE || fight ? 'divisive' : share >= 0.2 ? 'mixed' : 'agreed';
  const grounds = { of: read.length, pushBack, fight, points, comments };
  return { mood, ...grounds, text: `${mood}: ${moodDetail(grounds)}` };
}

/** A story's mood: the top comments of all its posts that were read, against its points and comments. */
export function storyMood(s: Pick<Story, 'posts' | 'score' | 'comments'>, details: Readonly<Record<string, { comments: readonly { body: string; score: number | null }[] } | undefined>>): StoryMood | null {
  return moodOf(s.posts.flatMap((p) => details[p.id]?.comments ?? []), s.score, s.comments);
}
