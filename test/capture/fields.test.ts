/**
 * A post and a comment are declared once (lib/capture/fields.ts): every declared field must survive
 * capture → store → backup → import, and a newer sighting must merge each field by its declared rule.
 * The two records below hold a distinct value for every field; a field declared without a way through
 * (or a record here that lacks it) fails the first test.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { COMMENT_FIELDS, COMMENT_KEEPING, POST_FIELDS, POST_KEEPING, type Keeping } from '@/lib/capture/fields';
import { CapturedCommentShape, CapturedPostShape, invalidField } from '@/lib/capture/schema';
import type { CapturedComment, CapturedPost } from '@/lib/capture/types';
import { RadarDB } from '@/lib/db/schema';
import { ingest, mergePost, newPostRow } from '@/lib/db/posts';
import { mergeComment } from '@/lib/db/comments';
import { exportBackup, importBackup, parseBackup } from '@/lib/db/backup';

const T0 = Date.UTC(2025, 11, 21, 13);
const HOUR = 3_600_000;

const POST: CapturedPost = {
  id: 't3_1psbx2q', subreddit: 'LocalLLaMA', title: 'Qwen3.8 released', author: 'alice', permalink: '/r/LocalLLaMA/comments/1psbx2q/qwen38/',
  url: 'https://qwen.example/blog', flair: 'New Model', createdAt: T0 - HOUR, score: 120, scoreHidden: false, comments: 33, body: 'Weights are out.',
  postType: 'link', domain: 'qwen.example', nsfw: true, spoiler: true, stickied: true, locked: true, crosspost: true, crosspostParent: 't3_1ps0001',
  layout: 'new', seenAt: T0,
};
/** Every field different from POST (the score known, the nullable fields null where that tests "known"). */
const LATER: CapturedPost = {
  id: 't3_1psbx2q', subreddit: 'localllama', title: 'Qwen3.8 released (edited)', author: null, permalink: '/r/LocalLLaMA/comments/1psbx2q/qwen38_edited/',
  url: 'https://qwen.example/blog2', flair: null, createdAt: T0 - 2 * HOUR, score: 150, scoreHidden: true, comments: 40, body: null,
  postType: null, domain: null, nsfw: false, spoiler: false, stickied: false, locked: false, crosspost: false, crosspostParent: null,
  layout: 'old', seenAt: T0 + HOUR,
};
const COMMENT: CapturedComment = {
  id: 't1_nv6xk2b', postId: 't3_1psbx2q', parentId: 't1_nv6aaaa', author: 'bob', score: 12, depth: 1, createdAt: T0 - 30 * 60_000,
  body: 'Runs well on one 3090.', deleted: false, seenAt: T0,
};
const COMMENT_LATER: CapturedComment = {
  id: 't1_nv6xk2b', postId: 't3_1psbx2q', parentId: null, author: null, score: null, depth: 2, createdAt: null,
  body: null, deleted: true, seenAt: T0 + HOUR,
};

const keys = (o: object) => Object.keys(o).sort();

let db: RadarDB;
let n = 0;
beforeEach(async () => {
  db = new RadarDB(`test-fields-${++n}`);
  await db.open();
});

