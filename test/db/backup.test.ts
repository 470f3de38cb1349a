import { beforeEach, describe, expect, test } from 'vitest';
import { RadarDB } from '@/lib/db/schema';
import { ingest } from '@/lib/db/posts';
import { BackupError, exportBackup, importBackup, overlongString, parseBackup, parseBackupInSteps, watchesFromBackup } from '@/lib/db/backup';
import { capturedComment, capturedPost, MIN } from '../support/records';

let db: RadarDB;
let n = 0;
beforeEach(async () => {
  db = new RadarDB(`test-backup-${++n}`);
  await db.open();
});
const T0 = Date.UTC(2025, 11, 21, 13);
const EXPORTED = Date.UTC(2025, 11, 22, 9, 30);

async function fill(target: RadarDB) {
  await ingest(target, [capturedPost({ id: 't3_a', score: 10, seenAt: T0, body: 'Body A', flair: null }), capturedPost({ id: 't3_b', seenAt: T0 })], [
    capturedComment({ id: 't1_x', postId: 't3_a' }),
  ]);
  await ingest(target, [capturedPost({ id: 't3_a', score: 30, seenAt: T0 + 20 * MIN, flair: null })]);
}

describe('export', () => {
  test('version 2 carries watches and followed posts; a version 1 file still imports, with none', async () => {
    await fill(db);
    const watch = { id: 'w1', query: 'qwen* -meme', communities: ['LocalLLaMA'], flair: '', minScore: 100, minComments: null, alerts: true, createdAt: Date.UTC(2025, 11, 20) };
    const follow = { postId: 't3_a', title: 'Post t3_a', community: 'LocalLLaMA', permalink: '/r/LocalLLaMA/comments/a/slug/', score: 30, comments: 5, more: 10, createdAt: Date.UTC(2025, 11, 21) };
    const b = await exportBackup(db, EXPORTED, { watches: [watch], follows: [follow] });
    expect(b.watches).toEqual([{ ...watch, createdAt: '2025-12-20T00:00:00.000Z' }]);
    const back = parseBackup(JSON.stringify(b), EXPORTED);
    expect(watchesFromBackup(back)).toEqual({ watches: [watch], follows: [follow] });
    const v1 = parseBackup(JSON.stringify({ ...b, version: 1, watches: undefined, follows: undefined }), EXPORTED);
    expect([v1.version, v1.watches, v1.follows, v1.posts.length]).toEqual([2, [], [], 2]);
    expect(() => parseBackup(JSON.stringify({ ...b, watches: [{ ...b.watches[0], id: '<script>' }] }), EXPORTED)).toThrow(/^watches\[0\]\.id: expected an id/);
  });

  test('the documented format with ISO times', async () => {
    await fill(db);
    const b = await exportBackup(db, EXPORTED);
    expect(b.format).toBe('reddit-trend-radar');
    expect(b.version).toBe(2);
    expect(b.exportedAt).toBe('2025-12-22T09:30:00.000Z');
    expect([b.watches, b.follows]).toEqual([[], []]);
    expect(b.posts.map((p) => p.id)).toEqual(['t3_a', 't3_b']);
    expect(b.posts[0]).toMatchObject({
      id: 't3_a', subreddit: 'LocalLLaMA', title: 'Post t3_a', author: 'alice', permalink: '/r/LocalLLaMA/comments/a/slug/',
      url: 'https://www.reddit.com/r/LocalLLaMA/comments/a/slug/', flair: null, createdAt: '2025-12-21T12:00:00.000Z',
      score: 30, comments: 5, body: 'Body A', firstSeenAt: '2025-12-21T13:00:00.000Z', lastSeenAt: '2025-12-21T13:20:00.000Z',
    });
    expect(b.sightings).toEqual([
      { postId: 't3_a', at: '2025-12-21T13:00:00.000Z', score: 10, comments: 5 },
      { postId: 't3_a', at: '2025-12-21T13:20:00.000Z', score: 30, comments: 5 },
      { postId: 't3_b', at: '2025-12-21T13:00:00.000Z', score: 10, comments: 5 },
    ]);
    expect(b.comments).toEqual([
      {
        id: 't1_x', postId: 't3_a', parentId: null, author: 'bob', score: 3, depth: 0, createdAt: '2025-12-21T14:00:00.000Z', body: 'A comment.', deleted: false,
        firstSeenAt: '2025-12-21T15:00:00.000Z', lastSeenAt: '2025-12-21T15:00:00.000Z',
      },
    ]);
  });

  test('sample rows are not part of a backup', async () => {
    await fill(db);
    await db.posts.put({ ...(await db.posts.get('t3_b'))!, id: 't3_sample', sample: 1 });
    expect((await exportBackup(db, EXPORTED)).posts.map((p) => p.id)).toEqual(['t3_a', 't3_b']);
  });
});

