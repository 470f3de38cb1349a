/** The batcher both content scripts use: batches go to the background; timers die with the script. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging';
import { forgetPending, keepPending } from '../storage/light';
import { Batcher } from '../capture/batcher';

export function captureBatcher(ctx: ContentScriptContext, onPaused?: () => void): Batcher {
  const batcher = new Batcher({
    send: (batch) => sendMessage('capture', batch),
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    newId: () => crypto.randomUUID(),
    onPaused,
    // A batch not acknowledged, and at pagehide every batch not yet acknowledged: a tab closed at once still hands them over.
    persist: (batch) => void keepPending(batch).catch(() => undefined),
    forget: (batchId) => void forgetPending(batchId).catch(() => undefined),
  });
  ctx.onInvalidated(() => batcher.stop());
  // Flush what is queued before the page goes away.
  // Sent at once, and kept until acknowledged: the background stores a kept batch whose message never came.
  ctx.addEventListener(window, 'pagehide', () => void batcher.flush(true));
  return batcher;
}
