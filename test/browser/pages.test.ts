/**
 * Every page at its real size, light and dark, with the sample data: nothing scrolls sideways, body
 * text is 13 px or more and no text under 11 px, no raw Markdown shows, and each page is screenshotted
 * for README (`npm run screenshots`), to be looked at.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowser, extensionPage, launch, SCREENSHOTS, stopServiceWorker, type Harness } from './harness';

let h: Harness;

async function measure(page: Page) {
  return page.evaluate(() => {
    const sizes: number[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim() || !n.parentElement || !n.parentElement.getClientRects().length) continue;
      sizes.push(parseFloat(getComputedStyle(n.parentElement).fontSize));
    }
    // Each top post's title: how many of its characters show (inside the box that clips it, and the window).
    const titles = [...document.querySelectorAll<HTMLElement>('td.title a, .pl-title, .story-title')].slice(0, 10).map((el) => {
      let clip: Element | null = el;
      while (clip && getComputedStyle(clip).overflow === 'visible') clip = clip.parentElement;
      const box = (clip ?? document.documentElement).getBoundingClientRect();
      const range = document.createRange();
      let shown = 0;
      let length = 0;
      let last = false;
      const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = texts.nextNode(); t; t = texts.nextNode())
        for (let i = 0; i < t.textContent!.length; i++) {
          length++;
          range.setStart(t, i);
          range.setEnd(t, i + 1);
          const r = range.getBoundingClientRect();
          // A space where the line wraps has no width: it shows when the character before it does.
          const inside = r.width > 0 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.right <= innerWidth;
          last = /\s/.test(t.textContent![i]!) && r.width === 0 ? last : inside;
          if (last) shown++;
        }
      return { title: el.textContent, shown, length };
    });
    // Scroll areas inside the page (the popup had two nested ones that cut off its buttons).
    const scrollers = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1).length;
    return {
      scrollers,
      titles,
      sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      body: parseFloat(getComputedStyle(document.body).fontSize),
      smallest: Math.min(...sizes),
      rawMarkdown: document.body.innerText.includes(']('),
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
}

const PAGES = [
  { name: 'popup', path: 'popup.html', sizes: [{ width: 800, height: 600 }] },
  { name: 'sidebar', path: 'sidepanel.html', sizes: [{ width: 320, height: 800 }, { width: 400, height: 800 }] },
  { name: 'report', path: 'report.html', sizes: [{ width: 1280, height: 900 }] },
  { name: 'options', path: 'options.html', sizes: [{ width: 900, height: 900 }] },
] as const;

describe.runIf(canRunBrowser)('pages at their real sizes, light and dark', () => {
  beforeAll(async () => {
    h = await launch();
    const popup = await extensionPage(h);
    await popup.getByTestId('load-sample').click();
    await popup.locator('[role=tabpanel] tbody tr').nth(9).waitFor({ timeout: 15_000 });
    await popup.close();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const scheme of ['light', 'dark'] as const)
    for (const p of PAGES)
      for (const size of p.sizes)
        test(`${p.name} at ${size.width} px, ${scheme}`, async () => {
          const page = await h.context.newPage();
          await page.emulateMedia({ colorScheme: scheme });
          await page.setViewportSize(size);
          await page.goto(`chrome-extension://${h.extensionId}/${p.path}`);
          await page.waitForLoadState('networkidle');
          if (p.name === 'report') {
            await expect.poll(() => page.getByTestId('section-today').count(), { timeout: 15_000 }).toBe(1);
            // The names the analysis mentions, each with its posts over 30 days where it mentions them: as a
            // figure while they fall on fewer than three days (bars of one day say nothing).
            const charts = page.getByTestId('section-today').locator('.name-charts [aria-label]');
            await expect.poll(() => charts.evaluateAll((els) => els.map((s) => s.getAttribute('aria-label')))).toEqual(['llama.cpp: 2 posts today', 'EGGROLL: 2 posts today']);
          }
          const m = await measure(page);
          expect(m.sideways).toBe(false);
          expect(m.body).toBeGreaterThanOrEqual(13);
          expect(m.smallest).toBeGreaterThanOrEqual(11);
          expect(m.rawMarkdown).toBe(false);
          // One scroll area: the page's own.
          expect(m.scrollers).toBe(0);
          // Each top post's title is readable: 40 characters or more, or the whole of it.
          if (p.name !== 'options') {
            expect(m.titles.length).toBeGreaterThan(0);
            for (const t of m.titles) expect(t.shown, t.title!).toBeGreaterThanOrEqual(Math.min(40, t.length));
          }
          // Dark is dark: the page's background follows the system.
          expect(m.background).toBe(scheme === 'dark' ? 'rgb(26, 26, 27)' : 'rgb(255, 255, 255)');
          await page.screenshot({ path: `${SCREENSHOTS}/${p.name}-${size.width}-${scheme}.png` });
          if (p.name === 'sidebar') {
            // Search at the side panel's width: results as a list, nothing sideways.
            await page.locator('.sidebar-search > summary').click();
            await page.getByTestId('search-input').fill('eggroll');
            await expect.poll(() => page.getByTestId('search-results').locator('li').count(), { timeout: 15_000 }).toBe(2);
            expect(await page.getByTestId('search-results').locator('.pill').allTextContents()).toEqual(['sample', 'sample']);
            const after = await measure(page);
            expect([after.sideways, after.scrollers, after.smallest >= 11]).toEqual([false, 0, true]);
            await page.screenshot({ path: `${SCREENSHOTS}/sidebar-search-${size.width}-${scheme}.png` });
          }
          await page.close();
        });
});

describe.runIf(canRunBrowser)('first run', () => {
  test('after install, a welcome page opens once: what it does, that nothing leaves the browser, three steps, the sample', async () => {
    const hh = await launch();
    try {
      const welcomeUrl = `chrome-extension://${hh.extensionId}/welcome.html`;
      await expect.poll(() => hh.context.pages().filter((p) => p.url() === welcomeUrl).length, { timeout: 15_000 }).toBe(1);
      const page = hh.context.pages().find((p) => p.url() === welcomeUrl)!;
      await page.getByTestId('welcome').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Welcome to Reddit Trend Radar');
      expect(await page.getByTestId('welcome').textContent()).toContain('Nothing leaves your browser');
      expect(await page.locator('ol > li').count()).toBe(3);
      await page.getByTestId('welcome-sample').click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Sample data loaded: click the toolbar icon to see it.');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: `${SCREENSHOTS}/welcome.png` });
      // A worker restart is no install: no second welcome page.
      await stopServiceWorker(page);
      const popup = await extensionPage(hh);
      await popup.getByRole('tab', { name: /^Today/ }).waitFor();
      expect(hh.context.pages().filter((p) => p.url() === welcomeUrl)).toHaveLength(1);
    } finally {
      await hh.close();
    }
  });
});
