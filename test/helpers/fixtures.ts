/**
 * Real Reddit pages from ../shared/fixtures/reddit/, read at test time (never copied into the repo),
 * decoded as a browser would: BOM, then a <meta charset> in the first 1024 bytes, then UTF-8 if the bytes
 * are valid UTF-8, else windows-1252 (what browsers fall back to for Western pages).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_DIR = process.env.RTR_FIXTURES ?? resolve(here, '../../../shared/fixtures/reddit');
export const hasFixtures = existsSync(FIXTURE_DIR);

export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (meta && meta !== 'utf-8' && meta !== 'utf8') {
    try {
      // The WHATWG encoding spec maps iso-8859-1 and us-ascii labels to windows-1252, as browsers do.
      return new TextDecoder(meta).decode(bytes);
    } catch {
      /* unknown label: sniff below */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function fixturePath(name: string): string {
  return join(FIXTURE_DIR, name);
}

export function fixtureText(name: string): string {
  return decodeHtml(readFileSync(fixturePath(name)));
}

/**
 * A Document for HTML text at the given URL, parsed by jsdom (parse5: the HTML standard's parsing
 * algorithm, as in a browser), scripts not run. happy-dom's parser stops early on some real pages.
 */
export function htmlDocument(html: string, url = 'https://www.reddit.com/'): Document {
  // Reddit's CSS trips jsdom's CSS parser; those messages are noise here.
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

export function fixtureDocument(name: string, url?: string): Document {
  return htmlDocument(fixtureText(name), url);
}
