import { expect, test } from 'vitest';
import { dayEndLabel, reportTimeFor, zonedTime } from '@/lib/rank/day';

const NOW = Date.parse('2026-11-25T12:00:00Z');

test('a report day ends at local midnight by default, in the user zone', () => {
  expect(new Date(reportTimeFor('2025-12-22', '00:00', 'Europe/Berlin', NOW)).toISOString()).toBe('2025-12-22T22:59:59.999Z');
  expect(new Date(reportTimeFor('2025-12-22', '00:00', 'America/Los_Angeles', NOW)).toISOString()).toBe('2025-12-23T07:59:59.999Z');
  expect(new Date(reportTimeFor('2025-12-22', '00:00', 'UTC', NOW)).toISOString()).toBe('2025-12-22T23:59:59.999Z');
});

test('another end: D\'s report at that time of D, as the series made its morning reports; never after now', () => {
  expect(new Date(reportTimeFor('2025-12-22', '10:30', 'UTC', NOW)).toISOString()).toBe('2025-12-22T10:30:00.000Z');
  expect(new Date(reportTimeFor('2025-07-01', '10:30', 'Europe/Berlin', NOW)).toISOString()).toBe('2025-07-01T08:30:00.000Z');
  expect(reportTimeFor('2026-11-25', '00:00', 'UTC', NOW)).toBe(NOW);
  // A bad setting reads as midnight.
  expect(reportTimeFor('2025-12-22', '25:00', 'UTC', NOW)).toBe(Date.parse('2025-12-22T23:59:59.999Z'));
});

test('clock changes: the wall time exists once on either side', () => {
  expect(new Date(zonedTime('2025-03-30', '10:30', 'Europe/Berlin')).toISOString()).toBe('2025-03-30T08:30:00.000Z');
  expect(new Date(zonedTime('2025-03-29', '10:30', 'Europe/Berlin')).toISOString()).toBe('2025-03-29T09:30:00.000Z');
});

test('the header label: the time with its zone', () => {
  expect(dayEndLabel('00:00', 'UTC', NOW)).toBe('00:00 UTC');
  expect(dayEndLabel('10:30', 'Europe/Berlin', NOW)).toBe('10:30 CET');
});
