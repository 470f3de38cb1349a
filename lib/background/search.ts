/**
 * The search index, kept by the background. Built lazily from the database on the first search after
 * the worker starts (progress in storage.local, SEARCH_STATUS_KEY), then kept current as capture writes
 * (the batch's posts and comments, after the batch is acknowledged: capture never waits for it).
 * Dropped when a page changes the store in bulk (the sample, an import, retention, deletion) and rebuilt
 * at the next search; Options has a button to rebuild it now.
 *
 * Not persisted: a service worker stopped when idle rebuilds it at the next search (the bench reports
 * how long that takes at 100,000 posts and 300,000 comments).
 */
import type { RadarDB, CommentRow, PostRow } from '../db/schema';
import { storedBatch } from '../db/posts';
import { candidates, confirms, createIndex, docOfComment, docOfPost, snippet, upsert, type SearchDoc, type SearchIndex } from '../search/index';
import { parseQuery } from '../search/query';
import { type SearchAnswer, type SearchHit, type SearchRequest, type SearchStatus } from '../search/types';
import { searchStatusItem } from '../storage/items';

const CHUNK = 2_000;
/** Candidates whose text is read at once, and for how long at most (a phrase of common words). */
const SLICE = 100;
const CONFIRM_BUDGET_MS = 15;
/** Over the page's size, read in the first slice of a query of words alone (a row gone, a comment without text). */
const SURE_MARGIN = 10;
let index: SearchIndex | null = null;
let building: Promise<SearchIndex> | null = null;
/** Bumped whenever the index is dropped: a build started before a drop is not kept. */
let generation = 0;

const setStatus = (status: SearchStatus) => searchStatusItem.setValue(status).catch(() => undefined);

/** Reads every post and comment in chunks by primary key, adding them to a new index. */
export async function buildIndex(db: RadarDB, onProgress: (done: number, total: number) => void | Promise<void> = () => undefined): Promise<SearchIndex> {
  const next = createIndex();
  const total = (await db.posts.count()) + (await db.comments.count());
  let done = 0;
  const posts = new Map<string, { subreddit: string; flair: string | null }>();
  for (let last: string | null = null; ; ) {
    const rows: PostRow[] = await (last == null ? db.posts.orderBy(':id') : db.posts.where(':id').above(last)).limit(CHUNK).toArray();
    if (!rows.length) break;
    for (const p of rows) posts.set(p.id, { subreddit: p.subreddit, flair: p.flair });
    upsert(next, rows.map(docOfPost));
    done += rows.length;
    last = rows[rows.length - 1]!.id;
    await onProgress(done, total);
  }
  for (let last: string | null = null; ; ) {
    const rows: CommentRow[] = await (last == null ? db.comments.orderBy(':id') : db.comments.where(':id').above(last)).limit(CHUNK).toArray();
    if (!rows.length) break;
    upsert(next, rows.map((c) => docOfComment(c, posts.get(c.postId))).filter((d): d is SearchDoc => d != null));
    done += rows.length;
    last = rows[rows.length - 1]!.id;
    await onProgress(done, total);
  }
  return next;
}

/** The index, built if it is not (one build at a time; later callers wait for it). */
export function ensureIndex(db: RadarDB): Promise<SearchIndex> {
  if (index) return Promise.resolve(index);
  if (building) return building;
  const mine = generation;
  const since = Date.now();
  let lastReport = 0;
  building = buildIndex(db, async (done, total) => {
    // Progress for the pages, a few times a second at most.
    if (Date.now() - lastReport > 250) {
      lastReport = Date.now();
      await setStatus({ state: 'building', done, total, since });
    }
  })
    .then(async (built) => {
      if (mine === generation) {
        index = built;
        await setStatus({ state: 'ready', docs: built.documentCount, builtAt: Date.now(), buildMs: Date.now() - since });
      }
      return built;
    })
    .catch(async (e: unknown) => {
      await setStatus({ state: 'failed', error: `The search index could not be built: ${(e as Error).message}. Rebuild it in Options.` });
      throw e;
    })
    .finally(() => {
      building = null;
    });
  return building;
}

