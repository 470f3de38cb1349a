/**
 * "#3 today" / "rising" badges on posts in Reddit's feeds, each in its own shadow root so Reddit's
 * styles and ours never mix. Idempotent: a post keeps its badge while its label is unchanged.
 */
import { badgeLabel, type FeedBadges } from '../rank/badges';
import { ANY_POST, NEW, OLD, OURS } from '../capture/selectors';

export const BADGE_ATTR = OURS.badgeAttr;
const CSS =
  ':host{all:initial;display:inline-block;margin:2px 6px;vertical-align:middle}' +
  'span{font:600 11px/16px system-ui;color:#fff;background:#d93a00;border-radius:8px;padding:1px 7px}';

/** Where a post's badge goes: before a new-Reddit card, after an old-Reddit title. */
function anchor(el: Element): { id: string | null; place: (host: Element) => void; existing: Element | null } {
  if (el.matches(NEW.post)) {
    const prev = el.previousElementSibling;
    return { id: el.getAttribute('id'), place: (h) => el.before(h), existing: prev?.hasAttribute(BADGE_ATTR) ? prev : null };
  }
  const title = el.querySelector(OLD.titleLine) ?? el.querySelector(OLD.searchTitle)?.parentElement ?? el;
  return { id: el.getAttribute('data-fullname'), place: (h) => title.append(h), existing: title.querySelector(OURS.badgeChild) };
}

/** Whether a badge was ever drawn here: until one is, a page without badges to draw costs nothing. */
let drawn = false;

export function syncBadges(doc: Document, badges: FeedBadges | undefined, enabled: boolean): void {
  // Nothing to draw and nothing drawn: no walk over the page's posts (10,000 of them on a long feed).
  if (!drawn && !(enabled && badges)) return;
  const posts = doc.querySelectorAll(ANY_POST);
  posts.forEach((el) => {
    const { id, place, existing } = anchor(el);
    const label = enabled && id ? badgeLabel(badges, id) : null;
    if (existing?.getAttribute(BADGE_ATTR) === label) return;
    existing?.remove();
    if (!label) return;
    drawn = true;
    const host = doc.createElement('rtr-badge');
    host.setAttribute(BADGE_ATTR, label);
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    const span = doc.createElement('span');
    span.textContent = label;
    span.title = 'Reddit Trend Radar';
    root.append(style, span);
    place(host);
  });
}

/** True when every node a mutation added is one of our badges (so it is not news to capture). */
export function onlyBadges(records: MutationRecord[]): boolean {
  return records.every((r) => r.type === 'childList' && r.removedNodes.length + r.addedNodes.length > 0 && [...r.addedNodes, ...r.removedNodes].every((n) => (n as Element).hasAttribute?.(BADGE_ATTR)));
}
