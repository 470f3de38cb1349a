/**
 * Benchmark stages, run in the test build's perf page (real Chromium, real IndexedDB) by
 * scripts/bench.ts. Each figure comes with a floor measured the same way in the same run: the fastest
 * the browser does the same work without our code.
 */
import { parsePage } from '../lib/capture/parse-page';
import { parseShredditPost } from '../lib/capture/parsers/new-post';
import { CapturedPostShape, validRecords } from '../lib/capture/schema';
import type { CapturedPost } from '../lib/capture/types';
import { ingest } from '../lib/db/posts';
import { refreshStats } from '../lib/db/stats';
import { computeReport, loadRankInput, storeLatest } from '../lib/db/reports';
import { buildInsight } from '../lib/analysis/insight';
import { forgetReadDocuments } from '../lib/analysis/names';
import { computeInput } from '../lib/db/analysis-input';
import { getDb, RadarDB, type CommentRow, type PostRow, type SightingRow } from '../lib/db/schema';
import { renderReport } from '../lib/export/markdown';
import { offlineAnalysis } from '../lib/analysis/offline';
import { namesIn } from '../components/ui/NameCharts';
import { DAY, WINDOWS } from '../lib/rank/rank';
import { updateSettings } from '../lib/storage/settings';
import { browser } from 'wxt/browser';
import { dropIndex, ensureIndex, runSearch } from '../lib/background/search';
import { runAsk } from '../lib/background/ask';
import { docOfPost, upsert } from '../lib/search/index';
import { FIRST_PAINT_KEY, firstPaintOf } from '../lib/storage/first-paint';
import { checkAnswer } from '../lib/refresh/listing';
import { LISTINGS } from '../lib/refresh/plan';
import { BENCH_COMMUNITIES, benchListing } from '../test/support/listings';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Median time of `fn`; `inner` runs per sample lift short work above the timer's resolution. */
async function timeIt(reps: number, fn: () => unknown, inner = 1): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    for (let j = 0; j < inner; j++) await fn();
    times.push((performance.now() - t0) / inner);
  }
  return median(times);
}

const ALL = { tracked: [], all: true };

/** 1. Parse a real page: our parsers against a bare querySelectorAll + getAttribute loop over the same elements. */
async function parse({ html, url, reps }: { html: string; url: string; reps: number }) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const seen = Date.now();
  const posts = parsePage(doc, url, seen).posts.length;
  const ATTRS = ['id', 'permalink', 'post-title', 'score', 'comment-count', 'created-timestamp', 'subreddit-name', 'author', 'content-href', 'post-type',
    'data-fullname', 'data-permalink', 'data-score', 'data-comments-count', 'data-timestamp', 'data-subreddit', 'data-author', 'data-url'];
  let sink = 0;
  const floor = await timeIt(reps, () => {
    for (const el of doc.querySelectorAll('shreddit-post, div.thing[data-fullname], div.search-result-link, [data-testid="search-sdui-post"]'))
      for (const a of ATTRS) sink += el.getAttribute(a)?.length ?? 0;
  }, 20);
  const ours = await timeIt(reps, () => parsePage(doc, url, seen), 20);
  // 6. Main-thread time of one 25-post batch as the content script handles it: parse and validate.
  const elements = [...doc.querySelectorAll('shreddit-post')].slice(0, 25);
  const batch = elements.length
    ? await timeIt(reps, () => validRecords(CapturedPostShape, elements.map((e) => parseShredditPost(e, seen)).filter((p): p is CapturedPost => !!p && p !== 'ad')), 20)
    : null;
  return { posts, ours, floor, batch, sink: sink > 0 };
}

