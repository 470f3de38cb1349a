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

// windows-1252's 0x80–0x9F (WHATWG encoding table). Node's own 'windows-1252' decoder treats these
// bytes as ISO-8859-1 control characters, which is not what a browser shows.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk.map((b) => b)).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'x-cp1252']);

export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  // The WHATWG encoding spec maps iso-8859-1 and us-ascii labels to windows-1252, as browsers do.
  if (meta && WINDOWS_1252_LABELS.has(meta)) return decodeWindows1252(bytes);
  if (meta && meta !== 'utf-8' && meta !== 'utf8') {
    try {
      return new TextDecoder(meta).decode(bytes);
    } catch {
      /* unknown label: sniff below */
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
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
