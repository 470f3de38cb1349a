/**
 * From stored data to the Markdown report, the same way in the extension and in Node.
 */
import type { RankSettings } from '../rank/types';
import { offlineAnalysis } from '../analysis/offline';
import { reportWithInput, type AnalysisInput } from '../analysis/input';
import { backupToCaptured, sightingFromBackup, type Backup } from './backup-format';
import type { Analysis, ReportLanguage } from '../analysis/sections';
import { renderReport } from './markdown';

export function markdownReport(input: AnalysisInput, analysis?: Analysis, lang: ReportLanguage = 'en'): string {
  return renderReport(input.report, analysis ?? offlineAnalysis(input, lang), lang);
}

/** A backup's posts, sightings and comments as ranking input (what importing it would store). */
export function rankInputFromBackup(backup: Backup) {
  const exportedAt = Date.parse(backup.exportedAt);
  const posts = backup.posts.map((p) => {
    const c = backupToCaptured(p, exportedAt);
    return {
      id: c.id, subreddit: c.subreddit, title: c.title, author: c.author, permalink: c.permalink, flair: c.flair,
      createdAt: c.createdAt, score: c.score, comments: c.comments, lastSeenAt: c.seenAt, body: c.body,
    };
  });
  return { posts, sightings: backup.sightings.map(sightingFromBackup), comments: backup.comments };
}

export function reportFromBackup(backup: Backup, at: number, settings: RankSettings, lang: ReportLanguage = 'en'): string {
  const { posts, sightings, comments } = rankInputFromBackup(backup);
  return markdownReport(reportWithInput(posts, sightings, comments, at, settings).input, undefined, lang);
}