// Titles varied as real ones are (names with versions, projects, organisations, ordinary headlines), and
// a body on one post in five: the name finder's cost depends on them.
const NAMES = ['Qwen3-VL-8B', 'GPT-5.2', 'DeepSeek-V3.1', 'llama.cpp', 'ComfyUI', 'Nano Banana Pro', 'OpenAI', 'Anthropic', 'Moore Threads', 'Gemini 3 Pro', 'MiniMax', 'ARC-AGI-3', 'vLLM', 'Mistral Small 3', 'Kimi K2', 'NVIDIA', 'Hugging Face', 'Ollama', 'LM Studio', 'EGGROLL'];
const HEADLINES = ['releases a new model that beats', 'is surprisingly good at coding, compared with', 'quantization comparison against', 'runs on a single 3090 next to', 'why does everyone ignore', 'benchmark results leaked for', 'the hype is over for'];
const BODY = 'I tested it for a week on my own hardware. The results were better than I expected, especially for long context. Memory use stayed under 20 GB with the default settings. Has anyone compared it with the previous version? Happy to share the scripts.';
function syntheticPost(i: number, createdAt: number, now: number): CapturedPost {
  const id = `t3_p${i.toString(36)}`;
  const title = `${NAMES[i % NAMES.length]} ${HEADLINES[(i >> 2) % HEADLINES.length]} ${NAMES[(i * 7 + 3) % NAMES.length]} (${i})`;
  return {
    id, subreddit: `sub${i % 40}`, title, author: `u${i % 500}`,
    permalink: `/r/sub${i % 40}/comments/${id.slice(3)}/s/`, url: `https://www.reddit.com/r/sub${i % 40}/comments/${id.slice(3)}/s/`,
    flair: i % 3 ? 'Discussion' : null, createdAt, score: (i * 7919) % 5000, scoreHidden: false, comments: (i * 104729) % 400, body: i % 5 ? null : BODY,
    postType: 'text', domain: null, nsfw: false, spoiler: false, stickied: false, locked: false, crosspost: false, crosspostParent: null, layout: 'new', seenAt: now,
  };
}

