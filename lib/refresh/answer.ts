/**
 * Reading Reddit's answer to one refresh request (pure: tests feed it made-up answers). Reddit answers a
 * signed-out browser with nothing useful since mid-2026, so every answer that is not a JSON listing is
 * named, in words a user can act on, and never parsed as data.
 */
import { isRedditHost } from '../reddit/urls';

/** Why a request gave nothing to store. */
export type Problem =
  | 'sign-in' // a login page or redirect, 401
  | 'forbidden' // 403 (a private or banned community, or signed out)
  | 'blocked' // Reddit's "blocked by network security" page
  | 'html' // a page where JSON was asked
  | 'off-reddit' // redirected to another host
  | 'empty' // a listing with no posts, three times running
  | 'too-large' // more than MAX_ANSWER_BYTES
  | 'not-json' // text that is not JSON, or JSON that is not a listing
  | 'rate-limited' // 429
  | 'server' // 5xx, another status
  | 'network'; // offline, timed out, refused

/** What the popup, the sidebar and Options say for each problem. */
export const PROBLEM_MESSAGES: Record<Problem, string> = {
  'sign-in': 'Sign in to Reddit in this browser to keep communities fresh',
  forbidden: 'Reddit refused the request (403): sign in to Reddit in this browser, or check that the community is public',
  blocked: 'Reddit blocked the request as automated ("blocked by network security"); it will try again in an hour',
  html: 'Reddit answered with a web page instead of data; it will try again in an hour',
  'off-reddit': 'The request was sent away from Reddit; nothing was read',
  empty: 'The community’s listing came back empty three times running; check that it exists and is public',
  'too-large': 'Reddit’s answer was larger than 5 MB and was not read',
  'not-json': 'Reddit’s answer was not a listing',
  'rate-limited': 'Reddit asked to slow down; refresh waits as long as Reddit says',
  server: 'Reddit had a problem answering; it will try again next time',
  network: 'Reddit could not be reached (offline, or the connection failed); it will try again next time',
};

/** Problems that stop refresh of the community until the hourly retry or "Refresh now". */
export const STOPPING: ReadonlySet<Problem> = new Set(['sign-in', 'forbidden', 'blocked', 'html', 'off-reddit', 'empty']);

/** A larger answer is refused unread (a community's listing of 100 posts is about 0.5 MB). */
export const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

export interface Answer {
  status: number;
  /** The URL after redirects. */
  url: string;
  contentType: string;
  /** The body, or null when it was larger than MAX_ANSWER_BYTES (not read). */
  text: string | null;
  header: (name: string) => string | null;
}

export type Reading = { ok: true; value: unknown } | { ok: false; problem: Problem; detail: string };

/** An https address on one of Reddit's hosts. */
export const isRedditUrl = (url: string): boolean => {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && isRedditHost(u.hostname);
  } catch {
    return false;
  }
};

/** Names the answer: a JSON value to parse, or the problem. */
export function readAnswer(a: Answer): Reading {
  const fail = (problem: Problem, detail: string): Reading => ({ ok: false, problem, detail });
  if (!isRedditUrl(a.url)) return fail('off-reddit', `redirected to ${hostOf(a.url)}`);
  const path = pathOf(a.url);
  if (/^\/(account\/)?login\b|^\/register\b/i.test(path)) return fail('sign-in', `redirected to ${path}`);
  if (a.status === 429) return fail('rate-limited', 'HTTP 429');
  if (a.status === 401) return fail('sign-in', 'HTTP 401');
  if (a.status === 403) return blockedPage(a.text) ? fail('blocked', 'HTTP 403, a block page') : fail('forbidden', 'HTTP 403');
  if (a.status < 200 || a.status >= 300) return fail('server', `HTTP ${a.status}`);
  if (a.text == null) return fail('too-large', `more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`);
  const start = a.text.trimStart().slice(0, 1);
  if (/html/i.test(a.contentType) || start === '<') {
    if (blockedPage(a.text)) return fail('blocked', 'a block page');
    if (/log\s*in|sign\s*in/i.test(a.text.slice(0, 20_000))) return fail('sign-in', 'a login page');
    return fail('html', 'an HTML page');
  }
  let value: unknown;
  try {
    value = JSON.parse(a.text);
  } catch {
    return fail('not-json', 'not JSON');
  }
  return { ok: true, value };
}

const blockedPage = (text: string | null) => !!text && /blocked by network security|whoa there, pardner/i.test(text.slice(0, 20_000));

function hostOf(url: string): string {
  try {
    return new URL(url).host || url.slice(0, 80);
  } catch {
    return url.slice(0, 80);
  }
}
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Never wait less than this after a 429 without a usable Retry-After. */
export const MIN_BACKOFF_MS = 60_000;
/** Nor more than this, whatever a header says. */
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;
/** Below this many requests left in Reddit's window, wait for its reset. */
export const KEEP_REMAINING = 2;

/**
 * When the next request to Reddit may go, from the answer's headers: `Retry-After` (seconds or an HTTP
 * date), and `x-ratelimit-remaining` / `x-ratelimit-reset` (seconds until the window resets). Null: no
 * wait asked. A 429 always waits, at least MIN_BACKOFF_MS.
 */
export function waitAsked(a: Pick<Answer, 'status' | 'header'>, now: number): number | null {
  const waits: number[] = [];
  const retry = a.header('retry-after')?.trim();
  if (retry) {
    const seconds = /^\d+(\.\d+)?$/.test(retry) ? Number(retry) * 1000 : Date.parse(retry) - now;
    if (Number.isFinite(seconds) && seconds > 0) waits.push(seconds);
  }
  const remaining = Number(a.header('x-ratelimit-remaining'));
  const reset = Number(a.header('x-ratelimit-reset'));
  if (a.header('x-ratelimit-remaining') != null && Number.isFinite(remaining) && remaining < KEEP_REMAINING && Number.isFinite(reset) && reset > 0) waits.push(reset * 1000);
  if (a.status === 429) waits.push(MIN_BACKOFF_MS);
  if (!waits.length) return null;
  return now + Math.min(MAX_BACKOFF_MS, Math.max(...waits));
}