/** Forgets the index (the store changed in bulk); the next search builds it again. */
export function dropIndex(): void {
  generation++;
  index = null;
  building = null;
}

/** After a batch is stored: its posts and comments, as now stored, into the index (if one is built). */
export async function indexStored(db: RadarDB, postIds: readonly string[], commentIds: readonly string[]): Promise<void> {
  const target = index;
  if (!target || (!postIds.length && !commentIds.length)) return;
  const { posts, comments, postOf } = await storedBatch(db, postIds, commentIds);
  if (target !== index) return;
  upsert(target, [...posts.map(docOfPost), ...comments.map((c) => docOfComment(c, postOf.get(c.postId))).filter((d): d is SearchDoc => d != null)]);
}

/** Answers a search: candidates from the index, phrases checked on the stored text, the best `limit`. */
export async function runSearch(db: RadarDB, request: SearchRequest): Promise<SearchAnswer> {
  const t0 = performance.now();
  const query = typeof request?.query === 'string' ? request.query : '';
  const parsed = parseQuery(query);
  if (parsed.error) return { ok: false, error: parsed.error };
  const built = await ensureIndex(db);
  const found = candidates(built, parsed, request.filters ?? {});
  const limit = Math.min(Math.max(1, request.limit ?? 50), 200);
  const hits: SearchHit[] = [];
  // Read the stored text of candidates in slices until enough are confirmed. A phrase of common words
  // can leave most candidates unconfirmed: the reading stops after CONFIRM_BUDGET_MS, and the answer says
  // how many were checked.
  // Words alone, nothing excluded: every candidate the index found is a hit (a row read is one), so the
  // first slice need not be larger than the page.
  const sure = !parsed.not.length && parsed.any.every((g) => g.every((p) => p.words.length === 1));
  const size = sure ? Math.min(SLICE, limit + SURE_MARGIN) : SLICE;
  let checked = 0;
  for (let i = 0; i < found.length && hits.length < limit; i += size) {
    if (i > 0 && performance.now() - t0 > CONFIRM_BUDGET_MS) break;
    const slice = found.slice(i, i + size);
    checked = Math.min(found.length, i + size);
    // Both stores read at once: a comment's own row and its post's.
    const [posts, comments] = await Promise.all([
      db.posts.bulkGet([...new Set(slice.map((c) => c.postId))]),
      db.comments.bulkGet(slice.filter((c) => c.kind === 'comment').map((c) => c.id)),
    ]);
    const postRows = new Map(posts.filter((p): p is PostRow => p != null).map((p) => [p.id, p]));
    const commentRows = new Map(comments.filter((c): c is CommentRow => c != null).map((c) => [c.id, c]));
    for (const c of slice) {
      const post = postRows.get(c.postId);
      if (!post) continue;
      const comment = c.kind === 'comment' ? commentRows.get(c.id) : undefined;
      if (c.kind === 'comment' && !comment?.body) continue;
      const text = comment ? comment.body! : `${post.title}\n${post.body ?? ''}\n${post.flair ?? ''}\n${post.subreddit}\n${post.author ?? ''}`;
      if (!confirms(parsed, text)) continue;
      hits.push({
        id: c.id,
        kind: c.kind,
        postId: post.id,
        title: post.title,
        community: post.subreddit,
        score: comment ? (comment.score ?? 0) : (post.score ?? 0),
        comments: post.comments,
        createdAt: comment ? (comment.createdAt ?? comment.firstSeenAt) : post.createdAt,
        permalink: post.permalink,
        author: comment ? comment.author : post.author,
        sample: post.sample === 1,
        snippet: snippet(comment ? comment.body! : post.body || post.title, c.terms),
      });
      if (hits.length >= limit) break;
    }
  }
  return { ok: true, hits, candidates: found.length, checked: hits.length >= limit ? checked : Math.min(checked, found.length), ms: Math.round(performance.now() - t0) };
}

/** Rebuilds from scratch now (Options' button). */
export async function rebuildSearch(db: RadarDB): Promise<{ ok: boolean; docs?: number; error?: string }> {
  dropIndex();
  try {
    return { ok: true, docs: (await ensureIndex(db)).documentCount };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
