/**
 * Wires the parsers to a live page: reads what is there, then every post or comment as it is added
 * (infinite scroll, lazy comments), and starts over on client-side navigation. Reddit removes posts
 * from the DOM as the user scrolls, so each element is read when it appears, not at the end.
 */
import { tryParse } from './dom';
import { detectPage, type PageType } from './page-type';
import { postIdFromUrl } from '../reddit/urls';
import { parsePage } from './parse-page';
import { NEW, OLD } from './selectors';
import { parseShredditPost } from './parsers/new-post';
import { parseShredditComment } from './parsers/new-comments';
import { outermostResult, parseSearchResult } from './parsers/new-search';
import { parseOldSearchResult, parseOldThing } from './parsers/old-post';
import { parseOldComment } from './parsers/old-comments';
import type { CapturedComment, CapturedPost, ParseResult } from './types';
import type { PageReport } from './health';
import { emptyResult } from './types';
import { collect } from './parsers/new-post';
import { CapturedCommentShape, CapturedPostShape, validRecords } from './schema';

export interface WatcherDeps {
  doc: Document;
  url: () => string;
  now: () => number;
  onRecords: (posts: CapturedPost[], comments: CapturedComment[]) => void;
  /** What each full read of a page found (capture health). */
  onPage?: (report: PageReport) => void;
  /** A post page whose markup we do not know: its body can only be recovered with Readability. */
  onUnknownPostPage?: (postId: string) => void;
}

const WATCHED = [NEW.post, NEW.searchPost, NEW.comment, OLD.post, OLD.searchPost, OLD.comment].join(', ');

export class PageWatcher {
  page: PageType;
  /** What was last sent for each id, so an unchanged element is not sent again. */
  private sent = new Map<string, string>();
  readonly totals = { posts: 0, comments: 0, skipped: 0, ads: 0 };
  private lastUrl: string;

  constructor(private deps: WatcherDeps) {
    this.lastUrl = deps.url();
    this.page = detectPage(deps.doc, this.lastUrl);
  }

  /** Reads the whole page as it is now. */
  scan(): void {
    const url = this.deps.url();
    this.page = detectPage(this.deps.doc, url);
    if (this.page.kind === 'post' && this.page.layout === 'unknown') {
      const id = postIdFromUrl(url);
      if (id) this.deps.onUnknownPostPage?.(id);
      return;
    }
    const r = parsePage(this.deps.doc, url, this.deps.now(), this.page);
    this.emit(r);
    this.deps.onPage?.({ type: `${this.page.assumed ? 'shellless' : this.page.layout}-${this.page.kind}`, posts: r.posts.length, comments: r.comments.length, skipped: r.skipped });
  }

  /** Called by a MutationObserver: reads only the added elements. */
  handleMutations(records: MutationRecord[]): void {
    let reroute = false;
    const found = new Set<Element>();
    for (const r of records) {
      if (r.type === 'attributes') {
        reroute ||= r.target.nodeType === 1 && (r.target as Element).matches(NEW.app);
        continue;
      }
      r.addedNodes.forEach((n) => {
        if (n.nodeType !== 1) return;
        const el = n as Element;
        if (el.matches(WATCHED)) found.add(el);
        el.querySelectorAll(WATCHED).forEach((x) => found.add(x));
      });
    }
    if (reroute || this.deps.url() !== this.lastUrl) {
      this.navigated();
      return;
    }
    if (found.size === 0 || this.page.kind === 'none') return;
    this.emit(this.parseElements([...found]));
  }

  /** Client-side navigation: a new page in the same document. */
  navigated(): void {
    this.lastUrl = this.deps.url();
    this.scan();
  }

  private parseElements(elements: Element[]): ParseResult {
    const out = emptyResult();
    const seenAt = this.deps.now();
    const oldPostId = () =>
      this.deps.doc.querySelector(OLD.commentsPagePost)?.getAttribute('data-fullname') ?? postIdFromUrl(this.deps.url());
    for (const el of elements) {
      // One element that throws is one skipped element: its neighbours in the same change still count.
      if (el.matches(NEW.post)) collect(out, tryParse(() => parseShredditPost(el, seenAt)));
      else if (el.matches(NEW.searchPost)) {
        if (outermostResult(el)) collect(out, tryParse(() => parseSearchResult(el, seenAt)));
      }
      else if (el.matches(OLD.searchPost)) collect(out, tryParse(() => parseOldSearchResult(el, seenAt)));
      else if (el.matches(OLD.post)) collect(out, tryParse(() => parseOldThing(el, seenAt)));
      else {
        const postId = el.matches(NEW.comment) ? null : oldPostId();
        const c = tryParse(() => (el.matches(NEW.comment) ? parseShredditComment(el, seenAt) : postId ? parseOldComment(el, postId, seenAt) : null));
        if (c) out.comments.push(c);
        else out.skipped++;
      }
    }
    return out;
  }

  private emit(result: ParseResult): void {
    this.totals.ads += result.ads;
    // Checked before anything leaves the page (the background checks again on receipt).
    const valid = validRecords(CapturedPostShape, result.posts);
    const validComments = validRecords(CapturedCommentShape, result.comments);
    this.totals.skipped += result.skipped + valid.rejected + validComments.rejected;
    const posts = valid.ok.filter((p) => this.changed(p.id, `${p.score}|${p.comments}|${p.body?.length ?? 0}|${p.flair}|${p.title}`));
    const comments = validComments.ok.filter((c) => this.changed(c.id, `${c.score}|${c.body?.length ?? -1}|${c.deleted}`));
    this.totals.posts += posts.length;
    this.totals.comments += comments.length;
    if (posts.length || comments.length) this.deps.onRecords(posts, comments);
  }

  private changed(id: string, signature: string): boolean {
    if (this.sent.get(id) === signature) return false;
    this.sent.set(id, signature);
    return true;
  }
}

/** Options for `MutationObserver.observe` that PageWatcher.handleMutations expects. */
export const OBSERVE_OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['routename', 'pagetype'],
};
