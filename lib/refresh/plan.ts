/**
 * What a refresh run asks Reddit, and when (pure). Each tracked community is read every
 * `refreshMinutes` (jittered), three listings each: hot, new and the day's top, 100 posts apiece, as the
 * report needs them; each followed post's thread is read once a run. The state of it all lives in one
 * storage item (lib/storage/keys.ts "refresh-state") so a stopped worker resumes where it stopped.
 */
import type { Problem } from './answer';
import { PROBLEM_MESSAGES, STOPPING } from './answer';
import { communityKey } from '../reddit/names';
import { listingJsonUrl, threadJsonUrl } from '../reddit/urls';

export type Listing = 'hot' | 'new' | 'top';
export const LISTINGS: readonly Listing[] = ['hot', 'new', 'top'];

export type Job = { kind: 'listing'; community: string; listing: Listing } | { kind: 'thread'; postId: string; permalink: string; community: string };

/** Every request goes to www.reddit.com, with the user's own session (the browser adds its cookies). */
export function jobUrl(job: Job): string {
  return job.kind === 'thread' ? threadJsonUrl(job.permalink) : listingJsonUrl(job.community, job.listing);
}

export const jobLabel = (job: Job) => (job.kind === 'thread' ? `a followed post in r/${job.community}` : `r/${job.community} (${job.listing})`);

/** One community's refresh record. */
export interface CommunityRefresh {
  name: string;
  lastSuccessAt: number | null;
  lastProblem: { at: number; problem: Problem; message: string; detail: string } | null;
  /** Listings in a row that came back empty. */
  empties: number;
  /** Stopped by a problem (STOPPING) until `nextAt` (an hour on) or "Refresh now". */
  stopped: boolean;
  /** When it is due next. */
  nextAt: number;
  /** Times of its requests in the last hour. */
  requests: number[];
}

export interface RefreshRun {
  id: string;
  /** The worker instance running it; another instance finding it resumes it (the owner was stopped). */
  owner: string;
  startedAt: number;
  /** "Refresh now": every community, stopped ones too. */
  forced: boolean;
  jobs: Job[];
  /** Jobs done so far (for progress); `jobs` holds what is left. */
  done: number;
  total: number;
}

export interface RefreshState {
  communities: Record<string, CommunityRefresh>;
  /** Times of every request in the last hour (the visible hourly count, and the hourly budget). */
  requests: number[];
  /** No request before this time (Reddit asked to wait: 429, Retry-After, an exhausted rate limit). */
  waitUntil: number;
  /** When each followed post's thread was last read. */
  threads: Record<string, number>;
  run: RefreshRun | null;
  lastRun: { startedAt: number; endedAt: number; requests: number; posts: number; problems: number } | null;
}

export const EMPTY_REFRESH: RefreshState = { communities: {}, requests: [], waitUntil: 0, threads: {}, run: null, lastRun: null };

/** At most one request every this long. */
export const REQUEST_GAP_MS = 2_000;
/** At most this many requests in any hour (the defaults use about 70). */
export const HOURLY_BUDGET = 300;
/** A stopped community is tried again after this long. */
export const RETRY_STOPPED_MS = 60 * 60_000;
/** Followed posts' threads read in one run, least recently read first. */
export const THREADS_PER_RUN = 20;
/** Empty listings in a row before a community stops. */
export const EMPTY_LIMIT = 3;
export const HOUR_MS = 60 * 60_000;
/** The interval's choices, in minutes (Options). */
export const MIN_INTERVAL = 10;
export const MAX_INTERVAL = 360;
/** "Refresh now" is refused this soon after a run started. */
export const REFRESH_NOW_GAP_MS = 60_000;

export const clampInterval = (minutes: number) => Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, Math.round(Number.isFinite(minutes) ? minutes : 30)));

/** The next due time: the interval ± 10 %, so communities (and users) do not all ask at once. */
export function nextDue(now: number, minutes: number, random: () => number): number {
  const interval = clampInterval(minutes) * 60_000;
  return now + Math.round(interval * (0.9 + 0.2 * random()));
}

const withinHour = (times: number[], now: number) => times.filter((t) => t > now - HOUR_MS && t <= now);

export interface PlanInput {
  tracked: readonly string[];
  excluded: readonly string[];
  follows: readonly { postId: string; permalink: string; community: string }[];
  now: number;
  forced: boolean;
}

/**
 * The jobs of a new run: every due community's listings (all of them when forced; a stopped community
 * only when its hour is up or forced), then the followed threads read longest ago.
 */
