/**
 * Recall and watches as a person uses them: capture real pages, search a word of a post's body and of a
 * comment, narrow with filters, a watch that fires on a newly captured comment (badge and notification;
 * the test build holds the notifications permission), and "Follow this post" firing on a later sighting.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { fixturePath } from '../support/fixtures';
import { canRunBrowser, extensionPage, launch, readDb, ROUTES, SCREENSHOTS, stopServiceWorker, TEST_EXTENSION_DIR, waitForDb, type Harness } from './harness';

const POST = 't3_1un6v9c';
// The same post page seen later: 80 points and 40 comments instead of 51 and 22.
const page = readFileSync(fixturePath('new-post-r-artificial-2026-with-comments.html'), 'utf8');
const later = page.replace(/(<shreddit-post[^>]*?)score="51"/, '$1score="80"').replace(/(<shreddit-post[^>]*?)comment-count="22"/, '$1comment-count="40"');
const LATER = { host: 'www.reddit.com' as const, path: '/r/artificial/comments/1un6v9c/later/', html: later };

let h: Harness;
let reddit: Page;
let popup: Page;

describe.runIf(canRunBrowser)('search and watches', () => {
  beforeAll(async () => {
    expect(later).not.toBe(page);
    h = await launch({ extensionDir: TEST_EXTENSION_DIR, extraRoutes: [LATER] });
    reddit = await h.context.newPage();
    popup = await extensionPage(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a watch with alerts fires on a newly captured post and comment: the Watches tab, the badge, a notification', async () => {
    const options = await extensionPage(h, 'options.html');
    await options.getByTestId('watch-query').fill('ollama');
    await options.getByTestId('watch-alerts').check();
    await options.getByTestId('watch-add').click();
    await expect.poll(() => options.locator('[data-watch="ollama"]').count()).toBe(1);
    await options.close();

    await reddit.goto(h.url(ROUTES.newPost!));
    await waitForDb(popup, (d) => d.comments.some((c) => c.id === 't1_ovj09hz'), 'the comments');
    const badge = () => popup.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: typeof browser }).chrome;
      const [tab] = await chrome.tabs.query({ url: 'https://www.reddit.com/*' });
      return chrome.action.getBadgeText({ tabId: tab!.id! });
    });
    // The post's body ("Ollama crossed 52M monthly downloads") and Square-Nebula-7530's comment both match.
    await expect.poll(badge, { timeout: 10_000 }).toBe('2');
    // One notification per watch per 10 minutes: the first match's.
    const notes = await popup.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: typeof browser }).chrome.notifications.getAll()));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^watch:w[a-z0-9]+:t3_1un6v9c$/);

    await popup.reload();
    await popup.getByRole('tab', { name: /^Watches/ }).click();
    const hit = popup.getByTestId('watch-hits').locator('li').first();
    expect(await hit.locator('.sr-title').textContent()).toBe(
      'newThis week in AI: GPT-5.6, Gemini 3.5 Flash, Claude Science, and a Qwen price war — inference cost is collapsing across every tier at once',
    );
    expect(await hit.locator('.sr-meta').textContent()).toMatch(/^Watch “ollama” · a comment in r\/artificial · /);
    // What matched, around the word.
    expect(await hit.locator('.sr-snippet').textContent()).toContain('on prem ocr and ollama crossing 52m monthly downloads');
    const second = popup.getByTestId('watch-hits').locator('li').nth(1);
    expect(await second.locator('.sr-meta').textContent()).toMatch(/^Watch “ollama” · the post in r\/artificial · /);
    expect(await second.locator('.sr-snippet').textContent()).toContain('Ollama crossed 52M monthly downloads');
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-watches.png` });
    await popup.getByTestId('watches-seen').click();
    await expect.poll(badge).toBe('');
  });

  test('search finds the post by a word of its body and a comment by a word of its text; filters narrow', async () => {
    await popup.reload();
    const box = popup.getByTestId('search-input');
    await popup.locator('body').press('/');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // "reportedly" is in the post's body only.
    await box.fill('reportedly');
    const results = popup.getByTestId('search-results').locator('li');
    await expect.poll(() => results.evaluateAll((li) => li.map((x) => x.getAttribute('data-result-id')))).toEqual([POST]);
    expect(await results.first().locator('mark').allTextContents()).toEqual(['reportedly']);
    // "durability" is in one comment (Square-Nebula-7530's).
    await box.fill('durability');
    await expect.poll(() => results.evaluateAll((li) => li.map((x) => x.getAttribute('data-result-id')))).toEqual(['t1_ovj09hz']);
    expect(await results.first().locator('.sr-meta').textContent()).toMatch(/^r\/artificial · .* · u\/Square-Nebula-7530$/);
    expect(await results.first().locator('a').getAttribute('href')).toBe('https://www.reddit.com/r/artificial/comments/1un6v9c/this_week_in_ai_gpt56_gemini_35_flash_claude/ovj09hz/');
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-search.png` });
    // Posts only: the comment goes. Another community: nothing.
    await popup.locator('.search-filters summary').click();
    await popup.getByTestId('filter-comments').uncheck();
    await expect.poll(() => popup.getByTestId('search-empty').count()).toBe(1);
    await popup.getByTestId('filter-comments').check();
    await expect.poll(() => results.count()).toBe(1);
    await popup.getByTestId('filter-community').fill('r/aww');
    await expect.poll(() => popup.getByTestId('search-empty').textContent()).toBe('Nothing you have seen matches with these filters. Try fewer words, or a word\'s beginning.');
    // The worker stopped (as Chrome does when idle): the index is gone with it, and rebuilt at the next search.
    await popup.getByTestId('filter-community').fill('');
    await stopServiceWorker(popup);
    await box.fill('reportedly');
    await expect.poll(() => results.evaluateAll((li) => li.map((x) => x.getAttribute('data-result-id'))), { timeout: 15_000 }).toEqual([POST]);
    // Hostile input: a message, never an exception.
    await box.fill('x'.repeat(10_000));
    await expect.poll(() => popup.getByTestId('search-error').textContent()).toBe('That search is 10,000 characters long; the limit is 500. Search for a few words or a phrase.');
    await box.fill('');
  });

  test('follow this post from the sidebar: told when it is seen again with more comments', async () => {
    await reddit.goto(h.url(ROUTES.newPost!));
    await reddit.bringToFront();
    const panel = await extensionPage(h, 'sidepanel.html');
    await reddit.bringToFront();
    await panel.getByTestId('follow-post').click();
    await expect.poll(() => panel.getByTestId('follow-state').textContent()).toMatch(/^Following: told at \+10 comments or points\./);
    await reddit.goto(h.url(LATER));
    await waitForDb(popup, (d) => d.posts.some((p) => p.id === POST && p.comments === 40), 'the later sighting');
    await popup.reload();
    await popup.getByRole('tab', { name: /^Watches/ }).click();
    const hit = popup.getByTestId('watch-hits').locator('li').first();
    await expect.poll(() => hit.locator('.sr-snippet').textContent()).toBe('+18 comments, +29 points since you were last told (now 80 points, 40 comments)');
    expect((await readDb(popup)).posts.find((p) => p.id === POST)).toMatchObject({ score: 80, comments: 40 });
    await panel.close();
  });
});
