import { expect, test } from 'vitest';
import { matchesText, parseQuery, MAX_QUERY_CHARS } from '@/lib/search/query';
import { candidates, confirms, createIndex, docOfComment, docOfPost, remove, snippet, upsert } from '@/lib/search/index';

test('the query language: words, phrases, OR, NOT, prefixes', () => {
  expect(parseQuery('llama quant')).toEqual({ any: [[{ words: ['llama'], prefix: false }, { words: ['quant'], prefix: false }]], not: [] });
  expect(parseQuery('"Nano Banana" OR qwen* -meme NOT "shit post"')).toEqual({
    any: [[{ words: ['nano', 'banana'], prefix: false }], [{ words: ['qwen'], prefix: true }]],
    not: [{ words: ['meme'], prefix: false }, { words: ['shit', 'post'], prefix: false }],
  });
  // A dotted name is one phrase; accents fold.
  expect(parseQuery('llama.cpp Déjà').any).toEqual([[{ words: ['llama', 'cpp'], prefix: false }, { words: ['deja'], prefix: false }]]);
});

test('hostile queries give a message or a query, never an exception', () => {
  for (const q of ['(', ')))', '"unclosed phrase', '.*+?^${}()|[]\\', 'a OR OR b', 'OR', '-', '""', '\u202e evil', '<img src=x onerror=alert(1)>'])
    expect(() => parseQuery(q)).not.toThrow();
  expect(parseQuery('"unclosed phrase').any).toEqual([[{ words: ['unclosed', 'phrase'], prefix: false }]]);
  expect(parseQuery('.*+?^${}()|[]\\').error).toBe('Type a word or a "phrase" to search for.');
  expect(parseQuery('-meme').error).toBe('Say what to look for, not only what to leave out (for example: llama -meme).');
  expect(parseQuery('x'.repeat(10_000)).error).toBe(`That search is 10,000 characters long; the limit is ${MAX_QUERY_CHARS}. Search for a few words or a phrase.`);
  expect(parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).error).toBe('That search has more than 32 words or phrases. Keep the few that matter.');
});

test('watch matching: whole words unless written with *, phrases in order, exclusions', () => {
  const text = 'Qwen3.5-35B-A3B runs on llama.cpp with a new quantization';
  expect(matchesText(parseQuery('quantization'), text)).toBe(true);
  expect(matchesText(parseQuery('quant'), text)).toBe(false);
  expect(matchesText(parseQuery('quant*'), text)).toBe(true);
  expect(matchesText(parseQuery('"llama.cpp" qwen3'), text)).toBe(true);
  expect(matchesText(parseQuery('"cpp llama"'), text)).toBe(false);
  expect(matchesText(parseQuery('llama -quantization'), text)).toBe(false);
  expect(matchesText(parseQuery('mistral OR llama'), text)).toBe(true);
});

const post = (id: string, title: string, extra: Partial<Parameters<typeof docOfPost>[0]> = {}) =>
  docOfPost({ id, title, body: null, flair: null, subreddit: 'LocalLLaMA', author: 'a', createdAt: 1_000, score: 10, ...extra });

test('the index: prefix and one-typo matches, phrases checked, filters, updates and removals', () => {
  const index = createIndex();
  upsert(index, [
    post('t3_a', 'Quantization of Qwen on llama.cpp', { score: 500, flair: 'Discussion' }),
    post('t3_b', 'Banana bread recipe', { subreddit: 'Cooking', createdAt: 5_000 }),
    post('t3_c', 'cpp tips for llama owners', { score: 3 }),
  ]);
  const c = docOfComment({ id: 't1_x', postId: 't3_b', body: 'My grandmother quantized her sourdough', author: 'b', createdAt: 6_000, score: 2, firstSeenAt: 6_000 }, { subreddit: 'Cooking', flair: null })!;
  upsert(index, [c]);
  const ids = (q: string, f = {}) => candidates(index, parseQuery(q), f).map((r) => r.id).sort();
  expect(ids('quant')).toEqual(['t1_x', 't3_a']);
  expect(ids('quantizaton')).toEqual(['t3_a']); // one typo away
  expect(ids('quant', { comments: false })).toEqual(['t3_a']);
  expect(ids('quant', { communities: ['cooking'] })).toEqual(['t1_x']);
  expect(ids('llama', { minScore: 100 })).toEqual(['t3_a']);
  expect(ids('llama', { flair: 'discuss' })).toEqual(['t3_a']);
  expect(ids('banana OR sourdough', { from: 5_500 })).toEqual(['t1_x']);
  // A phrase: both candidates hold the words, only one in order.
  const q = parseQuery('"llama.cpp"');
  expect(ids('"llama.cpp"')).toEqual(['t3_a', 't3_c']);
  expect(confirms(q, 'Quantization of Qwen on llama.cpp')).toBe(true);
  expect(confirms(q, 'cpp tips for llama owners')).toBe(false);
  expect(ids('llama -cpp')).toEqual([]);
  // A new score replaces the document; a removed one is gone.
  upsert(index, [post('t3_c', 'cpp tips for llama owners', { score: 300 })]);
  expect(ids('llama', { minScore: 100 })).toEqual(['t3_a', 't3_c']);
  remove(index, ['t3_a', 't3_missing']);
  expect(ids('quant')).toEqual(['t1_x']);
});

test('snippets mark the matched words as text parts, around the first match', () => {
  const long = `${'Lorem ipsum dolor sit amet. '.repeat(10)}The new <b>Qwen</b> model is out.${' More words here.'.repeat(10)}`;
  const parts = snippet(long, ['qwen'], 80);
  expect(parts.filter((p) => p.hit)).toEqual([{ text: 'Qwen', hit: true }]);
  expect(parts[0]).toEqual({ text: '…', hit: false });
  expect(parts.map((p) => p.text).join('')).toContain('<b>Qwen</b> model');
});