/** 2. Ingest: n post sightings through the write path in capture's 25-post batches, against raw puts in one transaction. */
async function ingestStage({ n }: { n: number }) {
  const now = Date.now();
  const records = Array.from({ length: n }, (_, i) => syntheticPost(i, now - (i % 1000) * 60_000, now));
  const name = `perf-ingest-${now}`;
  const db = new RadarDB(name);
  await db.open();
  const t0 = performance.now();
  for (let i = 0; i < n; i += 25) await ingest(db, records.slice(i, i + 25));
  const ours = performance.now() - t0;
  db.close();
  await Dexie_delete(name);

  const rawName = `perf-raw-${now}`;
  const raw = new RadarDB(rawName);
  await raw.open();
  raw.close();
  const idb = await new Promise<IDBDatabase>((ok, fail) => {
    const r = indexedDB.open(rawName);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const rows = records.map((c) => ({ ...c, firstSeenAt: c.seenAt, lastSeenAt: c.seenAt, sightedAt: c.seenAt, sample: 0 }));
  const sightings = records.map((c) => ({ postId: c.id, at: c.seenAt, score: c.score, comments: c.comments }));
  const t1 = performance.now();
  await new Promise<void>((ok, fail) => {
    const tx = idb.transaction(['posts', 'sightings'], 'readwrite');
    for (const r of rows) tx.objectStore('posts').put(r);
    for (const s of sightings) tx.objectStore('sightings').put(s);
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  const floor = performance.now() - t1;
  idb.close();
  await Dexie_delete(rawName);
  return { n, ours, floor };
}

async function Dexie_delete(name: string) {
  await new Promise<void>((ok) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => ok();
  });
}

/** Fills a store with n posts, `perDay` a day ending now (a longer history for a larger n), one sighting each, two for the last day. */
async function fill(db: RadarDB, n: number, perDay: number, now: number) {
  const chunk = 20_000;
  for (let start = 0; start < n; start += chunk) {
    const posts: PostRow[] = [];
    const sightings: SightingRow[] = [];
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      const createdAt = now - Math.floor(i / perDay) * DAY - (i % perDay) * Math.floor(DAY / perDay) - 60_000;
      const c = syntheticPost(i, createdAt, now);
      const seen = Math.min(now, createdAt + 3_600_000);
      posts.push({ ...c, score: c.score ?? 0, firstSeenAt: seen, lastSeenAt: seen, sightedAt: seen, sample: 0 });
      sightings.push({ postId: c.id, at: seen, score: Math.round((c.score ?? 0) / 2), comments: c.comments });
      if (now - createdAt < DAY) sightings.push({ postId: c.id, at: Math.min(now, seen + 3_600_000), score: c.score ?? 0, comments: c.comments });
    }
    await db.posts.bulkPut(posts);
    await db.sightings.bulkPut(sightings);
  }
}

/** 3. A full report on a store of n posts, against a raw index range read of the rows in the windows. */
async function rankStage({ n, perDay, reps }: { n: number; perDay: number; reps: number }) {
  const now = Date.now();
  const name = `perf-rank-${n}-${now}`;
  const db = new RadarDB(name);
  await db.open();
  await fill(db, n, perDay, now);
  const ours = await timeIt(reps, () => computeReport(db, now, ALL));
  const inWindow = await db.posts.where('createdAt').between(now - WINDOWS.monthly, now, false, true).count();
  db.close();
  const idb = await new Promise<IDBDatabase>((ok, fail) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const floor = await timeIt(reps, () => new Promise<number>((ok, fail) => {
    const tx = idb.transaction(['posts', 'sightings'], 'readonly');
    const a = tx.objectStore('posts').index('createdAt').getAll(IDBKeyRange.bound(now - WINDOWS.monthly, now, true, false));
    const b = tx.objectStore('sightings').index('at').getAll(IDBKeyRange.bound(now - DAY, now, true, false));
    tx.oncomplete = () => ok(a.result.length + b.result.length);
    tx.onerror = () => fail(tx.error);
  }));
  idb.close();
  await Dexie_delete(name);
  return { n, ours, floor, inWindow };
}

/** 4./5. Fill the extension's own database (for the popup measurement) and time the Markdown export. */
async function popupStore({ n, perDay }: { n: number; perDay: number }) {
  const now = Date.now();
  const db = getDb();
  // The popup opens on the stored report made for the user's settings: count every community here.
  await updateSettings({ trackAll: true });
  await db.posts.clear();
  await db.sightings.clear();
  await fill(db, n, perDay, now);
  await refreshStats(db, now);
  const report = await computeReport(db, now, ALL);
  const stored = await storeLatest(db, report, ALL, now);
  // As the background leaves it after a re-rank: the popup's first paint (lib/storage/first-paint.ts).
  if (stored) await browser.storage.local.set({ [FIRST_PAINT_KEY]: firstPaintOf(report, stored.settingsKey, stored.computedAt) });
  return { n, today: report.today.length };
}

/** 5. The Markdown of a full report (tables and the five sections), and apart, the offline analyser's work. */
async function exportStage({ reps }: { reps: number }) {
  const db = getDb();
  const input = await computeInput(db, Date.now(), ALL);
  const analysis = offlineAnalysis(input);
  let length = 0;
  const ours = await timeIt(reps, () => (length = renderReport(input.report, analysis).length), 20);
  const analyser = await timeIt(reps, () => offlineAnalysis(input));
  // Names, stories and the five sections from the posts: what the analysis input adds to ranking.
  const { posts } = await loadRankInput(db, Date.now());
  const rows = posts.map((p) => ({ ...p, score: p.score ?? 0, sample: p.sample === 1 }));
  // Cold: every text read afresh; over the month's posts (the measure) and over the 37 days the
  // extension reads (the month and the week before it). Warm: the texts already read (a page after a capture).
  const at = input.report.at;
  const month = rows.filter((r) => r.createdAt > at - 30 * 86_400_000);
  const cold = (list: typeof rows) => () => {
    forgetReadDocuments();
    offlineAnalysis({ ...input, insight: buildInsight(list, at, []) });
  };
  const insightMonth = await timeIt(reps, cold(month));
  const insight = await timeIt(reps, cold(rows));
  const insightWarm = await timeIt(reps, () => offlineAnalysis({ ...input, insight: buildInsight(rows, at, []) }));
  // The name charts under the five sections with 15,000 distinct names in the insight (issue 22, item 4),
  // against one bare pass of the word pattern over the same texts.
  const many = { ...input.insight, names: { ...input.insight.names } };
  const daily = Array<number>(30).fill(1);
  for (let i = 0; i < 15_000; i++) many.names[`zq${i}`] = { key: `zq${i}`, label: `Zq${i}x`, kind: 'name', firstSeen: at, week: 1, previousWeek: 0, previous30: 0, month: 1, peakWeek: 0, isNew: true, communities: [], daily };
  const texts = Object.values(analysis).map((x) => x.body);
  let found = 0;
  // Each run on a fresh insight object: the charts' index of names is made within the time measured.
  const charts = await timeIt(reps, () => {
    const fresh = { ...many };
    for (const t of texts) found += namesIn(t, fresh).length;
  });
  const chartsFloor = await timeIt(reps, () => {
    for (const t of texts) for (const m of t.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) found += m[0].length > 99 ? 1 : 0;
  });
  return { ours, analyser, insight, insightMonth, insightWarm, length, monthPosts: input.month.length, insightPosts: rows.length, monthOnly: month.length, charts, chartsFloor, found: found >= 0 };
}


/**
 * 7. Search over n posts and 3n comments (the 100,000 and 300,000): a full rebuild from the
 * database, 100 varied queries as the popup sends them (p95, with the stored text read for the best 50),
 * the cost a 25-post batch adds to ingest, and the index's size (heap, and its JSON were it persisted).
 */
async function searchStage({ n }: { n: number }) {
  const now = Date.now();
  const name = `perf-search-${n}-${now}`;
  const db = new RadarDB(name);
  await db.open();
  // A vocabulary of Reddit's size: the headline words, and 20,000 made-up words drawn Zipf-like.
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const syl = ['ka', 'lo', 'mi', 'tra', 'gen', 'qu', 'ant', 'el', 'ser', 'vo', 'dex', 'por', 'nu', 'zi', 'bre', 'ton'];
  const made = Array.from({ length: 20_000 }, (_, i) => Array.from({ length: 2 + (i % 3) }, (_, j) => syl[(i * 7 + j * 13 + (i >> j)) % syl.length]).join('') + (i % 97));
  const vocab = [...new Set(`${BODY} ${HEADLINES.join(' ')}`.toLowerCase().match(/[a-z]+/g)!), ...made];
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(rnd() ** 3 * vocab.length))]!;
  const text = (k: number) => Array.from({ length: k }, word).join(' ');
  const chunk = 20_000;
  for (let start = 0; start < n; start += chunk) {
    const posts: PostRow[] = [];
    const comments: CommentRow[] = [];
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      const createdAt = now - (i % 3000) * 3_600_000;
      const c = syntheticPost(i, createdAt, now);
      posts.push({ ...c, body: i % 5 ? null : `${BODY} ${text(40)}`, score: c.score ?? 0, firstSeenAt: createdAt, lastSeenAt: createdAt, sightedAt: createdAt, sample: 0 });
      for (let k = 0; k < 3; k++)
        comments.push({ id: `t1_c${(i * 3 + k).toString(36)}`, postId: c.id, parentId: null, author: `u${(i + k) % 900}`, score: (i * k) % 50, depth: 0, createdAt: createdAt + k * 60_000, body: text(25), deleted: false, firstSeenAt: createdAt, lastSeenAt: createdAt });
    }
    await db.posts.bulkPut(posts);
    await db.comments.bulkPut(comments);
  }
  const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  (globalThis as unknown as { gc?: () => void }).gc?.();
  const heap0 = heap();
  dropIndex();
  const t0 = performance.now();
  const index = await ensureIndex(db);
  const rebuild = performance.now() - t0;
  const heapMb = (heap() - heap0) / 1048576;
  const jsonMb = JSON.stringify(index).length / 1048576;
  // 100 queries of the kinds people type: a word, two words, a word's beginning, a phrase, OR, NOT, filtered.
  const queries = Array.from({ length: 100 }, (_, i) => {
    const a = word();
    const b = word();
    return [a, `${a} ${b}`, a.slice(0, 4), `"${BODY.split(' ').slice(i % 10, (i % 10) + 2).join(' ')}"`, `${a} OR ${b}`, `${a} -${b}`, a][i % 7]!;
  });
  const times: number[] = [];
  let hits = 0;
  for (const [i, query] of queries.entries()) {
    const t = performance.now();
    const answer = await runSearch(db, { query, filters: i % 7 === 6 ? { communities: ['sub3', 'sub7'], minScore: 100 } : {} });
    times.push(performance.now() - t);
    if (answer.ok) hits += answer.hits.length;
  }
  times.sort((x, y) => x - y);
  // "Ask your history": 100 questions in plain words, from the question to its retrieved items (the
  // index already built, as after the first search).
  const asked: number[] = [];
  let items = 0;
  for (let i = 0; i < 100; i++) {
    const question = [`What did people say about ${word()} this week?`, `Which ${word()} ${word()} are people using?`, `Why is ${NAMES[i % NAMES.length]} ${word()}?`, `What changed about ${word()} ${word()} in r/sub${i % 40}?`][i % 4]!;
    const t = performance.now();
    const answer = await runAsk(db, { question }, now);
    asked.push(performance.now() - t);
    if (answer.ok) items += answer.items.length;
  }
  asked.sort((x, y) => x - y);
  const docs = index.documentCount;
  // Ingest's share: 25 posts (new ones; one in five with a body, as on listing pages) into the built
  // index, as the background does after a batch.
  const batches = 40;
  const tb = performance.now();
  for (let b = 0; b < batches; b++)
    upsert(index, Array.from({ length: 25 }, (_, k) => docOfPost({ ...syntheticPost(n + b * 25 + k, now, now), body: k % 5 ? null : text(40), score: 1 })));
  const perBatch = (performance.now() - tb) / batches;
  dropIndex();
  db.close();
  await Dexie_delete(name);
  return { docs, rebuild, p50: times[50]!, p95: times[95]!, perBatch, heapMb, jsonMb, hits, askP50: asked[50]!, askP95: asked[95]!, askItems: items / 100 };
}

