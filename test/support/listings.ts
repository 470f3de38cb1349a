/** Reddit JSON listings and threads as Reddit's API writes them (`raw_json=1`), for refresh tests. */
export interface FakePost {
  /** Base-36 id, without `t3_`. */
  id: string;
  community: string;
  title: string;
  score: number;
  comments: number;
  /** Epoch ms. */
  createdAt: number;
  selftext?: string;
  promoted?: boolean;
}

export function postData(p: FakePost): Record<string, unknown> {
  const permalink = `/r/${p.community}/comments/${p.id}/${p.title.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}/`;
  return {
    name: `t3_${p.id}`, id: p.id, subreddit: p.community, title: p.title, author: 'alice', permalink,
    url: `https://www.reddit.com${permalink}`, created_utc: p.createdAt / 1000, score: p.score, num_comments: p.comments,
    selftext: p.selftext ?? '', is_self: true, link_flair_text: null, domain: `self.${p.community}`, over_18: false,
    ...(p.promoted ? { promoted: true } : {}),
  };
}

export const listingJson = (posts: FakePost[], extra: unknown[] = []) => ({ kind: 'Listing', data: { after: null, children: [...posts.map((p) => ({ kind: 't3', data: postData(p) })), ...extra] } });

export interface FakeComment {
  id: string;
  body: string;
  score: number;
  createdAt: number;
  replies?: FakeComment[];
}

const commentData = (postId: string, parent: string, c: FakeComment, depth: number): Record<string, unknown> => ({
  kind: 't1',
  data: {
    name: `t1_${c.id}`, id: c.id, link_id: `t3_${postId}`, parent_id: parent, author: 'bob', body: c.body, score: c.score, depth,
    created_utc: c.createdAt / 1000,
    replies: c.replies?.length ? { kind: 'Listing', data: { children: c.replies.map((r) => commentData(postId, `t1_${c.id}`, r, depth + 1)) } } : '',
  },
});

/** A post's page as JSON: `[Listing(t3), Listing(t1)]`. */
export const threadJson = (post: FakePost, comments: FakeComment[]) => [
  listingJson([post]),
  { kind: 'Listing', data: { children: comments.map((c) => commentData(post.id, `t3_${post.id}`, c, 0)) } },
];

export const permalinkOf = (p: FakePost) => postData(p).permalink as string;

/** Communities of the refresh benchmark: as many as the default tracked list. */
export const BENCH_COMMUNITIES = Array.from({ length: 11 }, (_, i) => `benchsub${i}`);

/**
 * One of a community's three listings as the refresh benchmark serves it: 100 posts with bodies on one
 * in five, hot and top overlapping as Reddit's do (top is hot's first half and 50 more), new apart.
 */
export function benchListing(community: string, listing: 'hot' | 'new' | 'top', now: number, per = 100) {
  const start = listing === 'hot' ? 0 : listing === 'top' ? per / 2 : per * 2;
  return listingJson(
    Array.from({ length: per }, (_, k) => {
      const i = start + k;
      return {
        id: `${community.slice(-2)}x${i.toString(36)}`, community, title: `Post ${i} of r/${community}: a model release compared with last week's (${listing})`,
        score: (i * 7919) % 3000, comments: (i * 104729) % 300, createdAt: now - (i + 1) * 10 * 60_000,
        selftext: i % 5 ? '' : 'I tested it for a week on my own hardware. The results were better than I expected, especially for long context.',
      };
    }),
  );
}
