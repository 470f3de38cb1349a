import { defineUnlistedScript } from '#imports';
import { readabilityArticle } from '@/lib/capture/parsers/readability-body';

// Injected by the background only into a post page of unknown markup; returns the body as plain text and
// the titles the page shows (the background stores the body only if they are the post's).
export default defineUnlistedScript(() => readabilityArticle(document));
