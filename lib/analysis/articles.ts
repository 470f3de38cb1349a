/**
 * "Read linked articles" (off by default): fetch a link post's article and reduce it to text with
 * Readability, for richer analysis input. Needs the optional host permission the user grants when they
 * switch it on; HTML only, size- and time-limited, text only (never rendered as HTML).
 */
import { Readability } from '@mozilla/readability';

export const ARTICLE_ORIGINS = ['https://*/*', 'http://*/*'];
const MAX_BYTES = 2_000_000;
const MAX_CHARS = 8_000;

export function isArticleUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !/(^|\.)(reddit\.com|redd\.it|redditmedia\.com|imgur\.com|youtube\.com|youtu\.be)$/i.test(u.hostname) && !/\.(png|jpe?g|gif|webp|mp4|pdf)$/i.test(u.pathname);
  } catch {
    return false;
  }
}

/** The article's text, or null (not HTML, too large, failed, nothing readable). */
export async function fetchArticle(url: string, fetchImpl: typeof fetch = fetch, timeoutMs = 10_000): Promise<string | null> {
  if (!isArticleUrl(url)) return null;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchImpl(url, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    if (!res.ok || !/text\/html|application\/xhtml/i.test(res.headers.get('content-type') ?? '')) return null;
    if (Number(res.headers.get('content-length') ?? 0) > MAX_BYTES) return null;
    const html = (await res.text()).slice(0, MAX_BYTES);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const text = new Readability(doc, { charThreshold: 300 }).parse()?.textContent?.replace(/\s+\n/g, '\n').replace(/[ \t]+/g, ' ').trim();
    return text ? text.slice(0, MAX_CHARS) : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
