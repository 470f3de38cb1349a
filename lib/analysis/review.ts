/**
 * Period review: a period's top posts grouped into themes, each theme a paragraph whose claims link the
 * posts as "(N upvotes, by u/author)", like seed 002. Themes are clusters of posts sharing title terms;
 * the offline analyser names them by their top terms, a model names and describes them.
 */
import { inlineText, postLink } from '../markdown/escape';
import type { TrendRow } from '../rank/types';
import { cacheKey, type GenerationCache } from './cache';
import type { ChatEngine, ChatMessage } from '../llm/engine';
import { groundText, numbersFor } from './grounding';
import { OFFLINE_SOURCE } from './offline';
import { findNames } from './names';
import { contentWords } from './stories';
import { listing } from './offline';

export interface Theme {
  name: string;
  posts: TrendRow[];
  /** Markdown paragraph(s). */
  text: string;
  source: string;
}

export interface Review {
  title: string;
  from: string;
  to: string;
  themes: Theme[];
}

const jaccard = (a: Set<string>, b: Set<string>) => {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter || 1);
};

/** Greedy clustering, strongest posts first: a post joins the theme it shares most names and title words with. */
export function clusterPosts(posts: TrendRow[], maxThemes = 6, threshold = 0.12): TrendRow[][] {
  const sorted = [...posts].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const { byDoc } = findNames(sorted);
  const terms = (p: TrendRow) => [...(byDoc.get(p.id) ?? []).map((k) => `name:${k}`), ...contentWords(p.title)];
  const clusters: { posts: TrendRow[]; terms: Set<string> }[] = [];
  const leftovers: TrendRow[] = [];
  for (const p of sorted) {
    const t = new Set(terms(p));
    let best = -1;
    let bestScore = 0;
    clusters.forEach((c, i) => {
      const s = jaccard(t, c.terms);
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (best >= 0 && bestScore >= threshold) {
      clusters[best]!.posts.push(p);
      for (const x of t) clusters[best]!.terms.add(x);
    } else if (clusters.length < maxThemes - 1) clusters.push({ posts: [p], terms: t });
    else leftovers.push(p);
  }
  const out = clusters.map((c) => c.posts);
  if (leftovers.length) out.push(leftovers);
  return out;
}

/**
 * A theme's name: the names most of its posts mention ("DeepSeek and R1"; "DeepSeek R1" counts for
 * both), never a common word; else its lead post's title.
 */
export function themeName(posts: TrendRow[]): string {
  const { names, byDoc } = findNames(posts);
  const mentions = (k: string) => posts.filter((p) => (byDoc.get(p.id) ?? []).some((x) => x.includes(k))).length;
  const top = [...names.values()]
    .map((n) => ({ n, count: mentions(n.key) }))
    .filter((x) => x.count >= 2)
    .sort((a, b) => b.count - a.count)
    .slice(0, 3)
    .map((x) => x.n.label);
  if (top.length) return listing(top);
  const lead = [...posts].sort((a, b) => b.score - a.score)[0];
  return lead ? lead.title.replace(/\s+/g, ' ').slice(0, 80) : 'Other notable posts';
}

const cite = (p: TrendRow) => `[${inlineText(p.title)}](${postLink(p.id)}) ${numbersFor(p, 'review')}`;

export function offlineTheme(posts: TrendRow[]): Theme {
  const [lead, ...rest] = posts;
  const text = [
    `The most upvoted post of this theme was ${cite(lead!)} in r/${lead!.subreddit}.`,
    rest.length ? `Related: ${rest.slice(0, 6).map(cite).join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { name: themeName(posts), posts, text, source: OFFLINE_SOURCE };
}

const SYSTEM =
  'You write one theme of a year-in-review of a Reddit community, like a careful editor. First line: a short theme name. Then one paragraph ' +
  '(3-6 sentences) on what the posts show, linking each post you mention as a Markdown link to its URL exactly as given. Use only the posts given; ' +
  'do not write upvote counts or authors (they are added for you).';

export function themePrompt(posts: TrendRow[]): ChatMessage[] {
  const rows = posts.slice(0, 10).map((p) => `- url=${postLink(p.id)} r/${p.subreddit} upvotes=${p.score} title=${JSON.stringify(p.title)}`);
  return [{ role: 'system', content: SYSTEM }, { role: 'user', content: `Posts:\n${rows.join('\n')}` }];
}

export async function writeTheme(posts: TrendRow[], engine: ChatEngine | null, cache: GenerationCache, signal?: AbortSignal): Promise<Theme> {
  if (!engine) return offlineTheme(posts);
  const messages = themePrompt(posts);
  const key = await cacheKey(engine.modelId, messages);
  let raw = await cache.get(key);
  if (raw === undefined) {
    raw = (await engine.generate(messages, { maxTokens: 400, signal })).text;
    await cache.put(key, engine.modelId, 'review-theme', raw);
  }
  const [first = '', ...rest] = raw.trim().split('\n');
  const name = first.replace(/^[#*\s]+|[*\s]+$/g, '').slice(0, 80) || themeName(posts);
  const text = groundText(rest.join('\n').trim() || first, posts, 'review').text;
  return { name, posts, text, source: engine.modelId };
}

export async function review(
  title: string,
  from: string,
  to: string,
  posts: TrendRow[],
  engine: ChatEngine | null,
  cache: GenerationCache,
  signal?: AbortSignal,
  top = 40,
): Promise<Review> {
  const best = [...posts].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, top);
  const themes: Theme[] = [];
  for (const cluster of clusterPosts(best)) themes.push(await writeTheme(cluster, engine, cache, signal));
  return { title, from, to, themes };
}

export function reviewMarkdown(r: Review): string {
  const out = [`# ${inlineText(r.title)}`, '', `A review of the most upvoted captured posts from ${r.from} to ${r.to}, grouped into themes.`, '', '---', ''];
  for (const t of r.themes) out.push(`## ${inlineText(t.name)}`, '', t.text, '', `*Written by: ${t.source}*`, '');
  return out.join('\n');
}
