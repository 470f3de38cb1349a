/** Keeping communities fresh, the pure parts: what a run asks, when, and what each answer means. */
import { describe, expect, test } from 'vitest';
import { readAnswer, waitAsked, isRedditUrl, MAX_ANSWER_BYTES, type Answer } from '@/lib/refresh/answer';
import { EMPTY_REFRESH, jobUrl, nextDue, nextRequestAt, planRun, recordOutcome, recordRequest, refreshLine, HOURLY_BUDGET, type Job, type RefreshState } from '@/lib/refresh/plan';
import { againstStored, checkAnswer } from '@/lib/refresh/listing';
import { listingJson, postData, threadJson, type FakePost } from '../support/listings';

const NOW = Date.UTC(2026, 11, 6, 9, 0);
const answer = (over: Partial<Answer> & { headers?: Record<string, string> } = {}): Answer => {
  const headers = Object.fromEntries(Object.entries(over.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return { status: 200, url: 'https://www.reddit.com/r/LocalLLaMA/hot.json?raw_json=1&limit=100', contentType: 'application/json; charset=UTF-8', text: '{"kind":"Listing","data":{"children":[]}}', header: (n) => headers[n.toLowerCase()] ?? null, ...over };
};

describe('answers', () => {
  test('a listing is read; every other answer is named with what to do', () => {
    expect(readAnswer(answer())).toEqual({ ok: true, value: { kind: 'Listing', data: { children: [] } } });
    const problem = (a: Partial<Answer>) => { const r = readAnswer(answer(a)); return r.ok ? 'ok' : `${r.problem}: ${r.detail}`; };
    expect(problem({ url: 'https://www.reddit.com/login/?dest=%2Fr%2FLocalLLaMA%2Fhot.json', contentType: 'text/html', text: '<html>' })).toBe('sign-in: redirected to /login/');
    expect(problem({ status: 401 })).toBe('sign-in: HTTP 401');
    expect(problem({ status: 403, contentType: 'text/html', text: '<html><body>You have been blocked by network security.</body></html>' })).toBe('blocked: HTTP 403, a block page');
    expect(problem({ status: 403, text: '{"reason":"private"}' })).toBe('forbidden: HTTP 403');
    expect(problem({ status: 429 })).toBe('rate-limited: HTTP 429');
    expect(problem({ status: 503 })).toBe('server: HTTP 503');
    expect(problem({ text: null })).toBe('too-large: more than 5 MB');
    expect(problem({ contentType: 'text/html', text: '<!doctype html><html><body><h1>Log In</h1><form>…</form></body></html>' })).toBe('sign-in: a login page');
    // A 200 with an HTML body, labelled JSON or not.
    expect(problem({ text: '<!doctype html><html><body><shreddit-app></shreddit-app></body></html>' })).toBe('html: an HTML page');
    expect(problem({ url: 'https://evil.example/r/LocalLLaMA/hot.json' })).toBe('off-reddit: redirected to evil.example');
    expect(problem({ url: 'http://www.reddit.com/r/x.json' })).toBe('off-reddit: redirected to www.reddit.com');
    expect(problem({ text: '{"kind": "Listing", ' })).toBe('not-json: not JSON');
    expect(isRedditUrl('https://old.reddit.com/r/x/')).toBe(true);
    expect(isRedditUrl('https://reddit.com.evil.example/')).toBe(false);
    expect(MAX_ANSWER_BYTES).toBe(5_242_880);
  });

  test('Retry-After (seconds or a date) and an exhausted rate limit set when the next request may go; a 429 waits at least a minute', () => {
    expect(waitAsked(answer({ status: 429, headers: { 'Retry-After': '120' } }), NOW)).toBe(NOW + 120_000);
    expect(waitAsked(answer({ status: 429, headers: { 'Retry-After': new Date(NOW + 300_000).toUTCString() } }), NOW)).toBe(NOW + 300_000);
    expect(waitAsked(answer({ status: 429 }), NOW)).toBe(NOW + 60_000);
    expect(waitAsked(answer({ status: 429, headers: { 'Retry-After': '5' } }), NOW)).toBe(NOW + 60_000);
    expect(waitAsked(answer({ headers: { 'x-ratelimit-remaining': '1.0', 'x-ratelimit-reset': '240' } }), NOW)).toBe(NOW + 240_000);
    expect(waitAsked(answer({ headers: { 'x-ratelimit-remaining': '57.0', 'x-ratelimit-reset': '240' } }), NOW)).toBeNull();
    // Never longer than six hours, whatever a header says.
    expect(waitAsked(answer({ status: 429, headers: { 'Retry-After': '99999999' } }), NOW)).toBe(NOW + 6 * 3_600_000);
    expect(waitAsked(answer(), NOW)).toBeNull();
  });
});

describe('plan', () => {
  const input = { tracked: ['LocalLLaMA', 'singularity', 'localllama', 'Secret'], excluded: ['secret'], follows: [{ postId: 't3_f1', permalink: '/r/LocalLLaMA/comments/f1/x/', community: 'LocalLLaMA' }], now: NOW, forced: false };
  test('a run asks hot, new and the day’s top of each tracked community once (excluded ones never), then followed threads', () => {
    const jobs = planRun(EMPTY_REFRESH, input);
    expect(jobs.map(jobUrl)).toEqual([
      'https://www.reddit.com/r/LocalLLaMA/hot.json?raw_json=1&limit=100',
      'https://www.reddit.com/r/LocalLLaMA/new.json?raw_json=1&limit=100',
      'https://www.reddit.com/r/LocalLLaMA/top.json?raw_json=1&limit=100&t=day',
      'https://www.reddit.com/r/singularity/hot.json?raw_json=1&limit=100',
      'https://www.reddit.com/r/singularity/new.json?raw_json=1&limit=100',
      'https://www.reddit.com/r/singularity/top.json?raw_json=1&limit=100&t=day',
      'https://www.reddit.com/r/LocalLLaMA/comments/f1/x/.json?raw_json=1&limit=200',
    ]);
  });

  test('a community is due again after its interval, jittered ±10 %; a stopped one after an hour, or when forced', () => {
    const job: Job = { kind: 'listing', community: 'LocalLLaMA', listing: 'hot' };
    let state = recordOutcome(EMPTY_REFRESH, job, NOW, { posts: 25 }, 30, () => 0.5);
    expect(state.communities['localllama']).toMatchObject({ lastSuccessAt: NOW, nextAt: NOW + 30 * 60_000, stopped: false });
    expect(nextDue(NOW, 30, () => 0)).toBe(NOW + 27 * 60_000);
    expect(nextDue(NOW, 30, () => 1)).toBe(NOW + 33 * 60_000);
    expect(nextDue(NOW, 1, () => 0.5)).toBe(NOW + 10 * 60_000); // never under 10 minutes
    expect(nextDue(NOW, 10_000, () => 0.5)).toBe(NOW + 360 * 60_000); // nor over 6 hours
    expect(planRun(state, { ...input, now: NOW + 29 * 60_000, follows: [] }).map((j) => j.community)).toEqual(['singularity', 'singularity', 'singularity']);
    state = recordOutcome(state, job, NOW, { problem: 'sign-in', detail: 'HTTP 401' }, 30, () => 0.5);
    expect(state.communities['localllama']).toMatchObject({ stopped: true, nextAt: NOW + 3_600_000, lastProblem: { problem: 'sign-in', message: 'Sign in to Reddit in this browser to keep communities fresh', detail: 'HTTP 401' } });
    expect(planRun(state, { ...input, now: NOW + 59 * 60_000, follows: [] }).map((j) => j.community)).toEqual(['singularity', 'singularity', 'singularity']);
    expect(planRun(state, { ...input, now: NOW + 60 * 60_000, follows: [] }).length).toBe(6);
    expect(planRun(state, { ...input, now: NOW + 1, follows: [], forced: true }).length).toBe(6);
    // The next success starts it again.
    expect(recordOutcome(state, job, NOW + 1, { posts: 3 }, 30, () => 0.5).communities['localllama']?.stopped).toBe(false);
  });

  test('an empty listing three times running stops the community; a server error never does', () => {
    const job: Job = { kind: 'listing', community: 'Rag', listing: 'new' };
    let state: RefreshState = EMPTY_REFRESH;
    for (let i = 0; i < 2; i++) state = recordOutcome(state, job, NOW + i, { posts: 0 }, 30, () => 0.5);
    expect(state.communities['rag']).toMatchObject({ empties: 2, stopped: false, lastProblem: null });
    state = recordOutcome(state, job, NOW + 2, { posts: 0 }, 30, () => 0.5);
    expect(state.communities['rag']).toMatchObject({ empties: 3, stopped: true, lastProblem: { problem: 'empty', detail: '3 empty listings in a row' } });
    const s2 = recordOutcome(EMPTY_REFRESH, job, NOW, { problem: 'server', detail: 'HTTP 503' }, 30, () => 0.5);
    expect(s2.communities['rag']).toMatchObject({ stopped: false, lastProblem: { problem: 'server' } });
  });

  test('one request every 2 seconds at most, Reddit’s wait obeyed, and no more than the hourly budget', () => {
    const job: Job = { kind: 'listing', community: 'LocalLLaMA', listing: 'hot' };
    let state = recordRequest(EMPTY_REFRESH, job, NOW);
    expect(nextRequestAt(state, NOW + 500)).toBe(NOW + 2_000);
    expect(nextRequestAt(state, NOW + 2_500)).toBe(NOW + 2_500);
    expect(nextRequestAt({ ...state, waitUntil: NOW + 120_000 }, NOW + 2_500)).toBe(NOW + 120_000);
    state = EMPTY_REFRESH;
    for (let i = 0; i < HOURLY_BUDGET; i++) state = recordRequest(state, job, NOW + i * 2_000);
    const last = NOW + (HOURLY_BUDGET - 1) * 2_000;
    expect(nextRequestAt(state, last + 2_000)).toBe(NOW + 3_600_000);
    expect(state.communities['localllama']?.requests.length).toBe(HOURLY_BUDGET);
    // Requests older than an hour drop out of the count.
    expect(recordRequest(state, job, NOW + 3_600_000 + 1).requests.length).toBe(HOURLY_BUDGET);
  });

  test('the header line: refreshed N min ago · next in M min', () => {
    const job: Job = { kind: 'listing', community: 'LocalLLaMA', listing: 'hot' };
    const state = recordOutcome(EMPTY_REFRESH, job, NOW, { posts: 25 }, 30, () => 0.5);
    expect(refreshLine(state, ['LocalLLaMA'], NOW + 12 * 60_000)).toBe('refreshed 12 min ago · next in 18 min');
    expect(refreshLine(state, ['singularity'], NOW)).toBeNull();
  });
});

describe('hostile answers: each item checked on its own, refused with a counted reason', () => {
  const post = (over: Partial<FakePost> = {}): FakePost => ({ id: 'ok1', community: 'LocalLLaMA', title: 'Qwen3.8 released', score: 120, comments: 30, createdAt: NOW - 3_600_000, ...over });
  const job: Job = { kind: 'listing', community: 'LocalLLaMA', listing: 'hot' };
  test('wrong types, other communities, ads, absurd numbers, times in the future or the year 9999, control and bidi characters', () => {
    const raw = (data: Record<string, unknown>) => ({ kind: 't3', data });
    const checked = checkAnswer(
      listingJson(
        [post(), post({ id: 'oth', community: 'singularity' }), post({ id: 'ad1', promoted: true }), post({ id: 'big', score: 1e15 }), post({ id: 'fut', createdAt: NOW + 86_400_000 }), post({ id: 'y9999', createdAt: Date.UTC(9999, 0, 1) }), post({ id: 'bidi', title: 'Look \u202Egnp.exe' }), post({ id: 'ctl', title: 'Bell\u0007' })],
        [raw({ ...postData(post({ id: 'typ' })), score: '120' }), raw({ ...postData(post({ id: 'neg' })), num_comments: -4 }), { kind: 't3', data: 'not an object' }, { kind: 'more', data: {} }],
      ),
      job,
      NOW,
    );
    // Bidi overrides are taken out of a title as capture does everywhere (lib/reddit/text.ts collapse).
    expect(checked.posts.map((p) => [p.id, p.title])).toEqual([['t3_ok1', 'Qwen3.8 released'], ['t3_bidi', 'Look gnp.exe']]);
    expect(checked.refused).toEqual({ promoted: 1, unreadable: 3, 'another community': 1, 'field score': 1, 'created in the future': 1, 'field title': 1, 'field comments': 1 });
  });

  test('a known post filed under another community, a known comment under another post: refused, never merged', () => {
    const thread = threadJson(post({ id: 'th2' }), [{ id: 'k1', body: 'mine', score: 1, createdAt: NOW - 1_000 }, { id: 'k2', body: 'moved', score: 1, createdAt: NOW - 1_000 }]);
    const checked = checkAnswer(thread, { kind: 'thread', postId: 't3_th2', permalink: '/r/LocalLLaMA/comments/th2/x/', community: 'LocalLLaMA' }, NOW);
    const kept = againstStored(checked, { posts: [{ subreddit: 'localllama' }], comments: [{ postId: 't3_th2' }, { postId: 't3_elsewhere' }] });
    expect([kept.posts.length, kept.comments.map((c) => c.id), kept.refused]).toEqual([1, ['t1_k1'], { 'a known comment of another post': 1 }]);
    const moved = againstStored(checked, { posts: [{ subreddit: 'singularity' }], comments: [] });
    expect([moved.posts.length, moved.refused]).toEqual([0, { 'a known post of another community': 1 }]);
  });

  test('a thread nested 10,000 deep is read without overflowing, to depth 1,000; comments of another post are refused', () => {
    // Built as text: a recursive builder would overflow first.
    const open = (i: number) => `{"kind":"t1","data":{"name":"t1_c${i}","link_id":"t3_th1","parent_id":"${i ? `t1_c${i - 1}` : 't3_th1'}","author":"bob","body":"level ${i}","score":1,"created_utc":${(NOW - 1_000) / 1000},"replies":{"kind":"Listing","data":{"children":[`;
    const deep = Array.from({ length: 10_000 }, (_, i) => open(i)).join('') + ']}}}}'.repeat(10_000);
    const thread = [listingJson([post({ id: 'th1' })]), { kind: 'Listing', data: { children: [JSON.parse(deep)] } }];
    const checked = checkAnswer(thread, { kind: 'thread', postId: 't3_th1', permalink: '/r/LocalLLaMA/comments/th1/x/', community: 'LocalLLaMA' }, NOW);
    expect(checked.posts.map((p) => p.id)).toEqual(['t3_th1']);
    expect(checked.comments.length).toBe(1_001);
    expect(checked.comments.at(-1)?.depth).toBe(1_000);
    const other = checkAnswer(thread, { kind: 'thread', postId: 't3_zzz', permalink: '/r/LocalLLaMA/comments/zzz/x/', community: 'LocalLLaMA' }, NOW);
    expect(other.posts).toEqual([]);
    expect(other.refused).toEqual({ 'another post': 1_002 });
    expect(() => checkAnswer({ kind: 'wikipage' }, job, NOW)).toThrow('not a Reddit JSON listing');
  });
});