export function planRun(state: RefreshState, input: PlanInput): Job[] {
  const excluded = new Set(input.excluded.map(communityKey));
  const seen = new Set<string>();
  const jobs: Job[] = [];
  for (const name of input.tracked) {
    const key = communityKey(name);
    if (excluded.has(key) || seen.has(key)) continue;
    seen.add(key);
    const c = state.communities[key];
    if (!input.forced && c && c.nextAt > input.now) continue;
    for (const listing of LISTINGS) jobs.push({ kind: 'listing', community: name, listing });
  }
  const follows = input.follows
    .filter((f) => !excluded.has(communityKey(f.community)))
    .map((f) => ({ f, at: state.threads[f.postId] ?? 0 }))
    .filter(({ at }) => input.forced || at === 0 || at <= input.now - HOUR_MS / 2)
    .sort((a, b) => a.at - b.at)
    .slice(0, THREADS_PER_RUN);
  for (const { f } of follows) jobs.push({ kind: 'thread', postId: f.postId, permalink: f.permalink, community: f.community });
  return jobs;
}

/** When the next request may go: after the gap, Reddit's wait, and within the hourly budget. */
export function nextRequestAt(state: RefreshState, now: number, gapMs = REQUEST_GAP_MS): number {
  const recent = withinHour(state.requests, now);
  const last = recent.length ? Math.max(...recent) : 0;
  let at = Math.max(now, last + gapMs, state.waitUntil);
  if (recent.length >= HOURLY_BUDGET) at = Math.max(at, [...recent].sort((a, b) => a - b)[recent.length - HOURLY_BUDGET]! + HOUR_MS);
  return at;
}

export const requestsLastHour = (times: number[], now: number) => withinHour(times, now).length;

const community = (state: RefreshState, name: string, now: number): CommunityRefresh =>
  state.communities[communityKey(name)] ?? { name, lastSuccessAt: null, lastProblem: null, empties: 0, stopped: false, nextAt: now, requests: [] };

/** The state after a request was sent. */
export function recordRequest(state: RefreshState, job: Job, at: number): RefreshState {
  const c = community(state, job.community, at);
  return {
    ...state,
    requests: [...withinHour(state.requests, at), at],
    communities: { ...state.communities, [communityKey(job.community)]: { ...c, requests: [...withinHour(c.requests, at), at] } },
  };
}

/** The state after a job's answer: a success (with how many posts it held) or a problem. */
export function recordOutcome(state: RefreshState, job: Job, now: number, outcome: { posts: number } | { problem: Problem; detail: string }, intervalMinutes: number, random: () => number): RefreshState {
  const key = communityKey(job.community);
  const c = community(state, job.community, now);
  let next: CommunityRefresh = { ...c };
  if (job.kind === 'thread') {
    const threads = { ...state.threads, [job.postId]: now };
    return { ...state, threads };
  }
  if ('posts' in outcome && outcome.posts > 0) next = { ...next, lastSuccessAt: now, empties: 0, stopped: false };
  else {
    const empty = 'posts' in outcome;
    const problem: Problem = empty ? 'empty' : outcome.problem;
    const empties = empty ? c.empties + 1 : c.empties;
    const stops = STOPPING.has(problem) && (problem !== 'empty' || empties >= EMPTY_LIMIT);
    next = { ...next, empties, stopped: next.stopped || stops };
    if (!empty || stops) next.lastProblem = { at: now, problem, message: PROBLEM_MESSAGES[problem], detail: empty ? `${empties} empty listings in a row` : outcome.detail };
  }
  // Due again after the interval; a stopped community after an hour (or at "Refresh now").
  next.nextAt = next.stopped ? now + RETRY_STOPPED_MS : nextDue(now, intervalMinutes, random);
  return { ...state, communities: { ...state.communities, [key]: next } };
}

/**
 * The state after Reddit asked to wait (a 429): the job's community notes it as its last problem; the
 * job itself is asked again once the wait is over (the run keeps it first).
 */
export function recordWait(state: RefreshState, job: Job, now: number, detail: string): RefreshState {
  const c = community(state, job.community, now);
  const lastProblem = { at: now, problem: 'rate-limited' as const, message: PROBLEM_MESSAGES['rate-limited'], detail };
  return { ...state, communities: { ...state.communities, [communityKey(job.community)]: { ...c, lastProblem } } };
}

/** Communities stopped now, with the message to show (the first one's). */
export function stoppedCommunities(state: RefreshState): CommunityRefresh[] {
  return Object.values(state.communities).filter((c) => c.stopped);
}

/** "refreshed 12 min ago · next in 18 min" for the tracked communities; null before the first success. */
export function refreshLine(state: RefreshState, tracked: readonly string[], now: number): string | null {
  const rows = tracked.map((t) => state.communities[communityKey(t)]).filter((c): c is CommunityRefresh => !!c);
  const last = Math.max(0, ...rows.map((c) => c.lastSuccessAt ?? 0));
  if (!last) return null;
  const pending = rows.filter((c) => !c.stopped).map((c) => c.nextAt);
  const next = pending.length ? Math.min(...pending) : null;
  const ago = `refreshed ${minutesText(now - last)} ago`;
  if (state.run) return `${ago} · refreshing now`;
  if (next == null) return ago;
  return next <= now ? `${ago} · next in under a minute` : `${ago} · next in ${minutesText(next - now)}`;
}

export function minutesText(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  if (m < 1) return 'under a minute';
  if (m < 90) return `${m} min`;
  const h = Math.round(m / 60);
  return `${h} h`;
}
