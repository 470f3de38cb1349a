/**
 * The built-in sample: the posts of a seed report's tables, shifted so that report's time is "now",
 * with a made-up score history so Rising has something to show. Every row carries `sample: 1`; removing
 * it never touches real captures.
 */
import sample from '../sample/seed-000.json';
import type { PostRow, RadarDB, SightingRow } from './schema';
import { POST_DEFAULTS } from '../capture/types';
import { permalinkOf, postLink } from '../reddit/urls';
import { deleteHistoryOf } from './sightings';
import { refreshStats } from './stats';

const MIN = 60_000;

export function samplePosts(now: number): { posts: PostRow[]; sightings: SightingRow[] } {
  const posts: PostRow[] = [];
  const sightings: SightingRow[] = [];
  for (const s of sample.posts) {
    const createdAt = now - s.ageMinutes * MIN;
    const id = s.id;
    posts.push({
      ...POST_DEFAULTS, id, subreddit: s.subreddit, title: s.title,
      permalink: permalinkOf(s.subreddit, id), url: postLink(id),
      flair: s.flair, createdAt, score: s.score, scoreHidden: false, comments: s.comments,
      firstSeenAt: createdAt + 30 * MIN, lastSeenAt: now - 5 * MIN, sightedAt: now - 5 * MIN, sample: 1,
    });
    // A made-up curve for the sample only: a third of the score an hour in, then the rest.
    const early = Math.min(createdAt + 60 * MIN, now - 10 * MIN);
    if (early > createdAt && early < now - 5 * MIN) {
      sightings.push({ postId: id, at: early, score: Math.round(s.score / 3), comments: Math.round(s.comments / 3) });
    }
    sightings.push({ postId: id, at: now - 5 * MIN, score: s.score, comments: s.comments });
  }
  return { posts, sightings };
}

/** Adds the sample; a post already captured for real is left as it is. Returns how many were added. */
export async function loadSample(db: RadarDB, now: number): Promise<number> {
  const { posts, sightings } = samplePosts(now);
  return db.transaction('rw', [db.posts, db.sightings, db.comments, db.stats], async () => {
    const existing = await db.posts.bulkGet(posts.map((p) => p.id));
    const fresh = posts.filter((_, i) => !existing[i]);
    const ids = new Set(fresh.map((p) => p.id));
    await db.posts.bulkAdd(fresh);
    await db.sightings.bulkPut(sightings.filter((s) => ids.has(s.postId)));
    await refreshStats(db, now);
    return fresh.length;
  });
}

export async function removeSample(db: RadarDB): Promise<number> {
  return db.transaction('rw', [db.posts, db.sightings, db.comments, db.stats], async () => {
    const ids = (await db.posts.where('sample').equals(1).primaryKeys()) as string[];
    for (const id of ids) await deleteHistoryOf(db, id);
    await db.comments.where('postId').anyOf(ids).delete();
    await db.posts.bulkDelete(ids);
    await refreshStats(db);
    return ids.length;
  });
}
