/**
 * WXT stops a content script when a newer copy of it announces itself (after the extension is updated,
 * the old copy must stop). The announcement is a DOM event on `document`, which the page's own scripts
 * can dispatch too: replaying it switched capture off in that tab. Only a copy whose extension context
 * is gone (an updated or removed extension) may be stopped that way, so while ours is alive the event is
 * stopped before WXT's listener sees it. (The announcement's window.postMessage copy, which told every
 * page script our extension id, is switched off with `noScriptStartedPostMessage` in the entrypoints.)
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** The event's name: `<extension id>:<entrypoint>:wxt:content-script-started` (private in WXT's types). */
export function scriptStartedEvent(): string {
  return (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
}

export function guardScriptStarted(ctx: ContentScriptContext): void {
  // A capturing listener on window runs before WXT's listener on document.
  window.addEventListener(
    scriptStartedEvent(),
    (event) => {
      if (browser.runtime?.id != null) event.stopImmediatePropagation();
    },
    { capture: true, signal: ctx.signal },
  );
}
