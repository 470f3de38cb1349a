import { expect, test } from 'vitest';
import { parseEpoch, parseRedditTime } from '@/lib/reddit/time';

test.each([
  ['2026-06-28T12:35:42.157000+0000', Date.UTC(2026, 5, 28, 12, 35, 42, 157)],
  ['2026-07-04T12:30:19.522Z', Date.UTC(2026, 6, 4, 12, 30, 19, 522)],
  ['2024-10-18T16:18:01+00:00', Date.UTC(2024, 9, 18, 16, 18, 1)],
  ['2024-10-18T18:18:01+02:00', Date.UTC(2024, 9, 18, 16, 18, 1)],
  ['2024-10-18T11:48:01-0430', Date.UTC(2024, 9, 18, 16, 18, 1)],
  ['1729268281000', 1729268281000],
  ['1709276885.0', 1709276885000],
  ['2026-02-31T00:00:00Z', null],
  ['2026-06-28T25:00:00Z', null],
  ['yesterday', null],
  ['', null],
  ['1999-01-01T00:00:00Z', null],
])('%s', (input, expected) => {
  expect(parseRedditTime(input)).toBe(expected);
});

test('epoch seconds and milliseconds are told apart; junk is null', () => {
  expect(parseEpoch(1518665708)).toBe(1518665708000);
  expect(parseEpoch(1518665708000)).toBe(1518665708000);
  expect(parseEpoch(NaN)).toBeNull();
  expect(parseEpoch(-5)).toBeNull();
});
