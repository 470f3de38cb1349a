/**
 * Every setting is bounded (issue 22, item 5): a write beyond a bound is refused whole, saying which and
 * why, and nothing is written.
 */
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/settings/shape';
import { settingsProblem } from '@/lib/settings/rules';
import { getSettings, updateSettings } from '@/lib/storage/settings';
import { parseMirror } from '@/lib/llm/mirror';

beforeEach(() => fakeBrowser.reset());

test('the defaults keep every bound', () => {
  expect(settingsProblem(DEFAULT_SETTINGS)).toBeNull();
});

test('a 2-million-character mirror address is refused, and nothing is written', async () => {
  const huge = `https://models.example.org/${'a'.repeat(2_000_000)}`;
  expect(parseMirror(huge)).toEqual({ ok: false, error: 'The mirror address is 2,000,027 characters long; an address has at most 2,000.' });
  await expect(updateSettings({ modelMirror: huge, hideMemes: true })).rejects.toThrow('Not saved: modelMirror: expected text of at most 2,000 characters.');
  expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  await updateSettings({ modelMirror: 'https://models.example.org/webllm' });
  expect((await getSettings()).modelMirror).toBe('https://models.example.org/webllm');
});

test.each([
  [{ tracked: Array.from({ length: 501 }, (_, i) => `sub${i}`) }, 'tracked: expected a list of at most 500 communities'],
  [{ tracked: ['r/LocalLLaMA'] }, 'tracked: expected communities: each a community name without r/'],
  [{ keepSightingsDays: 1e9 }, 'keepSightingsDays: expected a whole number from 1 to 3,650'],
  [{ refreshMinutes: Infinity }, 'refreshMinutes: expected a whole number from 10 to 360'],
  [{ dayEnds: '25:00' }, 'dayEnds: expected a time of day written HH:MM'],
  [{ reportLanguage: 'fr' }, 'reportLanguage: expected one of "en", "zh"'],
  [{ watches: [{ id: '__proto__', query: 'x', communities: [], flair: '', minScore: null, minComments: null, alerts: false, createdAt: 1 }] }, 'watches: expected watches: each id: an id of 1 to 64 letters, digits, "_" or "-"'],
  [{ watches: [{ id: 'w1', query: 'x'.repeat(501), communities: [], flair: '', minScore: null, minComments: null, alerts: false, createdAt: 1 }] }, 'watches: expected watches: each query: text of at most 500 characters'],
  [{ follows: [{ postId: 't3_a', title: 't', community: 'LocalLLaMA', permalink: '/r/LocalLLaMA/comments/a/t/', score: Number.POSITIVE_INFINITY, comments: 0, more: 10, createdAt: 1 }] }, 'follows: expected followed posts: each score: a whole number from -1,000,000,000 to 1,000,000,000'],
  [{ nonsense: 1 } as object, 'nonsense: no such setting'],
])('%j is refused: %s', (patch, message) => {
  expect(settingsProblem(patch)).toBe(message);
});
