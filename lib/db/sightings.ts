/**
 * The sightings table: a post's score history, one row per `[postId+at]`. Rows are written by ingest
 * (posts.ts), import (backup.ts) and the sample; thinned by retention.
 */
import Dexie from 'dexie';
import type { RankSighting } from '../rank/types';
import type { RadarDB, SightingRow } from './schema';

/** A new sighting row is written when score or comments change, or when the last one is this old. */
export const SIGHTING_INTERVAL_MS = 10 * 60_000;

/** One post's history, oldest first. */
export function historyOfPost(db: RadarDB, postId: string): Promise<SightingRow[]> {
  return db.sightings.where('[postId+at]').between([postId, Dexie.minKey], [postId, Dexie.maxKey]).toArray();
}

/** Score history of the given posts, oldest first, for sparklines. */
export async function historyOf(db: RadarDB, ids: string[]): Promise<Map<string, RankSighting[]>> {
  const out = new Map<string, RankSighting[]>();
  await Promise.all(ids.map(async (id) => out.set(id, await historyOfPost(db, id))));
  return out;
}

/** Sightings in (from, to]. */
export function sightingsBetween(db: RadarDB, from: number, to: number): Promise<SightingRow[]> {
  return db.sightings.where('at').between(from, to, false, true).toArray();
}

/** A post's last sighting at or before `at`, if any. */
export function lastSightingAtOrBefore(db: RadarDB, postId: string, at: number): Promise<SightingRow | undefined> {
  return db.sightings.where('[postId+at]').between([postId, Dexie.minKey], [postId, at], true, true).last();
}

/** Deletes a post's whole history (inside the caller's transaction). */
export function deleteHistoryOf(db: RadarDB, postId: string): Promise<number> {
  return db.sightings.where('[postId+at]').between([postId, Dexie.minKey], [postId, Dexie.maxKey]).delete();
}
