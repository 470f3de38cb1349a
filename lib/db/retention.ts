/**
 * Retention: every sighting is kept for `keepSightingsDays`; older ones are thinned to one a day per post
 * (the day's last, which is what a chart of that day shows). Posts not seen for `keepPostsMonths` months
 * go with their history and comments (0 keeps everything). Sample rows are left to "Remove sample".
 */
import type { RadarDB, SightingRow } from './schema';
import { deleteHistoryOf } from './sightings';
import { refreshStats } from './stats';
import { DAY } from '../rank/tables';

export const MONTH = 30 * DAY;

export interface RetentionResult {
  sightingsRemoved: number;
  postsRemoved: number;
}

export async function applyRetention(db: RadarDB, now: number, keepSightingsDays: number, keepPostsMonths: number): Promise<RetentionResult> {
  const cutoff = now - keepSightingsDays * DAY;
  const old = await db.sightings.where('at').below(cutoff).toArray();
  const lastOfDay = new Map<string, SightingRow>();
  for (const s of old) {
    const key = `${s.postId}|${Math.floor(s.at / DAY)}`;
    const kept = lastOfDay.get(key);
    if (!kept || s.at > kept.at) lastOfDay.set(key, s);
  }
  const keep = new Set([...lastOfDay.values()].map((s) => `${s.postId}|${s.at}`));
  const drop = old.filter((s) => !keep.has(`${s.postId}|${s.at}`)).map((s) => [s.postId, s.at] as [string, number]);

  let postsRemoved = 0;
  await db.transaction('rw', [db.posts, db.sightings, db.comments, db.stats], async () => {
    await db.sightings.bulkDelete(drop);
    if (keepPostsMonths > 0) {
      const gone = await db.posts.where('lastSeenAt').below(now - keepPostsMonths * MONTH).filter((p) => p.sample === 0).primaryKeys();
      for (const id of gone) await deleteHistoryOf(db, id as string);
      if (gone.length) await db.comments.where('postId').anyOf(gone as string[]).delete();
      await db.posts.bulkDelete(gone as string[]);
      postsRemoved = gone.length;
    }
    await refreshStats(db, now);
  });
  return { sightingsRemoved: drop.length, postsRemoved };
}

/** Deletes every capture, report, generated text, name index and sample row. Settings stay. */
export async function deleteEverything(db: RadarDB): Promise<void> {
  await db.transaction('rw', [db.posts, db.sightings, db.comments, db.reports, db.generations, db.stats, db.names, db.meta], async () => {
    await Promise.all([db.posts.clear(), db.sightings.clear(), db.comments.clear(), db.reports.clear(), db.generations.clear(), db.stats.clear(), db.names.clear(), db.meta.clear()]);
  });
}
