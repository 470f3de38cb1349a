/**
 * From stored data to the Markdown report, the same way in the extension and in Node.
 */
import { rank } from '../rank/rank';
import type { RankPost, RankSettings, RankSighting, TrendReport } from '../rank/types';
import { offlineAnalysis } from '../llm/offline';
import { backupToCaptured, sightingFromBackup, type Backup } from '../db/backup';
import { renderReport, type Analysis } from './markdown';

export function markdownReport(report: TrendReport, analysis: Analysis = offlineAnalysis(report)): string {
  return renderReport(report, analysis);
}

/** A backup's posts and sightings as ranking input (what importing it would store). */
export function rankInputFromBackup(backup: Backup): { posts: RankPost[]; sightings: RankSighting[] } {
  const exportedAt = Date.parse(backup.exportedAt);
  const posts = backup.posts.map((p) => {
    const c = backupToCaptured(p, exportedAt);
    return {
      id: c.id, subreddit: c.subreddit, title: c.title, author: c.author, permalink: c.permalink, flair: c.flair,
      createdAt: c.createdAt, score: c.score ?? 0, comments: c.comments, lastSeenAt: c.seenAt,
    };
  });
  return { posts, sightings: backup.sightings.map(sightingFromBackup) };
}

export function reportFromBackup(backup: Backup, at: number, settings: RankSettings): string {
  const { posts, sightings } = rankInputFromBackup(backup);
  return markdownReport(rank(posts, sightings, at, settings));
}
