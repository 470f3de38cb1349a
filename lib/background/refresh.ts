/**
 * Keeping tracked communities fresh (opt-in, Options → "Keep tracked communities fresh"): the background
 * reads each tracked community's hot, new and day's top listings, and followed posts' threads, through
 * the user's own Reddit session (the browser adds its reddit.com cookies, as for any Reddit page). What it
 * reads goes through capture's JSON parser, capture's field rules and the one ingest (intake.ts
 * storeRecords), so watches, follows, the search index, names and the re-rank follow as for a page.
 *
 * Polite by construction (lib/refresh/plan.ts): one request every 2 seconds at most, an hourly budget,
 * Reddit's Retry-After and rate-limit headers obeyed, nothing while offline or while capture is paused.
 * One run at a time: the run (its jobs left) is kept in storage.local with the worker instance running
 * it; a worker that finds a run of another instance (Chrome stopped the old one) resumes it.
 */
import { browser } from 'wxt/browser';
import { getSettings } from '../storage/settings';
import { refreshItem } from '../storage/items';
import type { Settings } from '../settings/shape';
import type { WatchHit } from '../search/watch';
import { MAX_ANSWER_BYTES, readAnswer, waitAsked, type Answer, type Problem } from '../refresh/answer';
import { EMPTY_REFRESH, jobUrl, minutesText, recordWait, nextRequestAt, planRun, recordOutcome, recordRequest, REFRESH_NOW_GAP_MS, REQUEST_GAP_MS, type Job, type RefreshRun, type RefreshState } from '../refresh/plan';
import { againstStored, checkAnswer, refusedCount } from '../refresh/listing';
import { getDb } from '../db/schema';
import { communityKey } from '../reddit/names';
import { storeRecords } from './intake';
import { recordHealth } from './health';
import { notifyDigest } from './watches';
import { ensureAlarm } from './schedule';

export const REFRESH_ALARM = 'refresh';

export interface RefreshDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  online: () => boolean;
  /** The least time between two requests (REQUEST_GAP_MS; test builds use less, see wxt.config.ts). */
  gapMs: number;
}

export const browserDeps = (): RefreshDeps => ({
  fetch: (url, init) => fetch(url, init),
  now: () => Date.now(),
  sleep: (ms) => new Promise((ok) => setTimeout(ok, ms)),
  random: Math.random,
  online: () => (globalThis.navigator as Navigator | undefined)?.onLine !== false,
  gapMs: import.meta.env.RTR_REFRESH_GAP_MS ?? REQUEST_GAP_MS,
});

/** This worker instance; a stored run of another one was left by a worker Chrome stopped. */
const WORKER_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
/** A run waits in the worker at most this long for its next request; longer, the alarm resumes it. */
const MAX_INLINE_WAIT_MS = 25_000;
/** A request with no answer after this long is abandoned (a network problem). */
const REQUEST_TIMEOUT_MS = 30_000;

let running: Promise<void> | null = null;

export const readRefresh = async (): Promise<RefreshState> => ({ ...EMPTY_REFRESH, ...((await refreshItem.getValue()) ?? {}) });