describe('import', () => {
  test('round trip into an empty database restores every row', async () => {
    await fill(db);
    const text = JSON.stringify(await exportBackup(db, EXPORTED));
    const other = new RadarDB(`test-backup-other-${n}`);
    const report = await importBackup(other, parseBackup(text));
    expect(report).toEqual({ postsAdded: 2, postsUpdated: 0, sightingsAdded: 3, commentsAdded: 1 });
    expect(await other.posts.toArray()).toEqual(await db.posts.toArray());
    expect(await other.sightings.toArray()).toEqual(await db.sightings.toArray());
    expect(await other.comments.toArray()).toEqual(await db.comments.toArray());
  });

  test('merging by id: importing the same backup again adds nothing', async () => {
    await fill(db);
    const backup = parseBackup(JSON.stringify(await exportBackup(db, EXPORTED)));
    expect(await importBackup(db, backup)).toEqual({ postsAdded: 0, postsUpdated: 0, sightingsAdded: 0, commentsAdded: 0 });
  });

  test('merging keeps the newer state and adds only the missing history', async () => {
    await fill(db);
    const backup = await exportBackup(db, EXPORTED);
    const other = new RadarDB(`test-backup-merge-${n}`);
    await ingest(other, [capturedPost({ id: 't3_a', score: 99, seenAt: T0 + 60 * MIN, body: null }), capturedPost({ id: 't3_c', seenAt: T0 })]);
    const report = await importBackup(other, parseBackup(JSON.stringify(backup)));
    expect(report).toEqual({ postsAdded: 1, postsUpdated: 1, sightingsAdded: 3, commentsAdded: 1 });
    expect(await other.posts.get('t3_a')).toMatchObject({ score: 99, body: 'Body A', firstSeenAt: T0, lastSeenAt: T0 + 60 * MIN });
    expect(await other.posts.count()).toBe(3);
    expect(await other.sightings.count()).toBe(5);
  });

  test.each([
    ['not json', 'not a JSON file'],
    ['[]', 'not a Reddit Trend Radar backup: expected a JSON object'],
    ['{"format":"other","version":1}', 'format: expected "format": "reddit-trend-radar"'],
    ['{"format":"reddit-trend-radar","version":3,"exportedAt":"2025-12-22T09:30:00Z","posts":[],"sightings":[],"comments":[]}', 'version: expected "version": 1 or 2'],
    [
      '{"format":"reddit-trend-radar","version":1,"exportedAt":"2025-12-22T09:30:00Z","posts":[{"id":"t3_a","subreddit":"x1","title":"t","author":null,"permalink":"/r/x1/comments/a/s/","url":"https://x","flair":null,"createdAt":"yesterday","score":1,"comments":0,"body":null}],"sightings":[],"comments":[]}',
      'posts[0].createdAt: expected an ISO 8601 UTC time',
    ],
    [
      '{"format":"reddit-trend-radar","version":1,"exportedAt":"2025-12-22T09:30:00Z","posts":[],"sightings":[{"postId":"t3_zz","at":"2025-12-22T09:30:00Z","score":1,"comments":0}],"comments":[]}',
      'sightings[0].postId: no post t3_zz in this backup',
    ],
  ])('a malformed file is refused with a message saying what is wrong: %s', (text, message) => {
    expect(() => parseBackup(text)).toThrow(BackupError);
    expect(() => parseBackup(text)).toThrow(message);
  });

  test('a refused import changes nothing already stored', async () => {
    await fill(db);
    const before = await db.posts.toArray();
    const bad = { ...(await exportBackup(db, EXPORTED)) } as Record<string, unknown>;
    (bad.posts as Record<string, unknown>[])[1]!.score = 'many';
    expect(() => parseBackup(JSON.stringify(bad))).toThrow('posts[1].score');
    expect(await db.posts.toArray()).toEqual(before);
  });

  test('a failure during the merge rolls everything back', async () => {
    await fill(db);
    const backup = parseBackup(JSON.stringify(await exportBackup(db, EXPORTED)));
    backup.posts.push({ ...backup.posts[0]!, id: 't3_new' });
    // A comment row that IndexedDB cannot store (a function) makes the last write throw.
    (backup.comments as unknown[]).push({ ...backup.comments[0]!, id: 't1_bad', body: (() => 1) as unknown as string });
    const before = await db.posts.count();
    await expect(importBackup(db, backup)).rejects.toThrow();
    expect(await db.posts.count()).toBe(before);
    expect(await db.posts.get('t3_new')).toBeUndefined();
  });
});

