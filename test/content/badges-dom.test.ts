// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { BADGE_ATTR, onlyBadges, syncBadges } from '@/lib/content/badges-dom';
import { badgeLabel, badgesOf } from '@/lib/rank/badges';

const load = (name: string, latin1 = false) => {
  const bytes = readFileSync(join(process.cwd(), 'test/fixtures', name));
  document.documentElement.innerHTML = new DOMParser().parseFromString(bytes.toString(latin1 ? 'latin1' : 'utf8'), 'text/html').documentElement.innerHTML;
};
const labels = () => [...document.querySelectorAll(`[${BADGE_ATTR}]`)].map((b) => [b.getAttribute(BADGE_ATTR), b.shadowRoot?.textContent]);

test('no badges to draw and none drawn yet: the page\'s posts are not walked (issue 22, item 6)', async () => {
  vi.resetModules();
  const fresh = await import('@/lib/content/badges-dom');
  load('new-feed.html');
  const walk = vi.spyOn(document, 'querySelectorAll');
  fresh.syncBadges(document, undefined, true);
  fresh.syncBadges(document, badgesOf({ today: [{ id: 't3_aaa111' }], rising: [] }), false);
  expect(walk).not.toHaveBeenCalled();
  fresh.syncBadges(document, badgesOf({ today: [{ id: 't3_aaa111' }], rising: [] }), true);
  expect(walk).toHaveBeenCalled();
  expect(labels().map(([label]) => label)).toEqual(['#1 today']);
  // Drawn once: turned off, the badges are walked to be removed.
  fresh.syncBadges(document, undefined, true);
  expect(labels()).toEqual([]);
  walk.mockRestore();
});

test('labels from the report', () => {
  const b = badgesOf({ today: [{ id: 't3_a' }, { id: 't3_b' }], rising: [{ id: 't3_b' }, { id: 't3_c' }] });
  expect([badgeLabel(b, 't3_a'), badgeLabel(b, 't3_b'), badgeLabel(b, 't3_c'), badgeLabel(b, 't3_d')]).toEqual(['#1 today', '#2 today · rising', 'rising', null]);
});

test('new Reddit: before the card; idempotent; removed when turned off', () => {
  load('new-feed.html');
  const badges = { today: { t3_aaa111: 3 }, rising: ['t3_bbb222'] };
  syncBadges(document, badges, true);
  expect(document.getElementById('t3_aaa111')!.previousElementSibling!.getAttribute(BADGE_ATTR)).toBe('#3 today');
  expect(labels().map((l) => l[0])).toEqual(['#3 today', 'rising']);
  const first = document.querySelector(`[${BADGE_ATTR}]`);
  syncBadges(document, badges, true);
  expect(document.querySelector(`[${BADGE_ATTR}]`)).toBe(first);
  syncBadges(document, { today: {}, rising: ['t3_bbb222'] }, true);
  expect(labels().map((l) => l[0])).toEqual(['rising']);
  syncBadges(document, badges, false);
  expect(labels()).toEqual([]);
});

test('old Reddit: after the title, text in its own shadow root', () => {
  load('old-listing.html', true);
  syncBadges(document, { today: { t3_eee555: 1 }, rising: [] }, true);
  const badge = document.querySelector(`[${BADGE_ATTR}]`)!;
  expect(badge.parentElement!.matches('p.title')).toBe(true);
  expect(badge.shadowRoot!.querySelector('span')!.textContent).toBe('#1 today');
});

test('the watcher ignores mutations that only add or remove badges', () => {
  const host = document.createElement('rtr-badge');
  host.setAttribute(BADGE_ATTR, 'x');
  const rec = (added: Node[], removed: Node[] = []) => ({ type: 'childList', addedNodes: added, removedNodes: removed }) as unknown as MutationRecord;
  expect(onlyBadges([rec([host])])).toBe(true);
  expect(onlyBadges([rec([host]), rec([document.createElement('div')])])).toBe(false);
});
