import type { AnalysisInput } from '@/lib/analysis/input';
import { reportWithInput } from '@/lib/analysis/input';
import type { RankPost } from '@/lib/rank/types';

export const T = Date.UTC(2025, 11, 22, 9);
const H = 3_600_000;
let n = 0;
export function p(title: string, over: Partial<RankPost & { body: string | null }> = {}): RankPost & { body: string | null } {
  const id = over.id ?? `t3_q${String(++n).padStart(3, '0')}`;
  return { id, subreddit: 'LocalLLaMA', title, author: 'alice', permalink: `/r/LocalLLaMA/comments/${id.slice(3)}/s/`, flair: null, createdAt: T - 2 * H, score: 100, comments: 20, lastSeenAt: T, body: null, ...over };
}

/** A small fixed world: today talks about Qwen and EGGROLL; the week before about Gemini and Qwen. */
export function fixedInput(): AnalysisInput {
  const posts = [
    p('Qwen 3.5 quantization comparison', { id: 't3_a1', score: 500, comments: 140 }),
    p('Qwen 3.5 runs on a single 3090', { id: 't3_a2', score: 300, comments: 40 }),
    p('EGGROLL: trained a model without backprop', { id: 't3_a3', subreddit: 'MachineLearning', score: 65, comments: 300, body: 'We train with evolution strategies. It scales to billions of parameters.' }),
    p('EGGROLL code released', { id: 't3_a4', score: 50, comments: 15 }),
    p('Gemini benchmark leak', { id: 't3_b1', subreddit: 'singularity', createdAt: T - 3 * 24 * H, score: 2000, comments: 500 }),
    p('Gemini pricing thread', { id: 't3_b2', subreddit: 'singularity', createdAt: T - 4 * 24 * H, score: 900, comments: 90 }),
    p('Qwen 3 fine-tuning guide', { id: 't3_b3', createdAt: T - 5 * 24 * H, score: 400, comments: 60 }),
  ];
  const comments = [
    { postId: 't3_a3', author: 'bob', score: 40, body: 'How does it compare to backprop on ImageNet?' },
    { postId: 't3_a3', author: 'carol', score: 90, body: 'The variance reduction trick is the key part.' },
  ];
  return reportWithInput(posts, [], comments, T, { tracked: ['LocalLLaMA', 'MachineLearning', 'singularity'], all: false }).input;
}
