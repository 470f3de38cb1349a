/** Capture of a Reddit JSON document shown in a tab: parse once, validate, send in batches. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { captureBatcher } from './send';
import { guardScriptStarted } from './guard';
import { JSON_DOC } from '../capture/selectors';
import { captures, captureSettings, excludedSet } from './settings';
import { parseJsonListing } from '../capture/parsers/json-listing';
import { CapturedCommentShape, CapturedPostShape, validRecords } from '../capture/schema';

export async function startJsonCapture(ctx: ContentScriptContext): Promise<void> {
  guardScriptStarted(ctx);
  const { settings } = await captureSettings();
  if (!captures(settings, browser.extension?.inIncognitoContext === true)) return;
  // Browsers show JSON as text in a <pre>, sometimes beside a pretty-print control.
  const text = document.querySelector(JSON_DOC.text)?.textContent ?? document.body?.textContent ?? '';
  let parsed;
  try {
    parsed = parseJsonListing(JSON.parse(text), Date.now());
  } catch {
    return; // not a listing (an error document, another API): nothing to capture
  }
  const excluded = excludedSet(settings);
  const batcher = captureBatcher(ctx);
  batcher.add(
    validRecords(CapturedPostShape, parsed.posts.filter((p) => !excluded.has(p.subreddit.toLowerCase()))).ok,
    validRecords(CapturedCommentShape, parsed.comments).ok,
  );
}
