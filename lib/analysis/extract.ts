/**
 * Extractive summaries: the sentences of a text that carry most of what it says, ranked by the weight
 * of their words (frequent in the text and its discussion, names counted double), never a sentence that
 * repeats the title; and where a comment agrees, pushes back or asks.
 */
import { contentWords } from './stories';

/** Sentences of a text: paragraphs split at . ! ? before a capital or digit; Markdown and links left out. */
export function splitSentences(text: string): string[] {
  const clean = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/^[>#*\-\s]+/gm, '')
    .replace(/[*_`~]+/g, '');
  const out: string[] = [];
  for (const paragraph of clean.split(/\n\s*\n|\n(?=\S)/)) {
    const flat = paragraph.replace(/\s+/g, ' ').trim();
    if (!flat) continue;
    for (const s of flat.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“‘(])/u)) if (s.trim()) out.push(s.trim());
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return a.size ? inter / a.size : 0;
}

/**
 * The `n` best sentences of `text`, in their order there. `context`: more text of the same discussion
 * (comments), whose words add weight; `avoid`: a title no sentence may repeat; `names`: lowercase name
 * words, counted double.
 */
export function keySentences(text: string, n: number, options: { context?: string[]; avoid?: string; names?: Set<string> } = {}): string[] {
  const sentences = splitSentences(text).filter((s) => s.length >= 20);
  if (!sentences.length) return [];
  const weight = new Map<string, number>();
  const words = sentences.map((s) => contentWords(s));
  for (const ws of [...words, ...(options.context ?? []).map((c) => contentWords(c))]) for (const w of ws) weight.set(w, (weight.get(w) ?? 0) + 1);
  const title = options.avoid ? contentWords(options.avoid) : new Set<string>();
  const scored = sentences.map((s, i) => {
    const ws = words[i]!;
    let score = 0;
    for (const w of ws) score += (weight.get(w) ?? 0) * (options.names?.has(w) ? 2 : 1);
    score /= Math.sqrt(ws.size + 1);
    // The opening usually says what the post is; a repeat of the title says nothing new.
    if (i === 0) score *= 1.3;
    if (title.size && overlap(ws, title) >= 0.6) score = -1;
    if (s.length > 400) score *= 0.5;
    return { s, i, score };
  });
  return scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .sort((a, b) => a.i - b.i)
    .map((x) => (x.s.length > 300 ? `${x.s.slice(0, 297).replace(/\s+\S*$/, '')}…` : x.s));
}

export type Stance = 'asks' | 'doubts' | 'agrees' | 'adds';

/** How a summary says it: "u/bob (40 points) pushes back: …". */
export const STANCE_WORDS: Record<Stance, string> = { agrees: 'agrees', doubts: 'pushes back', asks: 'asks', adds: 'adds' };

const ASKS = /\?\s*$/;
const DOUBTS = /\b(?:but|however|though|not sure|doubt|disagree|wrong|overhyped|misleading|skeptic\w*|sceptic\w*|isn'?t|doesn'?t|won'?t|can'?t|not really|except|caveat|problem|issue)\b/i;
const AGREES = /\b(?:agree|agreed|exactly|great|impressive|amazing|love|awesome|nice|thanks|thank you|huge|cool|brilliant|well done|congrats|this is the way)\b/i;

/** What a comment (or the sentence of it a summary shows) does: asks, pushes back, agrees, or adds something. */
export function stance(comment: string): Stance {
  const first = splitSentences(comment)[0] ?? comment;
  if (ASKS.test(first)) return 'asks';
  if (DOUBTS.test(first)) return 'doubts';
  if (AGREES.test(first)) return 'agrees';
  return 'adds';
}
