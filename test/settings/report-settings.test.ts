/**
 * The settings that shape a report are declared once (lib/settings/shape.ts REPORT_SETTINGS): ranking's
 * settings, and the key deciding whether a stored report, the popup's first paint or a saved analysis
 * still holds, are derived from that declaration. A report setting added in one place only fails here or
 * in the type check.
 */
import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS, rankSettingsOf, REPORT_SETTINGS, reportSettingsKey, type Settings } from '@/lib/settings/shape';
import { settingsKey } from '@/lib/db/latest';
import { rank } from '@/lib/rank/rank';
import type { RankPost } from '@/lib/rank/types';

/** For each declared field, a change of the user's settings that should change it. */
const CHANGES: Record<keyof typeof REPORT_SETTINGS, Partial<Settings>> = {
  tracked: { tracked: ['LocalLLaMA'] },
  all: { trackAll: true },
  hideMemes: { hideMemes: true },
};

test('ranking reads exactly the declared fields', () => {
  expect(Object.keys(rankSettingsOf(DEFAULT_SETTINGS)).sort()).toEqual(Object.keys(REPORT_SETTINGS).sort());
  expect(Object.keys(CHANGES).sort()).toEqual(Object.keys(REPORT_SETTINGS).sort());
});

test.each(Object.keys(REPORT_SETTINGS))('changing %s changes the report settings and their key', (field) => {
  const before = rankSettingsOf(DEFAULT_SETTINGS);
  const after = rankSettingsOf({ ...DEFAULT_SETTINGS, ...CHANGES[field as keyof typeof CHANGES] });
  expect(after[field as keyof typeof after]).not.toEqual(before[field as keyof typeof before]);
  expect(settingsKey(after)).not.toBe(settingsKey(before));
});

test('the key is the one stored reports and saved analyses already carry', () => {
  expect(reportSettingsKey(rankSettingsOf({ tracked: ['Rag', 'LocalLLaMA'], trackAll: false, hideMemes: false }))).toBe('localllama,rag');
  expect(reportSettingsKey(rankSettingsOf({ tracked: ['Rag'], trackAll: true, hideMemes: true }))).toBe('*|no-memes');
  // Order and case of the tracked communities do not matter.
  expect(settingsKey({ tracked: ['rag', 'LocalLLaMA'], all: false })).toBe(settingsKey({ tracked: ['LocalLLaMA', 'Rag'], all: false }));
});

test('every declared field shapes the ranking: a report with it changed differs', () => {
  const T = Date.UTC(2026, 11, 6, 12);
  const post = (id: string, subreddit: string, flair: string | null): RankPost => ({
    id, subreddit, title: id, author: 'a', permalink: `/r/${subreddit}/comments/${id.slice(3)}/x/`, flair, createdAt: T - 3_600_000, score: 50, comments: 20, lastSeenAt: T,
  });
  const posts = [post('t3_a', 'LocalLLaMA', null), post('t3_b', 'funny', 'Meme'), post('t3_c', 'Rag', 'Meme')];
  const base = { ...DEFAULT_SETTINGS, tracked: ['LocalLLaMA', 'Rag'] };
  const ids = (s: Partial<Settings>) => rank(posts, [], T, rankSettingsOf({ ...base, ...s })).today.map((r) => r.id).sort();
  expect(ids({})).toEqual(['t3_a', 't3_c']);
  for (const [field, change] of Object.entries(CHANGES)) expect(ids(change), field).not.toEqual(ids({}));
});
