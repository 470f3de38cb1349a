import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import type { CommentRow, PostRow, ReportRow, SightingRow } from '@/lib/db/schema';
import { commentsOf } from '@/lib/db/comments';
import { getPost } from '@/lib/db/posts';
import { latestReport } from '@/lib/db/reports';
import { historyOfPost } from '@/lib/db/sightings';

export interface PostRecord {
  /** Undefined while reading, null when the post is not captured. */
  post: PostRow | null | undefined;
  history: SightingRow[] | undefined;
  comments: CommentRow[] | undefined;
  latest: ReportRow | undefined;
}

/** Everything the sidebar shows of one post, live. */
export function usePostRecord(id: string): PostRecord {
  const post = useLiveQuery(() => getPost(getDb(), id), [id]);
  const history = useLiveQuery(() => historyOfPost(getDb(), id), [id]);
  const comments = useLiveQuery(() => commentsOf(getDb(), id), [id]);
  const latest = useLiveQuery(() => latestReport(getDb()), []);
  return { post, history, comments, latest };
}
