/**
 * The analysis input from the database: the report's posts, the names' first mentions, and the bodies
 * and top comments of a few posts. Its own module: it brings the analyser (and its word lists), which
 * the popup's first table must not wait for.
 */
import { postsNeedingDetails, reportWithInput, type AnalysisInput } from '../analysis/input';
import { withHistory } from '../analysis/insight';
import { firstSeenOf } from './names';
import { rank } from '../rank/rank';
import type { RankSettings } from '../rank/types';
import { commentsOfPosts } from './comments';
import { savedArticle } from './generations';
import { loadRankInput } from './reports';
import type { RadarDB } from './schema';

/** The report with what its analysis reads: window posts, and bodies and top comments of a few posts. */
export async function computeInput(db: RadarDB, at: number, settings: RankSettings, options: { articles?: boolean } = {}): Promise<AnalysisInput> {
  const { posts, sightings } = await loadRankInput(db, at);
  const comments = await commentsOfPosts(db, postsNeedingDetails(rank(posts, sightings, at, settings)));
  const input = reportWithInput(posts, sightings, comments, at, settings).input;
  // First mentions of the names found, from the whole history: read by key, not the whole table.
  input.insight = withHistory(input.insight, await firstSeenOf(db, Object.keys(input.insight.names)));
  if (options.articles) {
    const byId = new Map(posts.map((p) => [p.id, p]));
    for (const id of Object.keys(input.details)) {
      const url = byId.get(id)?.url;
      const saved = url ? await savedArticle(db, url) : undefined;
      if (saved) input.details[id]!.article = saved;
    }
  }
  return input;
}
