/**
 * The sidebar, feed badges and options in real Chromium. The panel page is opened as a tab; it follows
 * the most recently used web tab, which each test brings to the front.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowser, EXTENSION_DIR, extensionPage, launch, readDb, ROUTES, SCREENSHOTS, waitForDb, type Harness } from './harness';

let h: Harness;
let reddit: Page;
let panel: Page;
const NOW_POST = 't3_zzfresh1';

function freshPost(createdAt: string): string {
  return `<article><shreddit-post id="${NOW_POST}" permalink="/r/MachineLearning/comments/zzfresh1/s/" post-title="A fresh trending post" score="420" comment-count="64" created-timestamp="${createdAt}" author="tester" subreddit-name="MachineLearning" view-context="SubredditFeed"></shreddit-post></article>`;
}

describe.runIf(canRunBrowser)('sidebar, feed badges and options', () => {
  beforeAll(async () => {
    h = await launch();
    reddit = await h.context.newPage();
    const db = await extensionPage(h);
    await reddit.goto(h.url(ROUTES.newPost!));
    await waitForDb(db, (d) => d.posts.length === 1, 'the post');
    await reddit.goto(h.url(ROUTES.newListing!));
    await waitForDb(db, (d) => d.posts.length === 51, 'captures');
    await db.close();
    panel = await extensionPage(h, 'sidepanel.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  test('the manifest offers the side panel, a context-menu entry and a keyboard shortcut', () => {
    const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toEqual(expect.arrayContaining(['sidePanel', 'contextMenus']));
    expect(manifest.commands['open-sidebar'].suggested_key.default).toBe('Alt+Shift+R');
  });

  test('a subreddit tab: the community, its stored posts, tracked, and its tables, live', async () => {
    await reddit.bringToFront();
    await expect.poll(() => panel.getByTestId('community-view').locator('h1').textContent()).toBe('r/MachineLearning');
    await expect.poll(() => panel.getByTestId('community-count').textContent()).toBe('50');
    expect(await panel.getByTestId('tracked-state').textContent()).toBe('tracked');
    // A post appears in the feed: the panel's Today table shows it without a reload.
    await reddit.evaluate((html) => {
      const batch = document.createElement('faceplate-batch');
      batch.innerHTML = html;
      document.querySelector('shreddit-feed')!.append(batch);
    }, freshPost(new Date(Date.now() - 3_600_000).toISOString().replace('Z', '000+0000')));
    await expect.poll(() => panel.locator(`li[data-post-id="${NOW_POST}"]`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => panel.getByTestId('community-count').textContent()).toBe('51');
    // At a side panel's real widths: posts as a list, titles readable, nothing scrolls sideways.
    for (const width of [320, 400]) {
      await panel.setViewportSize({ width, height: 800 });
      const title = panel.locator(`li[data-post-id="${NOW_POST}"] .pl-title`).first();
      expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      const box = (await title.boundingBox())!;
      // Two lines of at least 240 px each: well over 40 characters at 13 px.
      expect(box.width).toBeGreaterThanOrEqual(240);
      expect(parseFloat(await title.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(13);
      expect(await panel.locator(`li[data-post-id="${NOW_POST}"] .pl-meta`).first().textContent()).toMatch(/^\d+(\.\d)?k? · \d+ comments · \d+ (min|h)/);
      await panel.screenshot({ path: `${SCREENSHOTS}/sidebar-community-${width}.png` });
    }
  });

  test('a trending post gets a badge in the feed, in a shadow root; it goes when badges are turned off', async () => {
    const badge = reddit.locator(`shreddit-feed rtr-badge[data-rtr-badge]`);
    await expect.poll(() => badge.count(), { timeout: 20_000 }).toBe(1);
    expect(await badge.getAttribute('data-rtr-badge')).toBe('#1 today');
    // Drawn just before the trending card, with its own styles.
    expect(await reddit.evaluate((id) => document.getElementById(id)!.previousElementSibling!.tagName, NOW_POST)).toBe('RTR-BADGE');
    expect(await badge.evaluate((el) => !!el.shadowRoot && el.shadowRoot.querySelector('span')!.textContent)).toBe('#1 today');
    const options = await extensionPage(h, 'options.html');
    // The switch is a controlled input saved asynchronously: click, then wait for the saved state.
    await options.getByTestId('feed-badges').click();
    await expect.poll(() => options.getByTestId('feed-badges').isChecked()).toBe(false);
    await expect.poll(() => badge.count()).toBe(0);
    await options.getByTestId('feed-badges').click();
    await expect.poll(() => options.getByTestId('feed-badges').isChecked()).toBe(true);
    await expect.poll(() => badge.count()).toBe(1);
    await options.close();
  });

  test('a post tab: its record, rank, score history, top comments and TL;DR', async () => {
    await reddit.goto(h.url(ROUTES.newPost!));
    await reddit.bringToFront();
    const view = panel.getByTestId('post-view');
    await expect.poll(() => view.locator('h1').textContent()).toBe(
      'This week in AI: GPT-5.6, Gemini 3.5 Flash, Claude Science, and a Qwen price war — inference cost is collapsing across every tier at once',
    );
    expect(await panel.getByTestId('post-numbers').textContent()).toMatch(/^51 points · 22 comments · seen /);
    expect(await panel.getByTestId('post-rank').textContent()).toBe("Not in today's or this week's tables.");
    expect(await panel.getByTestId('chart-empty').textContent()).toBe('One score point so far: the chart starts at the next sighting.');
    const comments = await panel.getByTestId('top-comments').locator('li').allTextContents();
    expect(comments).toHaveLength(5);
    expect(comments[0]).toMatch(/^u\/KnodulesAintHeavy \(13\) Price drops\?/);
    // 15 comments on the page, of the 22 Reddit counts: the sidebar and the TL;DR say so.
    expect(await panel.getByTestId('sidebar-comments-read').textContent()).toBe('Captured: read 15 of 22 comments. More are captured as the page shows them.');
    await expect.poll(() => panel.getByTestId('comments-read').textContent()).toBe('From the post and the comments the page showed: read 15 of 22 comments.');
    // The TL;DR's key sentences (not the body's opening, which says little), and what the top comment does.
    await expect.poll(() => view.locator('.post-tools').textContent()).toContain('Ollama crossed 52M monthly downloads');
    expect(await view.locator('.post-tools').textContent()).toContain('u/KnodulesAintHeavy (13 points) pushes back: Thanks but I’ll believe numbers');
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.screenshot({ path: SCREENSHOTS + '/sidebar.png' });
  });

  test("moving to another post in the same tab: the TL;DR is that post's, never the previous one's", async () => {
    // Both posts captured; then Reddit's own navigation (history.pushState, no reload) moves between them.
    await reddit.goto(h.url(ROUTES.newCommentTrees!));
    await reddit.goto(h.url(ROUTES.newPost!));
    await reddit.bringToFront();
    const tools = panel.getByTestId('post-view').locator('.post-tools');
    await expect.poll(() => tools.textContent()).toContain('Ollama crossed 52M monthly downloads');
    await reddit.evaluate((path) => history.pushState({}, '', path), ROUTES.newCommentTrees!.path);
    await expect.poll(() => panel.getByTestId('post-view').locator('h1').textContent()).toBe('Which quant do you run?');
    await expect.poll(() => tools.textContent()).toContain('u/zed (30 points)');
    expect(await tools.textContent()).not.toContain('Ollama');
  });

  test('a post of an untracked community says so, with Track; tracking works both ways', async () => {
    // r/artificial is not among the tracked communities by default.
    await reddit.goto(h.url(ROUTES.newPost!));
    await reddit.bringToFront();
    const view = panel.getByTestId('post-view');
    await expect.poll(() => view.getByTestId('tracked-state').textContent()).toBe('not tracked');
    await view.getByRole('button', { name: 'Track r/artificial' }).click();
    await expect.poll(() => view.getByTestId('tracked-state').textContent()).toBe('tracked');
    await view.getByRole('button', { name: 'Untrack r/artificial' }).click();
    await expect.poll(() => view.getByTestId('tracked-state').textContent()).toBe('not tracked');
  });

  test('another Reddit page: the report in short and what this page captured; off Reddit: a note', async () => {
    await reddit.goto(h.url(ROUTES.newSearch!));
    await reddit.bringToFront();
    await expect.poll(() => panel.getByTestId('page-captured').textContent(), { timeout: 15_000 }).toBe('55 posts captured on this page.');
    expect(await panel.getByTestId('reddit-view').locator(`li[data-post-id="${NOW_POST}"]`).count()).toBe(1);
    await reddit.goto('about:blank');
    await reddit.bringToFront();
    await expect.poll(() => panel.getByTestId('off-reddit').count()).toBe(1);
    // Off Reddit: today's top stories, not an empty page.
    await expect.poll(() => panel.getByTestId('off-reddit').locator('.story-title').first().textContent(), { timeout: 15_000 }).toBe('A fresh trending post');
  });

  test('changing the tracked communities in options changes the report', async () => {
    const options = await extensionPage(h, 'options.html');
    const popup = await extensionPage(h);
    await expect.poll(() => popup.locator(`[role=tabpanel] tr[data-post-id="${NOW_POST}"]`).count()).toBe(1);
    await options.getByRole('button', { name: 'Remove r/MachineLearning from tracked communities' }).click();
    await expect.poll(() => popup.locator(`[role=tabpanel] tr[data-post-id="${NOW_POST}"]`).count()).toBe(0);
    // The suggestion chip offers it back, with its count.
    await options.getByRole('button', { name: '+ r/MachineLearning (51)' }).click();
    await expect.poll(() => popup.locator(`[role=tabpanel] tr[data-post-id="${NOW_POST}"]`).count()).toBe(1);
    await popup.close();
    await options.close();
  });

  test('options: a report day ending at 10:30 shows beside a past date; a bad mirror address is refused, a good one kept', async () => {
    const options = await extensionPage(h, 'options.html');
    await options.setViewportSize({ width: 900, height: 900 });
    await options.getByTestId('day-ends').fill('10:30');
    await options.getByTestId('day-ends').press('Enter');
    const popup = await extensionPage(h);
    await popup.getByTestId('report-date').fill('2026-06-28');
    await expect.poll(() => popup.getByTestId('day-end').textContent()).toBe(' day ending 10:30 UTC');
    await options.getByTestId('model-mirror').fill('http://models.example.org');
    await options.getByTestId('model-mirror').blur();
    expect(await options.getByTestId('mirror-error').textContent()).toBe('The mirror must use https:// (http:// only for localhost).');
    await options.getByTestId('model-mirror').fill('https://models.example.org/webllm/');
    await options.getByTestId('model-mirror').press('Enter');
    await expect.poll(() => options.getByTestId('mirror-error').count()).toBe(0);
    await expect.poll(() => options.getByTestId('model-mirror').inputValue()).toBe('https://models.example.org/webllm');
    expect(await options.getByTestId('chrome-model').textContent()).toMatch(/^Chrome's built-in model: (not in this browser|not available on this device)/);
    await options.screenshot({ path: SCREENSHOTS + '/options.png', fullPage: true });
    await options.getByTestId('day-ends').fill('00:00');
    await options.getByTestId('day-ends').press('Enter');
    await popup.close();
    await options.close();
  });

  test('options: number fields apply on blur or Enter (select all, type 90: 90, not 3090); a pasted community address is accepted', async () => {
    const options = await extensionPage(h, 'options.html');
    const stored = () => options.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings')).settings as { keepSightingsDays: number; tracked: string[] }));
    const days = options.getByTestId('keep-days');
    await days.click();
    await days.press('Control+A');
    await days.pressSequentially('90');
    // Nothing is saved while typing: the first keystroke does not rewrite the field.
    expect(await days.inputValue()).toBe('90');
    expect((await stored()).keepSightingsDays).toBe(30);
    await days.press('Enter');
    await expect.poll(async () => (await stored()).keepSightingsDays).toBe(90);
    await days.fill('0');
    await days.blur();
    expect(await options.getByRole('alert').first().textContent()).toBe(' Days to keep every score point: write a whole number from 1 to 3650.');
    expect((await stored()).keepSightingsDays).toBe(90);
    await days.fill('30');
    await days.press('Enter');
    await expect.poll(async () => (await stored()).keepSightingsDays).toBe(30);

    const add = options.getByRole('textbox', { name: 'Add to tracked communities' });
    await add.fill('https://old.reddit.com/r/Python/comments/abc123/some_title/');
    await add.press('Enter');
    await expect.poll(async () => (await stored()).tracked.includes('Python')).toBe(true);
    await options.getByRole('button', { name: 'Remove r/Python from tracked communities' }).click();
    await expect.poll(async () => (await stored()).tracked.includes('Python')).toBe(false);
    await options.close();
  });

  test('retention thins old sightings to one a day', async () => {
    const options = await extensionPage(h, 'options.html');
    const day = Date.UTC(2026, 0, 1);
    await options.evaluate(
      (rows) =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open('reddit-trend-radar');
          open.onsuccess = () => {
            const tx = open.result.transaction('sightings', 'readwrite');
            for (const r of rows) tx.objectStore('sightings').put(r);
            tx.oncomplete = () => (open.result.close(), ok());
            tx.onerror = () => fail(tx.error);
          };
        }),
      [1, 5, 20].map((hr, i) => ({ postId: 't3_1uhw7fu', at: day + hr * 3_600_000, score: 100 + i, comments: 30 })),
    );
    await options.getByRole('button', { name: 'Apply now' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Retention applied: 2 score points thinned, 0 old posts removed.');
    const old = (await readDb(options)).sightings.filter((s) => (s.at as number) < day + 86_400_000);
    expect(old.map((s) => s.score)).toEqual([102]);
    await options.close();
  });

  test('delete everything, after confirmation, empties the database', async () => {
    const options = await extensionPage(h, 'options.html');
    await options.getByRole('button', { name: 'Delete everything…' }).click();
    expect((await readDb(options)).posts.length).toBeGreaterThan(0);
    await options.getByRole('alertdialog').getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Everything was deleted.');
    const d = await readDb(options);
    expect([d.posts.length, d.sightings.length, d.comments.length]).toEqual([0, 0, 0]);
    await options.close();
  });
});
