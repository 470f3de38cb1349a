/** One post with what its TL;DR and export read: body and top comments. */
import { topComments, type PostDetail } from '../llm/input';
import type { TrendRow } from '../rank/types';
import type { CommentRow, RadarDB } from './schema';

export interface PostWithDetail {
  row: TrendRow;
  detail: PostDetail;
  /** Top 5 comments, for the single-post export. */
  comments: CommentRow[];
}

export async function postDetail(db: RadarDB, id: string): Promise<PostWithDetail | null> {
  const post = await db.posts.get(id);
  if (!post) return null;
  const all = await db.comments.where('postId').equals(id).sortBy('id');
  const top = topComments(all);
  return {
    row: { ...post, sample: post.sample === 1 },
    detail: { body: post.body, comments: top.map(({ author, score, body }) => ({ author, score, body })) },
    comments: top,
  };
}
