// @vitest-environment happy-dom
/** A part of a page that fails to render says so in its place; its neighbours stay on screen. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, test, vi } from 'vitest';
import { Guard } from '@/components/ui/Guard';

function Broken(): never {
  throw new SyntaxError('Invalid regular expression: /qwen3\\#/u: Invalid escape');
}

test('a failing part shows what failed, the rest of the page renders', async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  const el = document.createElement('div');
  const root = createRoot(el);
  await act(async () =>
    root.render(
      <main>
        <Guard what="Stories">
          <Broken />
        </Guard>
        <Guard what="The analysis">
          <p>Today: Qwen3# leads.</p>
        </Guard>
      </main>,
    ),
  );
  expect(el.querySelector('[data-testid=guard-error]')!.textContent).toBe(
    'Stories could not be shown (Invalid regular expression: /qwen3\\#/u: Invalid escape). The rest of this page works; reopen it to try again.',
  );
  expect(el.querySelector('p:not([data-testid])')!.textContent).toBe('Today: Qwen3# leads.');
  quiet.mockRestore();
  root.unmount();
});
