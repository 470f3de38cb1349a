/**
 * Builds lib/sample/seed-000.json from the tables of ../shared/seeds/000_d207f157a4ea8703.txt: each
 * post once, times relative to that report's time, titles as the seed prints them (cut ones end in
 * "…"). Run: npx tsx scripts/make-sample.ts. The extension shifts these times to "now" when the user
 * loads the sample.
 */
import { writeFileSync } from 'node:fs';
import { seedPosts, seedReportTime, seedText } from '../test/support/seeds';

const text = seedText('000_d207f157a4ea8703.txt');
const at = seedReportTime(text);
const posts = seedPosts(text).map((p) => ({
  id: p.id,
  subreddit: p.subreddit,
  // A cut title ends in "…"; a half-printed entity the series left at the cut is dropped.
  title: p.title.replace(/(&[#a-z0-9]*)? \(title continues beyond the cut\)$/i, '…'),
  flair: p.flair,
  ageMinutes: Math.round((at - p.createdAt) / 60_000),
  score: p.score,
  comments: p.comments,
}));
writeFileSync('lib/sample/seed-000.json', `${JSON.stringify({ source: 'seed 000, Reddit AI Trend Report - 2025-12-22', posts }, null, 1)}\n`);
console.log(`${posts.length} sample posts`);
