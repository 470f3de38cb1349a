import { expect, test } from 'vitest';
import { category, escapeTitle, postedCell, titleCell, textCell } from '@/lib/markdown/escape';

test.each([
  ['llama.cpp appreciation post', 'llama.cpp appreciation post'],
  ['[R] EGGROLL: trained a model without backprop and found it generalizes', '\\[R\\] EGGROLL: trained a model without backprop and found...'],
  ['"Eternal" 5D Glass Storage is entering commercial pilots for archives', '\\"Eternal\\" 5D Glass Storage is entering commercial pilot...'],
  ["I'm strong enough to admit that this bugs the hell out of me", "I\\'m strong enough to admit that this bugs the hell out o..."],
  ['Distillation when you do it. Training when we do it.', 'Distillation when you do it.&nbsp;Training when we do it.'],
  ['a | b\nc', 'a &#124; b c'],
  // Never cut inside an escape or an entity (the series' defect 2):
  ['1 year later and people are still speedrunning NanoGPT. Last time', '1 year later and people are still speedrunning NanoGPT....'],
  ['x'.repeat(50) + ' 12345 | more words here', 'x'.repeat(50) + ' 12345 ...'],
  ['x'.repeat(56) + '[tag] more words', 'x'.repeat(56) + '...'],
  // Code points, not UTF-16 units: an emoji counts once.
  ['🚀'.repeat(61), '🚀'.repeat(57) + '...'],
  ['🚀'.repeat(60), '🚀'.repeat(60)],
])('title %j', (title, cell) => {
  expect(titleCell(title)).toBe(cell);
});

test('escaping order follows the series', () => {
  expect(escapeTitle('a|[b]"c\'d. e')).toBe('a&#124;\\[b\\]\\"c\\\'d.&nbsp;e');
});

test('other cells: pipes escaped everywhere, missing flair is General, times in UTC', () => {
  expect(textCell('Question | Help')).toBe('Question &#124; Help');
  expect(category(null)).toBe('General');
  expect(category('')).toBe('General');
  expect(category('AI Generated Media ')).toBe('AI Generated Media ');
  expect(postedCell(Date.UTC(2025, 11, 21, 17, 28, 59))).toBe('2025-12-21 17:28 UTC');
});

test('untrusted text cannot close a link, open one, or autolink (issue: export carried live links)', async () => {
  const { escapeTitle, textCell, inlineText } = await import('@/lib/markdown/escape');
  // The title's own backslash is escaped first, and "](" cannot end our link text.
  expect(escapeTitle('Read this\\](https://evil.example/x) now')).toBe('Read this\\\\&#93;(https\\://evil.example/x) now');
  expect(textCell('[x](https://evil.example)')).toBe('\\[x&#93;(https\\://evil.example)');
  expect(textCell('![p](https://evil.example/p.png)')).toBe('!\\[p&#93;(https\\://evil.example/p.png)');
  expect(textCell('www.evil.example | eve@evil.example')).toBe('www\\.evil.example &#124; eve\\@evil.example');
  // Quoted text: addresses go; emphasis and code marks are escaped.
  expect(inlineText('see https://evil.example/a, www.evil.example and eve@evil.example *now* `x`')).toBe('see and \\*now\\* \\`x\\`');
  // The seed's own escaping is unchanged.
  expect(escapeTitle('[D] What\'s "new"')).toBe('\\[D\\] What\\\'s \\"new\\"');
});
