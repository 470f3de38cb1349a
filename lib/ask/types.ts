/**
 * The shapes "Ask your history" passes between the page and the background (lib/messaging.ts): types only,
 * so the message map (which the content script loads) carries nothing of the question reader's word lists.
 */

export interface Question {
  text: string;
  /** Cut at MAX_QUESTION_CHARS (question.ts). */
  cut: boolean;
  /** The words searched, in the question's order (a plural also as its singular). */
  words: string[];
  /** The question's own words among them, as the answer repeats what was searched. */
  asked: string[];
  /** Created in [from, now], when the question names a time. */
  from: number | null;
  /** "this week", "today", "the last 3 days"… as the answer repeats it. */
  range: string | null;
  communities: string[];
}

/** One retrieved post or comment, numbered as the answer cites it. */
export interface AskItem {
  /** 1-based: the answer's [n]. */
  n: number;
  id: string;
  kind: 'post' | 'comment';
  postId: string;
  /** The post's title (a comment's: the post it is under). */
  title: string;
  community: string;
  /** The post's or the comment's address on reddit.com: the only links an answer shows. */
  url: string;
  createdAt: number;
  score: number;
  author: string | null;
  /** The body (a post's without its title), cut to MAX_ITEM_TEXT. */
  text: string;
}

/** A page's question to the background (lib/background/ask.ts). */
export interface AskRequest {
  question: string;
  /** Ids of the conversation's earlier items (a follow-up keeps them). */
  keep?: string[];
}

export type AskReply = {
  ok: true;
  question: Question;
  items: AskItem[];
  /** Stances of every stored comment of the three leading posts. */
  reactions: Reactions;
  ms: number;
} | { ok: false; error: string };

export interface Reactions {
  agree: number;
  pushBack: number;
  ask: number;
  /** Comments read. */
  of: number;
}

