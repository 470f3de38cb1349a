import { expect, test } from 'vitest';
import { groundText } from '@/lib/analysis/grounding';
import { postIdOfLink as postIdOf } from '@/lib/reddit/urls';
import type { TrendRow } from '@/lib/rank/types';

const row = (id: string, score: number, comments: number, author = 'alice'): TrendRow => ({
  id, subreddit: 'LocalLLaMA', title: id, author, permalink: `/r/LocalLLaMA/comments/${id.slice(3)}/x/`, flair: null, createdAt: 0, score, comments, sample: false,
});
const allowed = [row('t3_abc12', 1310, 142), row('t3_def34', 65, 15, 'bob')];

test.each([
  ['https://www.reddit.com/comments/abc12', 't3_abc12'],
  ['https://old.reddit.com/r/LocalLLaMA/comments/ABC12/slug/', 't3_abc12'],
  ['https://redd.it/def34', 't3_def34'],
  ['https://reddit.com.evil.example/comments/abc12', null],
  ['javascript:alert(1)//comments/abc12', null],
  ['https://evil.example/r/x/comments/abc12', null],
])('postIdOf(%s)', (url, id) => {
  expect(postIdOf(url)).toBe(id);
});

test('made-up links are gone; real ones kept with numbers from the data, not the model', () => {
  const model =
    'Big day for [llama.cpp](https://old.reddit.com/r/LocalLLaMA/comments/abc12/llamacpp/) (Score: 99999, Comments: 7) and ' +
    '[a leak](https://www.reddit.com/comments/zzz99) plus [phishing](https://evil.example/login) and ![img](https://www.reddit.com/comments/abc12) ' +
    'see https://evil.example/x and https://www.reddit.com/comments/def34 (12k upvotes, by u/liar).';
  const { text, removed } = groundText(model, allowed);
  expect(text).toBe(
    'Big day for [llama.cpp](https://www.reddit.com/comments/abc12) (Score: 1310, Comments: 142) and a leak plus phishing and img ' +
      'see [link removed] and https://www.reddit.com/comments/def34.',
  );
  expect(removed).toEqual(['https://www.reddit.com/comments/zzz99', 'https://evil.example/login', 'https://www.reddit.com/comments/abc12', 'https://evil.example/x']);
});

test('review style cites upvotes and author from the data', () => {
  expect(groundText('See [this](https://www.reddit.com/comments/def34) (3 upvotes).', allowed, 'review').text).toBe(
    'See [this](https://www.reddit.com/comments/def34) (65 upvotes, by u/bob).',
  );
});

test('hostile text stays text: HTML escaped, javascript: links dropped, table breakers inert', () => {
  const { text } = groundText('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi)', allowed);
  expect(text).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; x y');
});
