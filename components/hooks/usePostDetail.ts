import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/schema';
import { postDetail, type PostWithDetail } from '@/lib/db/posts';

/** A post with its body and top comments: undefined while reading, null when not captured. */
export function usePostDetail(postId: string): PostWithDetail | null | undefined {
  return useLiveQuery(() => postDetail(getDb(), postId), [postId]);
}