describe('import follows capture\'s field rules, with limits (one set of rules for both ways in)', () => {
  const post = (over: Record<string, unknown> = {}) => ({
    id: 't3_a', subreddit: 'LocalLLaMA', title: 'A title', author: 'alice', permalink: '/r/LocalLLaMA/comments/a/s/', url: 'https://www.reddit.com/r/LocalLLaMA/comments/a/s/',
    flair: null, createdAt: '2025-12-21T13:00:00.000Z', score: 5, comments: 1, body: null, lastSeenAt: '2025-12-21T14:00:00.000Z', ...over,
  });
  const file = (posts: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'reddit-trend-radar', version: 1, exportedAt: '2025-12-22T09:30:00.000Z', posts, sightings: [], comments: [], ...extra });
  const NOW = Date.UTC(2026, 0, 1);

  test.each([
    ['a date that does not exist', { createdAt: '2025-02-31T10:00:00.000Z' }, 'posts[0].createdAt: not a real date'],
    ['a last sighting in year 9999', { lastSeenAt: '9999-01-01T00:00:00.000Z' }, 'posts[0].lastSeenAt'],
    ['a permalink to another host', { permalink: 'https://www.reddit.com@evil.example/phish' }, 'posts[0].permalink: expected a Reddit post path'],
    ['a title holding a line break', { title: 'A title\nScore: 999999' }, 'posts[0].title: expected one line'],
    ['a title holding a bidi override', { title: 'gnp.\u202Eexe' }, 'posts[0].title: expected one line'],
    // Refused before the file is parsed whole (issue 22, item 5): no field holds 5,000,000 characters.
    ['a 5 MB title', { title: 'x'.repeat(5_000_000) }, 'a text of 5,000,000 characters at character '],
    ['a score of 1e300', { score: 1e300 }, 'posts[0].score: expected a whole number'],
    ['a community with its prefix', { subreddit: 'r/LocalLLaMA' }, 'posts[0].subreddit: expected a community name'],
    ['a missing field, in plain words', { title: undefined }, 'posts[0].title: missing'],
  ])('%s is refused', (_what, over, message) => {
    expect(() => parseBackup(file([post(over)]), NOW)).toThrow(message);
  });

  test('a sighting in the future or with an absurd score is refused', () => {
    expect(() => parseBackup(file([post()], { sightings: [{ postId: 't3_a', at: '9999-01-01T00:00:00.000Z', score: 1, comments: 0 }] }), NOW)).toThrow('sightings[0].at: not a real date between 2005 and now');
    expect(() => parseBackup(file([post()], { sightings: [{ postId: 't3_a', at: '2025-12-21T14:00:00.000Z', score: 1e300, comments: 0 }] }), NOW)).toThrow('sightings[0].score');
  });

  test('two copies of an id count as one post: the one seen last', async () => {
    const backup = parseBackup(file([post({ score: 5 }), post({ score: 9, lastSeenAt: '2025-12-21T15:00:00.000Z' })]), NOW);
    const r = await importBackup(db, backup);
    expect(r).toMatchObject({ postsAdded: 1, postsUpdated: 0 });
    expect(await db.posts.count()).toBe(1);
    expect((await db.posts.get('t3_a'))!.score).toBe(9);
  });

  test('a large file is checked and merged in steps, with progress', async () => {
    const posts = Array.from({ length: 5_000 }, (_, i) => post({ id: `t3_p${i.toString(36)}`, permalink: `/r/LocalLLaMA/comments/p${i.toString(36)}/s/` }));
    const checked: number[] = [];
    const backup = await parseBackupInSteps(file(posts), (f) => checked.push(f), NOW);
    expect(checked).toEqual([0.4, 0.8]);
    const merged: number[] = [];
    const r = await importBackup(db, backup, (f) => merged.push(f));
    expect(merged.map((f) => Math.round(f * 100))).toEqual([33, 67, 100]);
    expect(r.postsAdded).toBe(5_000);
    expect(await db.posts.count()).toBe(5_000);
    expect((await db.stats.get('stats'))!.stats.posts).toBe(5_000);
  });
});