/**
 * 8. A refresh run's work, without its waits (2 s between requests): every listing of the default 11
 * communities parsed, checked and stored (a fresh store), against JSON.parse of the same text alone.
 */
async function refreshStage({ per }: { per: number }) {
  const now = Date.now();
  const jobs = BENCH_COMMUNITIES.flatMap((community) => LISTINGS.map((listing) => ({ job: { kind: 'listing' as const, community, listing }, text: JSON.stringify(benchListing(community, listing, now, per)) })));
  const name = `perf-refresh-${now}`;
  const db = new RadarDB(name);
  await db.open();
  const times: number[] = [];
  const floors: number[] = [];
  let stored = 0;
  for (const { job, text } of jobs) {
    const t0 = performance.now();
    const checked = checkAnswer(JSON.parse(text), job, now);
    await ingest(db, checked.posts, checked.comments, [], now, 'refresh');
    times.push(performance.now() - t0);
    stored += checked.posts.length;
    const t1 = performance.now();
    JSON.parse(text);
    floors.push(performance.now() - t1);
  }
  db.close();
  await Dexie_delete(name);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { listings: jobs.length, stored, total: sum(times), floorTotal: sum(floors), perListing: median(times), perListingMax: Math.max(...times), floor: median(floors) };
}

/** Tracks the benchmark's communities (the background re-ranks for them), refresh still off. */
async function trackForRefresh({ tracked }: { tracked: string[] }) {
  await updateSettings({ refreshEnabled: false, tracked, trackAll: false });
  return { ok: true };
}

/** Turns keeping communities fresh on (the background starts a run). */
async function startRefresh() {
  await updateSettings({ refreshEnabled: true });
  return { ok: true };
}

export const stages = { parse, ingest: ingestStage, rank: rankStage, popupStore, export: exportStage, search: searchStage, refresh: refreshStage, trackForRefresh, startRefresh };
