/**
 * Fallback for a post page whose layout we do not know: @mozilla/readability on a clone of the
 * document, read as text only (its HTML output is never rendered; see its SECURITY.md).
 */
import { Readability } from '@mozilla/readability';
import { collapse } from '../../reddit/text';
import type { FallbackArticle } from '../fallback';
import { PAGE } from '../selectors';
import { blockedPage } from '../blocked';

export function readabilityBody(doc: Document): string | null {
  try {
    const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 100 }).parse();
    const text = article?.textContent
      ?.split(/\n\s*\n/)
      .map((p) => collapse(p))
      .filter(Boolean)
      .join('\n\n');
    return text || null;
  } catch {
    return null;
  }
}

export function readabilityArticle(doc: Document): FallbackArticle {
  const blocked = blockedPage(doc, doc.location?.pathname ?? '');
  if (blocked) return { body: null, titles: [], blocked };
  const titles = [doc.title, doc.querySelector(PAGE.heading)?.textContent ?? ''].map((t) => collapse(t)).filter(Boolean);
  return { body: readabilityBody(doc), titles };
}
