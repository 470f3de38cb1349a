/** The batcher both content scripts use: batches go to the background; timers die with the script. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging';
import { Batcher } from '../capture/batcher';

export function captureBatcher(ctx: ContentScriptContext, onPaused?: () => void): Batcher {
  const batcher = new Batcher({
    send: (batch) => sendMessage('capture', batch),
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    newId: () => crypto.randomUUID(),
    onPaused,
  });
  ctx.onInvalidated(() => batcher.stop());
  // Flush what is queued before the page goes away.
  ctx.addEventListener(window, 'pagehide', () => void batcher.flush());
  return batcher;
}