describe('a post and a comment declared once', () => {
  test('the records here hold every declared field, each passing its rule, each different in the later sighting', () => {
    expect(keys(POST)).toEqual(keys(POST_FIELDS));
    expect(keys(POST_KEEPING)).toEqual(keys(POST_FIELDS));
    expect(keys(COMMENT)).toEqual(keys(COMMENT_FIELDS));
    expect(keys(COMMENT_KEEPING)).toEqual(keys(COMMENT_FIELDS));
    for (const r of [POST, LATER]) expect(invalidField(CapturedPostShape, r)).toBeNull();
    for (const r of [COMMENT, COMMENT_LATER]) expect(invalidField(CapturedCommentShape, r)).toBeNull();
    for (const key of keys(POST_FIELDS)) if (key !== 'id') expect(LATER[key as keyof CapturedPost], key).not.toEqual(POST[key as keyof CapturedPost]);
    for (const key of keys(COMMENT_FIELDS)) if (key !== 'id' && key !== 'postId') expect(COMMENT_LATER[key as keyof CapturedComment], key).not.toEqual(COMMENT[key as keyof CapturedComment]);
  });

  test('every declared field goes through capture, store, backup and import unchanged', async () => {
    await ingest(db, [POST], [COMMENT]);
    const text = JSON.stringify(await exportBackup(db, T0 + 2 * HOUR));
    const other = new RadarDB(`test-fields-import-${n}`);
    await other.open();
    await importBackup(other, parseBackup(text, T0 + 2 * HOUR));
    const post = (await other.posts.get(POST.id))! as unknown as Record<string, unknown>;
    const comment = (await other.comments.get(COMMENT.id))! as unknown as Record<string, unknown>;
    const lost: string[] = [];
    const check = (keeping: Record<string, Keeping>, captured: Record<string, unknown>, row: Record<string, unknown>, what: string) => {
      for (const key of Object.keys(keeping)) {
        if (keeping[key]![0] === 'page') continue; // not stored: what rendered the page
        if (keeping[key]![0] === 'seen') {
          expect([row.firstSeenAt, row.lastSeenAt], `${what}.${key}`).toEqual([captured[key], captured[key]]);
          continue;
        }
        if (row[key] !== captured[key]) lost.push(`${what}.${key}`);
      }
    };
    check(POST_KEEPING, POST, post, 'post');
    check(COMMENT_KEEPING, COMMENT, comment, 'comment');
    expect(lost).toEqual([]);
    // The only fields a backup does not keep: the page's layout, read back as unknown.
    const notKept = (keeping: Record<string, Keeping>) => Object.entries(keeping).filter(([, k]) => k[1] === 'none').map(([key]) => key);
    expect([...notKept(POST_KEEPING), ...notKept(COMMENT_KEEPING)]).toEqual(['layout']);
  });

  test('a newer sighting merges each post field by its declared rule; an older one only fills what is unknown', () => {
    const { row } = newPostRow(POST);
    const newer = mergePost(row, LATER).row as unknown as Record<string, unknown>;
    const first = POST as unknown as Record<string, unknown>;
    const later = LATER as unknown as Record<string, unknown>;
    for (const [key, [merge]] of Object.entries(POST_KEEPING) as [string, Keeping][]) {
      const expected = {
        first: first[key],
        latest: later[key],
        known: later[key] ?? first[key],
        sticky: Boolean(first[key]) || Boolean(later[key]),
        score: later[key],
        seen: undefined,
        page: undefined,
      }[merge];
      expect(newer[key], `${key} (${merge})`).toEqual(expected);
    }
    expect([newer.firstSeenAt, newer.lastSeenAt]).toEqual([POST.seenAt, LATER.seenAt]);
    // Seen the other way round: the older sighting fills only what the newer did not know.
    const older = mergePost(newPostRow(LATER).row, POST).row;
    expect([older.title, older.author, older.flair, older.body, older.score, older.nsfw, older.stickied]).toEqual(['Qwen3.8 released (edited)', 'alice', 'New Model', 'Weights are out.', 150, true, false]);
  });

  test('a newer sighting merges each comment field by its declared rule', () => {
    const merged = mergeComment(mergeComment(undefined, COMMENT), COMMENT_LATER) as unknown as Record<string, unknown>;
    const first = COMMENT as unknown as Record<string, unknown>;
    const later = COMMENT_LATER as unknown as Record<string, unknown>;
    for (const [key, [merge]] of Object.entries(COMMENT_KEEPING) as [string, Keeping][]) {
      if (merge === 'seen') continue;
      const expected = { first: first[key], latest: later[key], known: later[key] ?? first[key], sticky: Boolean(first[key]) || Boolean(later[key]) }[merge as string];
      expect(merged[key], `${key} (${merge})`).toEqual(expected);
    }
    // Deleted later: the text captured before stays.
    expect([merged.deleted, merged.body]).toEqual([true, 'Runs well on one 3090.']);
  });
});
