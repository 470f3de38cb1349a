/**
 * The content script's wiring: a PageWatcher reads the page, a Batcher delivers the records.
 * Every listener and timer goes through WXT's ctx, so an updated or removed extension leaves nothing
 * behind (STYLE.md rule 17).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging';
import { captureEnabled, onCaptureSwitchedOff } from './enabled';
import { Batcher } from './batcher';
import { OBSERVE_OPTIONS, PageWatcher } from './observe';
import { CapturedCommentShape, CapturedPostShape, validRecords } from './schema';

export async function startCapture(ctx: ContentScriptContext): Promise<void> {
  if (!(await captureEnabled())) return;

  const batcher = new Batcher({
    send: (batch) => sendMessage('capture', batch),
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    newId: () => crypto.randomUUID(),
    onPaused: () => observer.disconnect(),
  });
  const watcher = new PageWatcher({
    doc: document,
    url: () => location.href,
    now: () => Date.now(),
    onRecords: (posts, comments) => {
      // Checked before sending as well as on receipt: a record that fails never leaves the page.
      const p = validRecords(CapturedPostShape, posts);
      const c = validRecords(CapturedCommentShape, comments);
      watcher.totals.skipped += p.rejected + c.rejected;
      batcher.add(p.ok, c.ok);
    },
    onUnknownPostPage: (postId) => void sendMessage('readabilityFallback', { postId }).catch(() => undefined),
  });

  const observer = new MutationObserver((records) => {
    try {
      watcher.handleMutations(records);
    } catch (e) {
      // A page we cannot read must never break Reddit: count it and go on.
      watcher.totals.skipped++;
      console.debug('[Reddit Trend Radar] capture skipped a change:', e);
    }
  });
  observer.observe(document.documentElement, OBSERVE_OPTIONS);
  ctx.onInvalidated(() => {
    observer.disconnect();
    batcher.stop();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.navigated());
  // Capture switched off from the popup: stop at once, keep nothing queued.
  const unwatch = onCaptureSwitchedOff(() => {
    observer.disconnect();
    batcher.stop();
    unwatch();
  });
  ctx.onInvalidated(unwatch);
  // Flush what is queued before the page goes away.
  ctx.addEventListener(window, 'pagehide', () => void batcher.flush());

  try {
    watcher.scan();
  } catch (e) {
    watcher.totals.skipped++;
    console.debug('[Reddit Trend Radar] capture could not read this page:', e);
  }
}
