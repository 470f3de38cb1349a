import { defineUnlistedScript } from '#imports';
import { readabilityBody } from '@/lib/capture/parsers/readability-body';

// Injected by the background only into a post page of unknown markup; returns the body as plain text.
export default defineUnlistedScript(() => readabilityBody(document));