test('an unknown score round-trips through a backup as null', async () => {
  await ingest(db, [capturedPost({ id: 't3_young', score: null, scoreHidden: true, seenAt: T0 })]);
  const b = await exportBackup(db, EXPORTED);
  expect(b.posts[0]).toMatchObject({ id: 't3_young', score: null, scoreHidden: true });
  const other = new RadarDB(`test-backup-null-${n}`);
  await importBackup(other, parseBackup(JSON.stringify(b)));
  expect((await other.posts.get('t3_young'))!.score).toBeNull();
  expect(await other.sightings.count()).toBe(0);
});

describe('import problems in plain words', () => {
  test('the first problem named, with what to do; the CLI keeps the exact path', async () => {
    const { importProblem, parseBackup, BackupError } = await import('@/lib/db/backup');
    const problem = (text: string) => {
      try {
        parseBackup(text);
      } catch (e) {
        expect(e).toBeInstanceOf(BackupError);
        return importProblem(e);
      }
      throw new Error('parsed');
    };
    expect(problem('{"posts": []}')).toBe('This file is not a Reddit Trend Radar backup (it lacks "format": "reddit-trend-radar"). Choose a file made with "Export backup".');
    expect(problem('not json')).toBe('This file is not JSON. Choose a .json file made with "Export backup".');
    expect(problem('{"format":"reddit-trend-radar","version":1}')).toBe('This backup is incomplete: it has no "exportedAt". Export the backup again.');
    expect(problem(JSON.stringify({ format: 'reddit-trend-radar', version: 99, exportedAt: '2025-12-22T09:30:00.000Z', posts: [], sightings: [], comments: [] }))).toMatch(/^This backup was made by another version of Reddit Trend Radar \(expected "version": 1/);
    expect(problem(JSON.stringify({ format: 'reddit-trend-radar', version: 1, exportedAt: '2025-12-22T09:30:00.000Z', posts: [{ id: 't3_a1', score: 'lots' }], sightings: [], comments: [] }))).toMatch(/^Post 1 in the file has a bad "[\w.]+": .*\. Nothing was imported\. Fix or remove that record, or export the backup again\.$/);
    expect(importProblem(new Error('disk'))).toBe('Something went wrong while reading the file (disk). Nothing was changed; try again.');
  });
});

describe('huge texts (issue 22, item 5)', () => {
  test('a file with a 5,000,000-character string is refused before it is parsed whole, saying where', () => {
    const text = `{"format":"reddit-trend-radar","version":2,"exportedAt":"2025-12-22T09:30:00.000Z","posts":[{"title":"${'x'.repeat(5_000_000)}"}],"sightings":[],"comments":[]}`;
    expect(() => parseBackup(text)).toThrow('a text of 5,000,000 characters at character 101 of the file; no field of a backup holds more than 200,000');
  });

  test('escaped quotes do not end a string; a long but allowed body passes the scan', () => {
    expect(overlongString('{"a":"say \\"hi\\"","b":"' + 'y'.repeat(20) + '"}', 10)).toEqual({ at: 22, length: 20 });
    expect(overlongString('{"a":"x\\\\","b":"short"}', 10)).toBeNull();
    expect(overlongString(JSON.stringify({ body: 'é'.repeat(200_000) }))).toBeNull();
  });
});

test('a file over 1,024 MB is refused before anything of it is read', async () => {
  const { checkBackupSize, importProblem } = await import('@/lib/db/backup');
  expect(() => checkBackupSize(1024 ** 3)).not.toThrow();
  let thrown: unknown;
  try {
    checkBackupSize(2 * 1024 ** 3);
  } catch (e) {
    thrown = e;
  }
  expect(importProblem(thrown)).toBe('The file could not be imported: a file of 2,048 MB; a backup this extension reads is at most 1,024 MB. Nothing was changed.');
});
