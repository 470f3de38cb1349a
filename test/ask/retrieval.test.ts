/**
 * Asking the history: 30 questions written by reading the real pages of ../shared/fixtures/reddit/, each
 * with the post that answers it (read from the page, not from our output). The store holds every post and
 * comment of those pages; the answer's post must be among the first five posts retrieved for at least 27.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/lib/db/schema';
import { ingest } from '@/lib/db/posts';
import { dropIndex } from '@/lib/background/search';
import { runAsk } from '@/lib/background/ask';
import { parsePage } from '@/lib/capture/parse-page';
import { parseJsonListing } from '@/lib/capture/parsers/json-listing';
import { fixtureDocument, fixtureText, hasFixtures } from '../support/fixtures';

const SEEN = Date.UTC(2026, 10, 23, 12);
const PAGES: [string, string][] = [
  ['new-listing-r-machinelearning-2026.html', 'https://www.reddit.com/r/MachineLearning/'],
  ['new-post-r-artificial-2026-with-comments.html', 'https://www.reddit.com/r/artificial/comments/1un6v9c/x/'],
  ['old-listing-r-python-2024.html', 'https://old.reddit.com/r/Python/'],
  ['old-listing-r-saas-new-2026-synthetic-text.html', 'https://old.reddit.com/r/SaaS/new/'],
  ['new-search-ggal-es-mx-2025.html', 'https://www.reddit.com/search/?q=%24GGAL'],
  ['old-comments-r-aww-2018.html', 'https://www.reddit.com/r/aww/comments/8dyrb3/ben/'],
  ['new-post-r-denvernuggets-2024-lazy-comments.html', 'https://www.reddit.com/r/denvernuggets/comments/1crsv3o/game_thread/'],
];
const JSON_PAGES = ['json-listing-frontpage-2018.json', 'json-listing-r-amitheasshole-2024.json'];

/** [question, the post that answers it] */
export const QUESTIONS: [string, string][] = [
  ['What do people think about paper fishing?', 't3_1ulgunh'],
  ['When did the ECCV 2026 final decisions come out?', 't3_1u7gouq'],
  ['Should arXiv backtrack on endorsement?', 't3_1u03yot'],
  ['Why would anyone switch from semantic embeddings back to BM25 for tool selection?', 't3_1u07tlm'],
  ['Can an ML PhD student graduate without a top-tier paper?', 't3_1uazlhg'],
  ['Are open image generation models as good as closed-source ones?', 't3_1u0119r'],
  ['Is there an open-source hierarchical memory for LLM agents?', 't3_1uoz5jo'],
  ['Which TTS models run well on a CPU?', 't3_1up0azr'],
  ['Has anyone built machine translation for Tunisian Darija?', 't3_1uo92vz'],
  ['Should I use other quantizations of QAT models?', 't3_1tyo8gf'],
  ['What is DVD-JEPA?', 't3_1uatlzx'],
  ['Why do model outputs feel the same lately, that sameness?', 't3_1uon503'],
  ['How does torch.compile get speedups over NumPy?', 't3_1ua2hwj'],
  ['Who built a drone environment in MuJoCo?', 't3_1ty60zo'],
  ['What is new in KV cache quantization?', 't3_1twnj5r'],
  ['What is on-policy distillation?', 't3_1twmhud'],
  ['ASL recognition on a Raspberry Pi', 't3_1up3kby'],
  ['What happened with Gemini 3.5 Flash and the Qwen price war?', 't3_1un6v9c'],
  ['Is inference cost really collapsing?', 't3_1un6v9c'],
  ['How many monthly downloads does Ollama have now?', 't3_1un6v9c'],
  ['Is Python 3.13 compatible with asyncpg?', 't3_1g5qo5p'],
  ['Is there an open-source AI code review app for GitHub repos?', 't3_1g6m2mb'],
  ['What is Durable OpenAI Swarm?', 't3_1g5uuuo'],
  ['Why do Python frameworks use strings instead of enums for parameters?', 't3_1g52103'],
  ['Can Google Colab forms render in Jupyter notebooks?', 't3_1g5mg6y'],
  ['Is PyQt a good option for commercial use?', 't3_1g6brra'],
  ['Is there a link between processed foods and cancer?', 't3_7xn8mx'],
  ['Why does the EPA head fly first class?', 't3_7xm3fq'],
  ['Was I wrong to sleep in on my girlfriend’s birthday?', 't3_1blrz8c'],
  ['Nuggets vs Timberwolves game 5 thread', 't3_1crsv3o'],
];

describe.runIf(hasFixtures || !!process.env.CI)('asking the history of real pages', () => {
  beforeAll(async () => {
    fakeBrowser.reset();
    dropIndex();
    const db = getDb();
    await db.delete();
    await db.open();
    for (const [file, url] of PAGES) {
      const r = parsePage(fixtureDocument(file, url), url, SEEN);
      await ingest(db, r.posts, r.comments, [], SEEN);
    }
    for (const file of JSON_PAGES) {
      const r = parseJsonListing(JSON.parse(fixtureText(file)), SEEN);
      await ingest(db, r.posts, r.comments, [], SEEN);
    }
  });

  test('the right post is among the first five retrieved for at least 27 of 30 questions', async () => {
    const misses: string[] = [];
    for (const [question, answer] of QUESTIONS) {
      const reply = await runAsk(getDb(), { question }, SEEN);
      if (!reply.ok) throw new Error(reply.error);
      const posts = [...new Set(reply.items.map((i) => i.postId))].slice(0, 5);
      if (!posts.includes(answer)) misses.push(`${question} → ${posts.join(', ')}`);
    }
    expect(QUESTIONS).toHaveLength(30);
    expect(misses.length, misses.join("\n")).toBeLessThanOrEqual(3);
  });

  test('a question names its time and communities; what was searched comes back with the answer', async () => {
    const reply = await runAsk(getDb(), { question: 'What did r/artificial say about inference cost this week?' }, Date.UTC(2026, 5, 5));
    expect(reply.ok && reply.question).toMatchObject({ words: ['inference', 'cost'], asked: ['inference', 'cost'], range: 'this week', communities: ['artificial'] });
    // Created in the week before 5 June 2026: the r/artificial post of early June, and its comments.
    expect(reply.ok && [...new Set(reply.items.map((i) => i.postId))]).toEqual(['t3_1un6v9c']);
    const none = await runAsk(getDb(), { question: 'What about quantum annealing?' }, SEEN);
    expect(none.ok && none.items).toEqual([]);
  });
});
