import type { CapturedComment, CapturedPost } from '@/lib/capture/types';

let n = 0;
export function capturedPost(over: Partial<CapturedPost> = {}): CapturedPost {
  const id = over.id ?? `t3_p${++n}`;
  return {
    id,
    subreddit: 'LocalLLaMA',
    title: `Post ${id}`,
    author: 'alice',
    permalink: `/r/LocalLLaMA/comments/${id.slice(3)}/slug/`,
    url: `https://www.reddit.com/r/LocalLLaMA/comments/${id.slice(3)}/slug/`,
    flair: 'Discussion',
    createdAt: Date.UTC(2025, 11, 21, 12),
    score: 10,
    scoreHidden: false,
    comments: 5,
    body: null,
    postType: 'text',
    domain: 'self.LocalLLaMA',
    nsfw: false,
    spoiler: false,
    stickied: false,
    locked: false,
    crosspost: false,
    crosspostParent: null,
    layout: 'new',
    seenAt: Date.UTC(2025, 11, 21, 13),
    ...over,
  };
}

export function capturedComment(over: Partial<CapturedComment> = {}): CapturedComment {
  return {
    id: 't1_c1', postId: 't3_p1', parentId: null, author: 'bob', score: 3, depth: 0,
    createdAt: Date.UTC(2025, 11, 21, 14), body: 'A comment.', deleted: false, seenAt: Date.UTC(2025, 11, 21, 15), ...over,
  };
}

export const MIN = 60_000;
