import { expect, test } from 'vitest';
import { routeOf as sidebarRoute } from '@/lib/reddit/route';
import { ROUTES } from '../browser/harness';

test.each([
  [ROUTES.newListing, { kind: 'community', name: 'MachineLearning' }],
  [ROUTES.newPost, { kind: 'post', id: 't3_1un6v9c', community: 'artificial' }],
  [ROUTES.newLazyPost, { kind: 'post', id: 't3_1crsv3o', community: 'denvernuggets' }],
  [ROUTES.newSearch, { kind: 'reddit' }],
  [ROUTES.login, { kind: 'reddit' }],
  [ROUTES.oldListing, { kind: 'community', name: 'Python' }],
  [ROUTES.oldNew, { kind: 'community', name: 'SaaS' }],
  [ROUTES.oldSearch, { kind: 'reddit' }],
  [ROUTES.oldComments, { kind: 'post', id: 't3_8dyrb3', community: 'aww' }],
  [ROUTES.jsonFront, { kind: 'reddit' }],
  [ROUTES.jsonAita, { kind: 'community', name: 'AmItheAsshole' }],
])('every fixture page: %o', (route, expected) => {
  expect(sidebarRoute(`https://${route!.host}${route!.path}`)).toEqual(expected);
});

test.each([
  ['https://www.reddit.com/r/popular/', { kind: 'reddit' }],
  ['https://www.reddit.com/user/someone/comments/abc12/x/', { kind: 'post', id: 't3_abc12', community: null }],
  ['https://example.org/r/LocalLLaMA/', { kind: 'off' }],
  ['https://reddit.com.evil.example/r/x/', { kind: 'off' }],
  [undefined, { kind: 'off' }],
  ['chrome://newtab/', { kind: 'off' }],
])('%s', (url, expected) => {
  expect(sidebarRoute(url)).toEqual(expected);
});
