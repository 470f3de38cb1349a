import { expect, test } from 'vitest';
import { bareId, commentIdFromBase36, fullname, isCommentId, isPostId, postIdFromBase36 } from '@/lib/reddit/ids';
import { communityFromInput, communityName, isCommunityName, sameCommunity } from '@/lib/reddit/names';
import { collapse } from '@/lib/reddit/text';

test('ids', () => {
  expect(fullname(' T3_AbC ', 't3')).toBe('t3_abc');
  expect(fullname('t1_abc', 't3')).toBeNull();
  expect(fullname('t3_' + 'a'.repeat(17), 't3')).toBeNull();
  expect(postIdFromBase36('1PSBX2Q')).toBe('t3_1psbx2q');
  expect(postIdFromBase36('no-id')).toBeNull();
  expect(commentIdFromBase36('nv6xk2b')).toBe('t1_nv6xk2b');
  expect(bareId('t3_1psbx2q')).toBe('1psbx2q');
  expect([isPostId('t3_a'), isPostId('t1_a'), isCommentId('t1_a')]).toEqual([true, false, true]);
});

test('names', () => {
  expect(communityName('r/LocalLLaMA')).toBe('LocalLLaMA');
  expect(communityName('/u/bob/')).toBe('u_bob');
  expect(communityName('LocalLLaMA')).toBe('LocalLLaMA');
  expect([isCommunityName('AI_Agents'), isCommunityName('r/x'), isCommunityName('a')]).toEqual([true, false, false]);
  expect(sameCommunity('localllama', 'LocalLLaMA')).toBe(true);
  expect(collapse('  a \u202Eb\n c ')).toBe('a b c');
});

test('a community as typed or pasted in Options: r/name, name, /r/name/, or any Reddit address under it', () => {
  expect(
    ['r/LocalLLaMA', ' LocalLLaMA ', '/r/LocalLLaMA/', 'https://www.reddit.com/r/LocalLLaMA/', 'https://old.reddit.com/r/LocalLLaMA/comments/1ps8ptl/eggroll/', 'reddit.com/r/LocalLLaMA?sort=top', 'R/LocalLLaMA'].map(communityFromInput),
  ).toEqual(Array(7).fill('LocalLLaMA'));
  expect(['', 'r/', 'https://example.com/r/LocalLLaMA', 'r/all', 'https://www.reddit.com/', 'two words', 'r/a', 'u/someone'].map(communityFromInput)).toEqual(Array(8).fill(null));
});
