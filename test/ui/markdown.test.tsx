import { expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Markdown } from '@/components/ui/Markdown';
import { titleCell, postLink } from '@/lib/markdown/escape';

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

test('a title with brackets, as our export escapes it, is a link with its own text, never raw Markdown', () => {
  const md = `- [${titleCell('[R] EGGROLL: trained a model without backprop')}](${postLink('t3_1ps8ru7')}) (Score: 65, Comments: 15)`;
  expect(md).toContain('[\\[R\\] EGGROLL');
  expect(html(md)).toBe('<div class="md"><ul><li><a href="https://www.reddit.com/comments/1ps8ru7" target="_blank" rel="noreferrer">[R] EGGROLL: trained a model without backprop</a> (Score: 65, Comments: 15)</li></ul></div>');
});

test('a rule is a rule; indented lines stay with their list item', () => {
  expect(html('One\n\n---\n\nTwo')).toBe('<div class="md"><p>One</p><hr/><p>Two</p></div>');
  expect(html('- **EGGROLL**: a story.  \n  *Why it stands out:* lively.\n- next')).toBe(
    '<div class="md"><ul><li><strong>EGGROLL</strong>: a story.<br/><em>Why it stands out:</em> lively.</li><li>next</li></ul></div>',
  );
});

test('hostile text stays text: no tag, no javascript: link, no link to another site', () => {
  const out = html('[x](javascript:alert(1)) <img src=x onerror=alert(1)> [y](https://evil.example/a)');
  expect(out).not.toMatch(/<img|<a /);
  expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
});
