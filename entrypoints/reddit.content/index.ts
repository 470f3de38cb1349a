import { defineContentScript } from '#imports';
import { startCapture } from '@/lib/content';
import { REDDIT_JSON_MATCHES, REDDIT_MATCHES } from '@/lib/reddit/urls';

export default defineContentScript({
  matches: REDDIT_MATCHES,
  // JSON documents have their own script (entrypoints/reddit-json.content).
  excludeMatches: REDDIT_JSON_MATCHES,
  runAt: 'document_idle',
  // Never tell page scripts our extension id (lib/content/guard.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    void startCapture(ctx);
  },
});
