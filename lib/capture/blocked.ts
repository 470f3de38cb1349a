/**
 * Pages that hold no post whatever their URL says: login walls, error, rate-limit and bot-check pages.
 * Read by the Readability fallback (a post page of unknown markup) before it hands any text over; kept
 * out of the content script, whose budget is 25 kB.
 */
import { OLD, PAGE } from './selectors';

/** What error, rate-limit and bot-check pages say in their title or first heading. */
const BLOCKED = /\b(page not found|not found|too many requests|whoa there|blocked by network security|network policy|are you a robot|verify (?:that )?you are (?:a )?human|something went wrong|server error|access denied|rate limit|error \d{3})\b/i;

/** Why a page of no known markup holds no post (a login wall, an error page), or null. */
export function blockedPage(doc: Document, path: string): string | null {
  if (/^\/(login|register|account\/login)\b/i.test(path) || doc.querySelector(OLD.loginForm)) return 'Reddit login page';
  const heading = `${doc.title ?? ''} | ${doc.querySelector(PAGE.heading)?.textContent ?? ''}`;
  const m = BLOCKED.exec(heading);
  return m ? `Reddit error page (${m[1]!.toLowerCase()})` : null;
}
