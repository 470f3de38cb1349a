import { defineContentScript } from '#imports';
import { startCapture } from '@/lib/capture/content';

export default defineContentScript({
  matches: ['*://*.reddit.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    void startCapture(ctx);
  },
});
