/**
 * The popup as a person uses it: empty state, sample data, tabs by keyboard, sorting, a past date, and
 * the exported Markdown, which must equal what `npm run report` prints for the same backup and time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowser, extensionPage, launch, readDb, ROUTES, SCREENSHOTS, waitForDb, openExportMenu, type Harness } from './harness';
import { obsidianInert } from '../../lib/export/notes';

let h: Harness;
let popup: Page;
const rowsOf = (p: Page) => p.locator('[role=tabpanel] tbody tr');

describe.runIf(canRunBrowser)('the popup', () => {
  beforeAll(async () => {
    h = await launch();
    popup = await extensionPage(h);
    await popup.setViewportSize({ width: 780, height: 580 });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('empty state says how to start and which communities are tracked', async () => {
    const empty = popup.getByTestId('empty-state');
    await expect.poll(() => empty.isVisible()).toBe(true);
    expect(await empty.textContent()).toContain('Browse Reddit as usual');
    expect(await empty.textContent()).toContain('r/LocalLLaMA, r/MachineLearning, r/singularity, r/LocalLLM, r/hackernews');
  });

  test('sample data: every table filled, every row marked, removable in one click', async () => {
    await popup.getByTestId('load-sample').click();
    await expect.poll(() => rowsOf(popup).count()).toBe(10);
    expect(await popup.getByTestId('sample-banner').textContent()).toContain('Showing sample data (50 posts');
    expect(await rowsOf(popup).locator('.pill').count()).toBe(10);
    // The sample's Today table is seed 000's, in its order.
    expect(await rowsOf(popup).first().locator('td.title a').textContent()).toBe('llama.cpp appreciation post');
    await popup.screenshot({ path: SCREENSHOTS + '/popup.png' });
    for (const [tab, n] of [['Rising', 10], ['Week', 20], ['Month', 20]] as const) {
      await popup.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await expect.poll(() => rowsOf(popup).count()).toBe(n);
    }
    await popup.getByRole('tab', { name: /^Communities/ }).click();
    expect(await popup.locator('.community h3').allTextContents()).toEqual(['r/AI_Agents', 'r/LLMDevs', 'r/LocalLLaMA', 'r/MachineLearning', 'r/Rag', 'r/datascience']);
    // Stories: seed 000's two EGGROLL posts (r/MachineLearning and r/LocalLLaMA) are one story, named.
    await popup.getByRole('tab', { name: /^Stories/ }).click();
    const eggroll = popup.locator('.story', { hasText: 'EGGROLL: trained a model without backprop' }).first();
    await expect.poll(() => eggroll.count()).toBe(1);
    expect((await eggroll.locator('.story-names').textContent())?.trim()).toBe('EGGROLL 2 posts today');
    expect(await eggroll.locator('.story-meta').textContent()).toMatch(/ 115 points · 30 comments · r\/MachineLearning, r\/LocalLLaMA · 2 discussions$/);
    // From the captured history: the name's posts (two, on one day: a figure, not a chart of one bar); the
    // sample's two score points per post draw no curve (two points make the same line on every row).
    expect(await eggroll.locator('.story-chart .mentions-figure').getAttribute('aria-label')).toBe('EGGROLL: 2 posts today');
    expect(await eggroll.locator('svg.spark').count()).toBe(0);
    await popup.screenshot({ path: SCREENSHOTS + '/popup-stories.png' });
  });

  test("the popup paints today's stored table before React and Dexie load; the live page then takes over", async () => {
    const page = await h.context.newPage();
    // Records the rows of the first paint as they appear (it is gone once the live page has its table).
    await page.addInitScript(() => {
      const w = window as unknown as { firstPaint: string[] };
      w.firstPaint = [];
      new MutationObserver(() => {
        const rows = document.querySelectorAll('#first-paint tbody tr');
        if (rows.length) w.firstPaint = [...rows].map((tr) => tr.getAttribute('data-post-id')!);
      }).observe(document, { childList: true, subtree: true });
    });
    // The background stores the report a couple of seconds after the sample loaded: open until it is there.
    const painted = async () => {
      await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
      await rowsOf(page).nth(9).waitFor();
      return page.evaluate(() => (window as unknown as { firstPaint: string[] }).firstPaint);
    };
    await expect.poll(async () => (await painted()).length, { timeout: 20_000 }).toBe(10);
    const live = await rowsOf(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-post-id')));
    expect(await painted()).toEqual(live);
    expect(await page.locator('#first-paint').count()).toBe(0);
    await page.close();
  });

  test('readable type: body text at 13 px or more, no text under 11 px (Chromium gives extension pages body { font-size: 75% })', async () => {
    const sizes = await popup.evaluate(() => {
      const seen: number[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || !n.parentElement || !n.parentElement.getClientRects().length) continue;
        seen.push(parseFloat(getComputedStyle(n.parentElement).fontSize));
      }
      return { body: parseFloat(getComputedStyle(document.body).fontSize), smallest: Math.min(...seen), texts: seen.length };
    });
    expect(sizes.body).toBeGreaterThanOrEqual(13);
    expect(sizes.texts).toBeGreaterThan(50);
    expect(sizes.smallest).toBeGreaterThanOrEqual(11);
  });

  test('no GPU and no built-in model: the popup offers no model and says why', async () => {
    await popup.getByRole('tab', { name: /^Analysis/ }).click();
    await expect.poll(() => popup.getByTestId('no-model').count(), { timeout: 15_000 }).toBe(1);
    expect(await popup.getByTestId('no-model').textContent()).toMatch(/^No model here: (WebGPU found no GPU adapter|this browser has no WebGPU)\.$/);
    expect(await popup.getByTestId('open-report').count()).toBe(0);
    expect(await popup.getByTestId('analysis-source').textContent()).toMatch(/^Written by the offline analyser\./);
  });

  test('tabs work from the keyboard; columns sort', async () => {
    await popup.getByRole('tab', { name: /^Today/ }).click();
    await popup.getByRole('tab', { name: /^Today/ }).focus();
    await popup.keyboard.press('ArrowRight');
    expect(await popup.getByRole('tab', { name: /^Stories/ }).getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('ArrowLeft');
    expect(await popup.getByRole('tab', { name: /^Today/ }).getAttribute('aria-selected')).toBe('true');
    // Numbers show compact (1.3k) with the exact one in the tooltip and data-value.
    const cells = rowsOf(popup).locator('td:nth-child(3)');
    expect(await cells.first().textContent()).toBe('1.3k');
    expect(await cells.first().getAttribute('title')).toBe('1,310 points');
    const values = (column: number) => rowsOf(popup).locator(`td:nth-child(${column})`).evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    expect(await values(3)).toEqual([1310, 181, 174, 113, 95, 73, 65, 58, 50, 47]);
    await popup.getByRole('button', { name: 'Comments' }).click();
    const comments = await values(4);
    expect(comments).toEqual([...comments].sort((a, b) => b - a));
    await popup.getByRole('button', { name: /^Comments/ }).click();
    const ascending = await values(4);
    expect(ascending).toEqual([...comments].reverse().sort((a, b) => a - b));
    expect(await popup.locator('th.col-comments').getAttribute('aria-sort')).toBe('ascending');
    // A sorted header keeps its arrow inside its own column ("Score ▼" ran into the next header).
    for (const key of ['Score', 'Comments', 'Posted']) {
      await popup.getByRole('button', { name: new RegExp(`^${key}`) }).click();
      const cut = await popup.locator('[role=tabpanel] th button').evaluateAll((bs) => bs.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent));
      expect(cut, key).toEqual([]);
    }
  });

  test('removing the sample leaves real captures alone', async () => {
    const reddit = await h.context.newPage();
    await reddit.goto(h.url(ROUTES.newListing!));
    await waitForDb(popup, (d) => d.posts.filter((p) => p.sample === 0).length === 50, 'real captures');
    await popup.getByRole('button', { name: 'Remove sample' }).click();
    await expect.poll(async () => (await readDb(popup)).posts.length).toBe(50);
    await expect.poll(() => popup.getByTestId('sample-banner').count()).toBe(0);
    await reddit.close();
  });

  test('a past date: the tables of that day; Export Markdown equals `npm run report` on the backup; Copy too', async () => {
    await popup.getByTestId('report-date').fill('2026-06-28');
    // The tabs say what they show on a past date.
    await expect.poll(async () => (await popup.getByRole('tab').allTextContents()).map((t) => t.trim())).toEqual(['Jun 28 1', 'Stories', 'Rising Jun 28 0', 'Week to Jun 28 3', 'Month to Jun 28 20', 'Communities Jun 28 1', 'Analysis', 'Watches']);
    await popup.getByRole('tab', { name: /^Jun 28/ }).click();
    await expect.poll(() => rowsOf(popup).count()).toBe(1);
    expect(await rowsOf(popup).first().getAttribute('data-post-id')).toBe('t3_1uhw7fu');

    await openExportMenu(popup);
    const [md] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export Markdown' }).click()]);
    expect(md.suggestedFilename()).toBe('reddit-trend-report-2026-06-28.md');
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown.startsWith('# Reddit AI Trend Report - 2026-06-28\n\n## Today\'s Trending Posts\n')).toBe(true);
    expect(markdown).toContain('| [I shrank a transformer until every number fitted on the s...](https://www.reddit.com/comments/1uhw7fu) | [r/MachineLearning](https://www.reddit.com/r/MachineLearning) | 115 | 33 | Research | 2026-06-28 12:35 UTC |');

    // The same report with front matter for note apps; a table as CSV.
    await openExportMenu(popup);
    const [notes] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-notes').click()]);
    expect(notes.suggestedFilename()).toBe('reddit-trend-report-2026-06-28.notes.md');
    const notesText = readFileSync((await notes.path())!, 'utf8');
    expect(notesText.startsWith('---\ntitle: "Reddit AI Trend Report - 2026-06-28"\ndate: 2026-06-28\n')).toBe(true);
    // The report's Markdown, with Obsidian's own syntax in captured text made inert.
    expect(notesText.endsWith(obsidianInert(markdown))).toBe(true);
    await openExportMenu(popup);
    const [csv] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-csv').selectOption('today')]);
    expect(csv.suggestedFilename()).toBe('reddit-trend-today-2026-06-28.csv');
    expect(readFileSync((await csv.path())!, 'utf8').split('\r\n').slice(0, 2)).toEqual([
      'rank,title,community,score,comments,category,posted_utc,url,gained_points,over_minutes',
      '1,I shrank a transformer until every number fitted on the screen and made the weights editable [R],MachineLearning,115,33,Research,2026-06-28T12:35:42.157Z,https://www.reddit.com/r/MachineLearning/comments/1uhw7fu/i_shrank_a_transformer_until_every_number_fitted/,,',
    ]);

    await openExportMenu(popup);
    const [backup] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export backup' }).click()]);
    const dir = mkdtempSync(join(tmpdir(), 'rtr-report-'));
    writeFileSync(join(dir, 'backup.json'), readFileSync((await backup.path())!));
    const cli = execFileSync('node_modules/.bin/tsx', ['scripts/report.ts', '--input', join(dir, 'backup.json'), '--at', '2026-06-28'], { encoding: 'utf8' });
    expect(cli).toBe(markdown);

    // Chromium grants no clipboard-read to extension origins in tests: record what the page writes.
    await popup.evaluate(() => {
      const w = window as unknown as { copied?: string };
      navigator.clipboard.writeText = async (text: string) => void (w.copied = text);
    });
    await openExportMenu(popup);
    await popup.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => popup.getByTestId('actionbar').locator(':scope > [role=status]').textContent()).toBe('Report copied to the clipboard.');
    expect(await popup.evaluate(() => (window as unknown as { copied?: string }).copied)).toBe(markdown);
  });
});

describe.runIf(canRunBrowser)('posts captured, none tracked', () => {
  test('the popup says why the tables are empty and offers the fixes in one click', async () => {
    const hh = await launch();
    try {
      const reddit = await hh.context.newPage();
      await reddit.goto(hh.url(ROUTES.oldListing!));
      const p = await extensionPage(hh);
      await waitForDb(p, (d) => d.posts.length === 27, 'r/Python captured');
      const state = p.getByTestId('untracked-state');
      await expect.poll(() => state.count(), { timeout: 15_000 }).toBe(1);
      expect(await state.locator('p').first().textContent()).toBe(
        '27 posts are captured, but none from a tracked community, so the tables are empty. Track the communities you read, or count every community:',
      );
      await state.getByRole('button', { name: 'Track r/Python (27)' }).click();
      // Tracked now, but the page is from 2024: the popup says that, not "nothing captured".
      await expect.poll(() => state.locator('h2').textContent()).toBe('Nothing from the last 30 days');
      expect(await state.locator('p').first().textContent()).toMatch(/^Your 27 posts of tracked communities were all created more than 30 days ago/);
    } finally {
      await hh.close();
    }
  });
});
