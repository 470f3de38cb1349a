import { expect, test } from 'vitest';
import { absoluteUrl, communityUrl, isPostPath, isRedditHost, pathOf, permalinkOf, permalinkPath, permalinkUrl, postIdFromUrl, postIdOfLink, postLink, postUrl } from '@/lib/reddit/urls';

test('links the report and pages write', () => {
  expect(postLink('t3_1psbx2q')).toBe('https://www.reddit.com/comments/1psbx2q');
  expect(communityUrl('LocalLLaMA')).toBe('https://www.reddit.com/r/LocalLLaMA');
  expect(permalinkUrl('/r/LocalLLaMA/comments/1psbx2q/x/')).toBe('https://www.reddit.com/r/LocalLLaMA/comments/1psbx2q/x/');
  expect(permalinkOf('LocalLLaMA', 't3_1psbx2q')).toBe('/r/LocalLLaMA/comments/1psbx2q/');
  // A stored permalink that is not a post path never becomes a link elsewhere.
  expect(postUrl({ id: 't3_abc', permalink: '/r/x/comments/abc/s/' })).toBe('https://www.reddit.com/r/x/comments/abc/s/');
  expect(postUrl({ id: 't3_abc', permalink: 'https://www.reddit.com@evil.example/phish' })).toBe('https://www.reddit.com/comments/abc');
});

test.each([
  ['https://old.reddit.com/r/aww/comments/8dyrb3/ben/', 't3_8dyrb3'],
  ['https://www.reddit.com/r/artificial/comments/1UN6V9C/x/', 't3_1un6v9c'],
  ['https://www.reddit.com/r/aww/', null],
  ['not a url', null],
])('postIdFromUrl(%s)', (url, id) => expect(postIdFromUrl(url)).toBe(id));

test('paths, hosts and absolute URLs', () => {
  expect(permalinkPath('https://www.reddit.com/r/x/comments/abc/title/?utm=1')).toBe('/r/x/comments/abc/title/');
  expect(permalinkPath('/user/bob/comments/abc/title/')).toBe('/user/bob/comments/abc/title/');
  expect(permalinkPath('/r/x/')).toBeNull();
  expect(absoluteUrl('javascript:alert(1)')).toBeNull();
  expect(absoluteUrl('/r/x/')).toBe('https://www.reddit.com/r/x/');
  expect(isRedditHost('old.reddit.com')).toBe(true);
  expect(isRedditHost('reddit.com.evil.example')).toBe(false);
  expect(isPostPath('/r/x/comments/abc')).toBe(true);
  expect(pathOf('https://www.reddit.com/r/x/?q=1')).toBe('/r/x/');
  expect(postIdOfLink('https://redd.it/abc12')).toBe('t3_abc12');
  expect(postIdOfLink('https://evil.example/comments/abc12')).toBeNull();
});
