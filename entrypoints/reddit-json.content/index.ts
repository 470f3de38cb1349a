import { defineContentScript } from '#imports';
import { startJsonCapture } from '@/lib/content/json';
import { REDDIT_JSON_MATCHES } from '@/lib/reddit/urls';

// Reddit's JSON opened in a tab (…/hot.json, a post's .json): its own small script, so the main one
// stays within its budget.
export default defineContentScript({
  matches: REDDIT_JSON_MATCHES,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    void startJsonCapture(ctx);
  },
});
