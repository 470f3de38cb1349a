/**
 * "Ask your history": a question → the posts and comments that answer it, from the search index the
 * background keeps (lib/background/search.ts). Ranked by the question's rare words (SearchIndex.rank),
 * grouped so a post leads its matching comments, with the items a follow-up keeps from earlier turns.
 * The answer itself is written in the page (lib/ask/answer.ts, or the model there).
 */
import type { CommentRow, PostRow, RadarDB } from '../db/schema';
import { readQuestion } from '../ask/question';
import { MAX_ITEM_TEXT, countReactions, type AskItem, type AskReply, type AskRequest } from '../ask/answer';
import { ensureIndex } from './search';
import { commentUrl, postUrl } from '../reddit/urls';


/** Items an answer reads at most: new ones first, then those kept from earlier turns. */
export const MAX_ITEMS = 12;
const KEPT = 6;
const READ = 60;

export async function runAsk(db: RadarDB, request: AskRequest, now = Date.now()): Promise<AskReply> {
  const t0 = performance.now();
  if (typeof request?.question !== 'string' || !request.question.trim()) return { ok: false, error: 'Ask a question in a few words.' };
  const question = readQuestion(request.question, now);
  const keep = Array.isArray(request.keep) ? request.keep.filter((id): id is string => typeof id === 'string').slice(0, KEPT) : [];
  const index = await ensureIndex(db);
  const ranked = question.words.length ? index.rank(question.words, { communities: question.communities, from: question.from ?? undefined }, READ) : [];
  // A post leads: its own weight, plus half its best comment's; its comments follow it.
  const byPost = new Map<string, { weight: number; docs: typeof ranked }>();
  for (const r of ranked) {
    const entry = byPost.get(r.postId) ?? { weight: 0, docs: [] };
    entry.weight = Math.max(entry.weight, r.kind === 'post' ? r.weight : 0) + (r.kind === 'comment' && !entry.docs.some((d) => d.kind === 'comment') ? r.weight / 2 : 0);
    entry.docs.push(r);
    byPost.set(r.postId, entry);
  }
  const ids: string[] = [];
  for (const [postId, { docs }] of [...byPost].sort((a, b) => b[1].weight - a[1].weight)) {
    if (ids.length >= MAX_ITEMS - Math.min(keep.length, KEPT)) break;
    ids.push(postId);
    // Its matching comments follow it: two for the first three posts, one after.
    for (const comment of docs.filter((d) => d.kind === 'comment').slice(0, ids.length <= 6 ? 2 : 1)) if (ids.length < MAX_ITEMS) ids.push(comment.id);
  }
  for (const id of keep) if (!ids.includes(id) && ids.length < MAX_ITEMS) ids.push(id);
  const postIds = ids.filter((id) => id.startsWith('t3_'));
  const commentIds = ids.filter((id) => id.startsWith('t1_'));
  const comments = new Map((await db.comments.bulkGet(commentIds)).filter((c): c is CommentRow => !!c).map((c) => [c.id, c]));
  const posts = new Map((await db.posts.bulkGet([...new Set([...postIds, ...[...comments.values()].map((c) => c.postId)])])).filter((p): p is PostRow => !!p).map((p) => [p.id, p]));
  const items: AskItem[] = [];
  for (const id of ids) {
    const c = comments.get(id);
    const p = posts.get(c ? c.postId : id);
    if (!p || (id.startsWith('t1_') && !c?.body)) continue;
    items.push({
      n: items.length + 1,
      id,
      kind: c ? 'comment' : 'post',
      postId: p.id,
      title: p.title,
      community: p.subreddit,
      url: c ? commentUrl(p, id) : postUrl(p),
      createdAt: c ? (c.createdAt ?? c.firstSeenAt) : p.createdAt,
      score: c ? (c.score ?? 0) : (p.score ?? 0),
      author: c ? c.author : p.author,
      text: (c ? c.body! : (p.body ?? '')).slice(0, MAX_ITEM_TEXT),
    });
  }
  // How people reacted: every stored comment of the three leading posts, not only the retrieved ones.
  const leading = [...new Set(items.map((i) => i.postId))].slice(0, 3);
  const thread = leading.length ? await db.comments.where('postId').anyOf(leading).toArray() : [];
  const reactions = countReactions(thread.flatMap((c) => (c.body ? [c.body] : [])));
  return { ok: true, question, items, reactions, ms: Math.round(performance.now() - t0) };
}