/** The alarm exists while refresh is on (one tick a minute: due communities, a run to resume). */
export async function followRefreshSetting(settings: Pick<Settings, 'refreshEnabled'>): Promise<void> {
  if (settings.refreshEnabled) await ensureAlarm(REFRESH_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
  else await browser.alarms.clear(REFRESH_ALARM);
}

/** The minute's tick, and the worker's start: resumes a run left behind, or starts one if any is due. */
export function refreshTick(deps = browserDeps()): Promise<void> {
  return startRun(false, deps);
}

/**
 * "Refresh now": every tracked community, stopped ones too (a user who just signed in retries at once).
 * Answers when the run is planned; the run's progress is in the refresh item.
 */
export async function refreshNow(deps = browserDeps()): Promise<{ ok: true; jobs: number } | { ok: false; error: string }> {
  const settings = await getSettings();
  if (!settings.refreshEnabled) return { ok: false, error: 'Turn on “Keep tracked communities fresh” in Options first.' };
  if (!settings.captureEnabled) return { ok: false, error: 'Capture is paused: turn it on to refresh.' };
  if (!deps.online()) return { ok: false, error: 'You are offline: refresh will run once the browser is back online.' };
  const state = await readRefresh();
  if (state.run && running) return { ok: true, jobs: state.run.jobs.length };
  const now = deps.now();
  const since = state.lastRun ? now - state.lastRun.startedAt : Infinity;
  if (since < REFRESH_NOW_GAP_MS) return { ok: false, error: `Refreshed a moment ago: try again in ${Math.ceil((REFRESH_NOW_GAP_MS - since) / 1000)} s.` };
  if (state.waitUntil > now) return { ok: false, error: `Reddit asked to slow down: refresh waits ${minutesText(state.waitUntil - now)} more.` };
  // Answered once the run is planned (before its first request), with its size.
  let planned: (jobs: number) => void = () => undefined;
  const size = new Promise<number>((ok) => (planned = ok));
  void startRun(true, deps, planned)
    .catch((e) => console.warn('[Reddit Trend Radar] refresh:', e))
    .finally(() => planned(0));
  return { ok: true, jobs: await size };
}

function startRun(forced: boolean, deps: RefreshDeps, onPlanned?: (jobs: number) => void): Promise<void> {
  if (running) return running;
  running = runJobs(forced, deps, onPlanned).finally(() => {
    running = null;
  });
  return running;
}

async function runJobs(forced: boolean, deps: RefreshDeps, onPlanned?: (jobs: number) => void): Promise<void> {
  let settings = await getSettings();
  let state = await readRefresh();
  if (!settings.refreshEnabled || !settings.captureEnabled) {
    if (state.run) await refreshItem.setValue({ ...state, run: null });
    return;
  }
  if (!deps.online()) return;
  let run: RefreshRun;
  if (state.run) run = { ...state.run, owner: WORKER_ID }; // left by a stopped worker: resumed where it was
  else {
    const now = deps.now();
    const jobs = planRun(state, { tracked: settings.tracked, excluded: settings.excluded, follows: settings.follows, now, forced });
    if (!jobs.length) return;
    run = { id: `${now.toString(36)}`, owner: WORKER_ID, startedAt: now, forced, jobs, done: 0, total: jobs.length };
  }
  state = { ...state, run };
  await refreshItem.setValue(state);
  onPlanned?.(run.jobs.length);
  const held: WatchHit[] = [];
  let posts = 0;
  let problems = 0;
  while (run.jobs.length) {
    settings = await getSettings();
    // Turned off or paused mid-run: stop here (a paused capture pauses refresh; nothing more is asked).
    if (!settings.refreshEnabled || !settings.captureEnabled) {
      state = { ...state, run: null };
      break;
    }
    if (!deps.online()) break; // kept: the next tick online resumes it
    const at = nextRequestAt(state, deps.now(), deps.gapMs);
    if (at - deps.now() > MAX_INLINE_WAIT_MS) break; // Reddit asked to wait, or the hour's budget is spent: the alarm resumes it
    if (at > deps.now()) await deps.sleep(at - deps.now());
    const job = run.jobs[0]!;
    // Counted before it goes: a worker stopped mid-request still counts it.
    state = recordRequest(state, job, deps.now());
    await refreshItem.setValue(state);
    const answer = await fetchAnswer(job, deps);
    const now = deps.now();
    const wait = 'status' in answer ? waitAsked(answer, now) : null;
    if (wait) state = { ...state, waitUntil: Math.max(state.waitUntil, wait) };
    const reading = 'status' in answer ? readAnswer(answer) : ({ ok: false, problem: 'network', detail: answer.network } as const);
    if (!reading.ok && reading.problem === 'rate-limited') {
      // The job stays first: asked again once Reddit's wait is over (never at once).
      problems++;
      state = { ...recordWait(state, job, now, reading.detail), run };
      await refreshItem.setValue(state);
      break;
    }
    let outcome: { posts: number } | { problem: Problem; detail: string };
    if (reading.ok) {
      try {
        const fresh = checkAnswer(reading.value, job, now);
        const db = getDb();
        const checked = againstStored(fresh, { posts: await db.posts.bulkGet(fresh.posts.map((p) => p.id)), comments: await db.comments.bulkGet(fresh.comments.map((c) => c.id)) });
        if (checked.posts.length || checked.comments.length) {
          const stored = await storeRecords(checked.posts, checked.comments, [], settings, { source: 'refresh', held });
          if (!stored.ok) {
            // The disk is low or full: nothing written; the run stops here and resumes later.
            state = { ...state, run };
            await refreshItem.setValue(state);
            break;
          }
        }
        posts += checked.posts.length;
        await recordHealth({ type: job.kind === 'thread' ? 'refresh-thread' : 'refresh-listing', posts: checked.posts.length, comments: checked.comments.length, skipped: Math.min(1e5, refusedCount(checked.refused)) });
        outcome = { posts: checked.posts.length };
      } catch (e) {
        outcome = { problem: 'not-json', detail: (e as Error).message.slice(0, 200) };
      }
    } else outcome = { problem: reading.problem, detail: reading.detail };
    if ('problem' in outcome) problems++;
    state = recordOutcome(state, job, now, outcome, settings.refreshMinutes, deps.random);
    // A community stopped (a login wall, a block page): its other listings are not asked this run.
    const stopped = job.kind === 'listing' && state.communities[communityKey(job.community)]?.stopped;
    const left = run.jobs.slice(1).filter((j) => !(stopped && j.kind === 'listing' && communityKey(j.community) === communityKey(job.community)));
    run = { ...run, jobs: left, done: run.total - left.length };
    state = { ...state, run: left.length ? run : null };
    if (!left.length) state = { ...state, lastRun: { startedAt: run.startedAt, endedAt: now, requests: run.total, posts, problems } };
    await refreshItem.setValue(state);
  }
  // Kept as it ended (a run turned off mid-way is dropped; one that waits on Reddit stays for the alarm).
  await refreshItem.setValue(state);
  // The matches of this worker's part of the run, summed up now (also when the run waits to resume).
  await notifyDigest(settings, held).catch((e) => console.warn('[Reddit Trend Radar] digest:', e));
}

/** One request, its body read up to MAX_ANSWER_BYTES; a failure to connect is named, never thrown. */
async function fetchAnswer(job: Job, deps: RefreshDeps): Promise<Answer | { network: string }> {
  const url = jobUrl(job);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
  try {
    // Only what the browser sends Reddit for any page of it: its cookies (credentials), no header of ours.
    const res = await deps.fetch(url, { credentials: 'include', redirect: 'follow', cache: 'no-store', signal: abort.signal });
    const text = await readCapped(res, MAX_ANSWER_BYTES);
    return { status: res.status, url: res.url || url, contentType: res.headers.get('content-type') ?? '', text, header: (n) => res.headers.get(n) };
  } catch (e) {
    return { network: (e as Error).name === 'AbortError' ? 'no answer in 30 s' : String((e as Error).message ?? e).slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or null (unread) past `max` bytes: a hostile answer never fills the memory. */
async function readCapped(res: Response, max: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) {
    const text = await res.text();
    return text.length > max ? null : text;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

