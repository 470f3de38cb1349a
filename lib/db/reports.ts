/**
 * Reading what a report needs, and keeping the latest one. Queries read only the rows in the windows
 * through indexes: the cost grows with the posts in the last 30 days, not with the whole history.
 */
import Dexie from 'dexie';
import { DAY, rank, WINDOWS } from '../rank/rank';
import type { RankSettings, RankSighting, TrendReport } from '../rank/types';
import type { PostRow, RadarDB, ReportRow } from './schema';
import { postsNeedingDetails, reportWithInput, type AnalysisInput } from '../llm/input';

export const LATEST = 'latest';

export async function loadRankInput(db: RadarDB, at: number): Promise<{ posts: PostRow[]; sightings: RankSighting[] }> {
  return db.transaction('r', db.posts, db.sightings, async () => {
    const posts = await db.posts.where('createdAt').between(at - WINDOWS.monthly, at, false, true).toArray();
    const sightings = await db.sightings.where('at').between(at - DAY, at, false, true).toArray();
    // Posts whose stored state is newer than a past report time: their last sighting at or before it.
    const later = posts.filter((p) => p.lastSeenAt > at);
    const before = await Promise.all(
      later.map((p) => db.sightings.where('[postId+at]').between([p.id, Dexie.minKey], [p.id, at], true, true).last()),
    );
    for (const s of before) if (s && s.at <= at - DAY) sightings.push(s);
    return { posts, sightings };
  });
}

export async function computeReport(db: RadarDB, at: number, settings: RankSettings): Promise<TrendReport> {
  const { posts, sightings } = await loadRankInput(db, at);
  return rank(posts, sightings, at, settings);
}

export function settingsKey(settings: RankSettings): string {
  return settings.all ? '*' : settings.tracked.map((s) => s.toLowerCase()).sort().join(',');
}

export async function storeLatest(db: RadarDB, report: TrendReport, settings: RankSettings, now: number): Promise<ReportRow> {
  const row: ReportRow = { key: LATEST, settingsKey: settingsKey(settings), computedAt: now, report };
  await db.reports.put(row);
  return row;
}

/** Score history of the given posts, oldest first, for sparklines. */
export async function historyOf(db: RadarDB, ids: string[]): Promise<Map<string, RankSighting[]>> {
  const out = new Map<string, RankSighting[]>();
  await Promise.all(
    ids.map(async (id) => out.set(id, await db.sightings.where('[postId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray())),
  );
  return out;
}

/** The report with what its analysis reads: window posts, and bodies and top comments of a few posts. */
export async function computeInput(db: RadarDB, at: number, settings: RankSettings, options: { articles?: boolean } = {}): Promise<AnalysisInput> {
  const { posts, sightings } = await loadRankInput(db, at);
  const ids = postsNeedingDetails(rank(posts, sightings, at, settings));
  const comments = ids.length ? await db.comments.where('postId').anyOf(ids).toArray() : [];
  // Sorted like a backup's comments (by id), so the extension and `npm run report` agree on ties.
  comments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const input = reportWithInput(posts, sightings, comments, at, settings).input;
  if (options.articles) {
    const byId = new Map(posts.map((p) => [p.id, p]));
    for (const id of Object.keys(input.details)) {
      const url = byId.get(id)?.url;
      const saved = url ? await db.generations.get(articleKey(url)) : undefined;
      if (saved) input.details[id]!.article = saved.text;
    }
  }
  return input;
}

export const articleKey = (url: string) => `article:${url}`;

/** Fetches and keeps the linked articles of the posts an analysis reads in detail (not yet fetched). */
export async function fetchArticlesFor(db: RadarDB, input: AnalysisInput, fetchArticle: (url: string) => Promise<string | null>, now = Date.now()): Promise<number> {
  let fetched = 0;
  for (const id of Object.keys(input.details)) {
    const url = (await db.posts.get(id))?.url;
    if (!url || (await db.generations.get(articleKey(url)))) continue;
    const text = await fetchArticle(url);
    if (text) {
      await db.generations.put({ key: articleKey(url), modelId: 'readability', kind: 'article', text, createdAt: now });
      fetched++;
    }
  }
  return fetched;
}
