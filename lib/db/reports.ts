/**
 * The reports table, and reading what a report needs. Queries read only the rows in the windows through
 * indexes: the cost grows with the posts in the last 30 days, not with the whole history.
 */
import { rank } from '../rank/rank';
import { DAY, NAME_HISTORY } from '../rank/tables';
import type { RankSettings, RankSighting, TrendReport } from '../rank/types';
import { postsInWindow } from './posts';
import type { PostRow, RadarDB, ReportRow } from './schema';
import { lastSightingAtOrBefore, sightingsBetween } from './sightings';
import { STATS_KEY } from './stats';
import { LATEST, REPORT_VERSION, settingsKey } from './latest';

export { LATEST, REPORT_VERSION, settingsKey };

export async function loadRankInput(db: RadarDB, at: number): Promise<{ posts: PostRow[]; sightings: RankSighting[] }> {
  return db.transaction('r', db.posts, db.sightings, async () => {
    // The month, and the week before it: names are counted against the 30 days before the week.
    const posts = await postsInWindow(db, at - NAME_HISTORY, at);
    const sightings = await sightingsBetween(db, at - DAY, at);
    // Posts whose stored state is newer than a past report time: their last sighting at or before it.
    const later = posts.filter((p) => p.lastSeenAt > at);
    const before = await Promise.all(later.map((p) => lastSightingAtOrBefore(db, p.id, at)));
    for (const s of before) if (s && s.at <= at - DAY) sightings.push(s);
    return { posts, sightings };
  });
}

export async function computeReport(db: RadarDB, at: number, settings: RankSettings): Promise<TrendReport> {
  const { posts, sightings } = await loadRankInput(db, at);
  return rank(posts, sightings, at, settings);
}

/**
 * Stores the latest report. `readAt`: when its data was read; a report read before the store last changed
 * (the sample loaded, an import, a batch) is stale and not stored (null): pages would trust it.
 */
export async function storeLatest(db: RadarDB, report: TrendReport, settings: RankSettings, now: number, readAt = now): Promise<ReportRow | null> {
  const row: ReportRow = { key: LATEST, version: REPORT_VERSION, settingsKey: settingsKey(settings), computedAt: now, report };
  return db.transaction('rw', db.reports, db.stats, async () => {
    const changed = (await db.stats.get(STATS_KEY))?.computedAt ?? 0;
    if (changed > readAt) return null;
    await db.reports.put(row);
    return row;
  });
}

/** When the store last changed (the kept figures' time), 0 when unknown. */
export async function storeChangedAt(db: RadarDB): Promise<number> {
  return (await db.stats.get(STATS_KEY))?.computedAt ?? 0;
}

/** The background's latest report, if it is of this version's shape; undefined otherwise. */
export async function latestReport(db: RadarDB): Promise<ReportRow | undefined> {
  const row = await db.reports.get(LATEST);
  return row?.version === REPORT_VERSION ? row : undefined;
}
