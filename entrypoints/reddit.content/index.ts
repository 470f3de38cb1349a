import { defineContentScript } from '#imports';
import { startCapture } from '@/lib/capture/content';

export default defineContentScript({
  matches: ['*://*.reddit.com/*'],
  // JSON documents have their own script (entrypoints/reddit-json.content).
  excludeMatches: ['*://*.reddit.com/*.json*'],
  runAt: 'document_idle',
  main(ctx) {
    void startCapture(ctx);
  },
});
