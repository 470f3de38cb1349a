/**
 * A comment's stance, from words (pure; no model): asking (a question), pushing back ("overhyped",
 * "doubt", "actually", "but", "not really"…), agreeing ("agreed", "exactly", "great", "finally"…), or none.
 * A count to read with care: pages show counts, never a verdict on one comment.
 */

const AGREE = new Set(['agree', 'agreed', 'exactly', 'true', 'yes', 'great', 'love', 'impressive', 'awesome', 'amazing', 'finally', 'nice', 'huge', 'thanks', 'congrats', 'excellent', 'works', 'confirmed', 'same']);
const PUSH_BACK = new Set(['disagree', 'wrong', 'doubt', 'overhyped', 'hype', 'misleading', 'skeptical', 'sceptical', 'actually', 'however', 'but', 'meh', 'worse', 'nope', 'bullshit', 'cherry', 'benchmaxxed', 'contaminated', 'unfair', 'broken', 'disappointing']);

export function stanceOf(text: string): 'ask' | 'push-back' | 'agree' | null {
  const t = text.trim();
  if (/\?\s*$/.test(t) || /^(how|what|why|does|do|is|are|can|could|has|have|which|where|when)\b[^.!]*\?/i.test(t)) return 'ask';
  const words = t.slice(0, 600).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.some((w) => PUSH_BACK.has(w)) || /\bnot (true|really|convinced|sure)\b|\bno way\b/i.test(t)) return 'push-back';
  if (words.some((w) => AGREE.has(w)) || /^\+1\b|\bthis is (great|huge|big)\b/i.test(t)) return 'agree';
  return null;
}


/** How a story's discussion went, from its top comments' stances and its comments against its points. */
export type Mood = 'agreed' | 'mixed' | 'divisive';

export interface StoryMood {
  mood: Mood;
  /** Top comments read, and how many of them push back. */
  of: number;
  pushBack: number;
  /** In words: "divisive: 4 of 10 top comments push back". */
  text: string;
}

/** Top comments read at most, and at least for a mood from stances alone. */
const TOP = 10;
const MIN_READ = 3;

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
  const mood: Mood = share >= 0.4 || fight ? 'divisive' : share >= 0.2 ? 'mixed' : 'agreed';
  const counted = read.length >= MIN_READ ? `${pushBack} of ${read.length} top comments push back` : `${comments} comments on ${points} points`;
  return { mood, of: read.length, pushBack, text: `${mood}: ${fight && share < 0.4 && read.length >= MIN_READ ? `${counted}; more comments than points` : counted}` };
}
