import { expect, test } from 'vitest';
import { BROKEN_AFTER, brokenPageTypes, diagnosticSummary, recordPage, type CaptureHealth } from '@/lib/capture/health';

const T = Date.UTC(2026, 6, 10, 12);

test('a page type that yields nothing on the last pages is flagged; one page with posts clears it', () => {
  let h: CaptureHealth = {};
  h = recordPage(h, { type: 'new-listing', posts: 25, comments: 0, skipped: 1 }, T);
  for (let i = 1; i < BROKEN_AFTER; i++) h = recordPage(h, { type: 'new-listing', posts: 0, comments: 0, skipped: 0 }, T + i);
  expect(brokenPageTypes(h)).toEqual([]);
  h = recordPage(h, { type: 'new-listing', posts: 0, comments: 0, skipped: 0 }, T + 9);
  expect(brokenPageTypes(h)).toEqual([
    { type: 'new-listing', label: 'New Reddit feeds', streak: 5, message: 'New Reddit feeds: nothing captured on the last 5 pages: Reddit may have changed its pages.' },
  ]);
  expect(h['new-listing']).toEqual({ pages: 6, posts: 25, comments: 0, skipped: 1, emptyStreak: 5, lastSuccessAt: T, lastSeenAt: T + 9 });
  h = recordPage(h, { type: 'new-listing', posts: 3, comments: 0, skipped: 0 }, T + 10);
  expect(brokenPageTypes(h)).toEqual([]);
});

test('pages that hold no post by nature (login walls, JSON, settings) are never flagged', () => {
  let h: CaptureHealth = {};
  for (let i = 0; i < 10; i++) h = recordPage(h, { type: 'new-none', posts: 0, comments: 0, skipped: 0 }, T + i);
  for (let i = 0; i < 10; i++) h = recordPage(h, { type: 'unknown-post', posts: 0, comments: 0, skipped: 0 }, T + i);
  expect(brokenPageTypes(h)).toEqual([]);
});

test('the diagnostic summary holds page types, counts and times only', () => {
  const h = recordPage({}, { type: 'old-post', posts: 1, comments: 197, skipped: 0 }, T);
  expect(diagnosticSummary(h, '0.1.0', 'Chromium/156', T)).toBe(
    'Reddit Trend Radar 0.1.0 capture health, 2026-07-10T12:00:00.000Z\nBrowser: Chromium/156\n\n' +
      'old-post: 1 pages, 1 posts, 197 comments, 0 unreadable, 0 empty in a row, last success 2026-07-10T12:00:00.000Z\n\nFlagged: none',
  );
});
