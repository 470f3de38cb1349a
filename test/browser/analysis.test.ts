/**
 * The analysis in real Chromium. The test build (RTR_TEST=1) swaps WebLLM for the fake engine, which
 * streams an answer with made-up links and numbers; a software WebGPU adapter (SwiftShader) stands in
 * for a GPU. The production build is checked for the no-GPU paths.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowser, EXTENSION_DIR, extensionPage, launch, ROUTES, SCREENSHOTS, TEST_EXTENSION_DIR, waitForDb, type Harness } from './harness';

const MODEL = 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC';
const SECTIONS = ['today', 'weekly', 'monthly', 'deepDive', 'communities'];
const runTestBuild = canRunBrowser && (!!process.env.CI || existsSync(join(TEST_EXTENSION_DIR, 'manifest.json')));
const sources = (page: Page) => Promise.all(SECTIONS.map((s) => page.getByTestId(`section-${s}`).getAttribute('data-source')));

async function captured(h: Harness): Promise<void> {
  const reddit = await h.context.newPage();
  const db = await extensionPage(h);
  // As a reader would: the listing is read before moving on to a post.
  await reddit.goto(h.url(ROUTES.newListing!));
  await waitForDb(db, (d) => d.posts.length >= 50, 'the listing');
  await reddit.goto(h.url(ROUTES.newPost!));
  await waitForDb(db, (d) => d.posts.length >= 51 && d.comments.length >= 15, 'captures');
  await db.close();
  await reddit.close();
}

describe.runIf(runTestBuild)('the analysis with a (fake) model', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await launch({ extensionDir: TEST_EXTENSION_DIR, args: ['--enable-unsafe-webgpu'] });
    await captured(h);
    page = await extensionPage(h, 'report.html?date=2026-06-28');
  });
  afterAll(async () => {
    await h?.close();
  });

  test('the first use asks before downloading, saying how large the download is', async () => {
    const consent = page.getByTestId('consent');
    await expect.poll(() => consent.isVisible()).toBe(true);
    expect(await consent.textContent()).toMatch(/Qwen2\.5-1\.5B-Instruct \(q4f32_1\) runs on your GPU .* downloads about 900 MB of weights .* about 1\.9 GB of GPU memory/);
    expect(await sources(page)).toEqual(Array(5).fill('offline analyser'));
  });

  test('after consent: a progress bar, then every section streams in, grounded', async () => {
    await page.getByRole('button', { name: 'Download and generate' }).click();
    // Streaming: a section shows "writing…" with part of its text before it is final.
    await expect.poll(() => page.getByText('writing…').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const partial = await page.getByTestId('section-today').locator('.md').textContent();
    await expect.poll(() => sources(page), { timeout: 30_000 }).toEqual(Array(5).fill(MODEL));
    await expect.poll(() => page.getByText('writing…').count()).toBe(0);
    const today = await page.getByTestId('section-today').locator('.md').textContent();
    expect(today!.startsWith(partial!.replace(/…$/, '').slice(0, 10))).toBe(true);
    const html = await page.locator('.analysis').innerHTML();
    expect(html).not.toMatch(/evil\.example|zzzzzz9|99999/);
    // The one real link points at a post of the section's input, with the data's numbers.
    expect(await page.getByTestId('section-today').locator('a').getAttribute('href')).toBe('https://www.reddit.com/comments/1uhw7fu');
    expect(today).toContain('(Score: 115, Comments: 33)');
  });

  test('the export says which wrote each section and has no made-up link', async () => {
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
    const text = readFileSync((await md.path())!, 'utf8');
    expect(text.match(/\*Written by: (.*)\*/g)).toEqual(Array(5).fill(`*Written by: ${MODEL}*`));
    expect(text).not.toMatch(/evil\.example|zzzzzz9|99999/);
    expect(text).toContain("### Today's Highlights\n\nThe community converged on one story ([the top post](https://www.reddit.com/comments/1uhw7fu) (Score: 115, Comments: 33)).");
  });

  test('reopening is served from the cache at once', async () => {
    const again = await extensionPage(h, 'report.html?date=2026-06-28');
    await expect.poll(() => sources(again)).toEqual(Array(5).fill(MODEL));
    expect(await again.getByText('from cache').count()).toBe(5);
    // The popup shows the cached analysis too, and offers the full report.
    const popup = await extensionPage(h);
    await popup.getByTestId('report-date').fill('2026-06-28');
    await popup.getByRole('tab', { name: 'Analysis' }).click();
    await expect.poll(() => popup.locator('.popup-analysis').textContent()).toContain(`Written by ${MODEL} (cached).`);
    await again.close();
    await popup.close();
  });

  test('Stop interrupts the stream; the unwritten sections come from the offline analyser', async () => {
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => page.getByText('writing…').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId('stop').click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Stopped.' }).count()).toBe(1);
    expect(await sources(page)).toEqual(Array(5).fill('offline analyser'));
    expect(await page.getByText('writing…').count()).toBe(0);
  });
});

describe.runIf(canRunBrowser)('no GPU: the offline analysis, with a note saying why', () => {
  for (const [label, args, reason] of [
    ['no WebGPU adapter', [], /^No model: (WebGPU found no GPU adapter|this browser has no WebGPU)\. The analysis comes from the offline analyser\.$/],
    ['only a software adapter', ['--enable-unsafe-webgpu'], /^No model: only a software \(CPU\) WebGPU adapter is available, far too slow for a language model\./],
  ] as const) {
    test(label, async () => {
      const h = await launch({ args: [...args] });
      try {
        await captured(h);
        const page = await extensionPage(h, 'report.html?date=2026-06-28');
        await expect.poll(() => page.getByTestId('offline-note').textContent(), { timeout: 15_000 }).toMatch(reason);
        expect(await sources(page)).toEqual(Array(5).fill('offline analyser'));
        expect(await page.getByTestId('generate').count()).toBe(0);
        expect(await page.getByTestId('section-deepDive').textContent()).toMatch(/the most discussed story of the day/i);
        // No raw Markdown in the page: titles with brackets ("[D]") are links with their own text.
        expect(await page.locator('body').innerText()).not.toContain('](');
        if (!args.length) {
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.screenshot({ path: SCREENSHOTS + '/report.png', fullPage: true });
        }
        // web-llm was never loaded.
        expect(h.requests.filter((u) => /lib-|webllm/.test(u))).toEqual([]);
        if (args.length) return;
        // A post's TL;DR, offline: its key sentences and what its top comments do; and its export.
        const post = await extensionPage(h, 'report.html?post=t3_1un6v9c');
        const tldr = post.locator('.post-tools');
        await expect.poll(() => tldr.textContent()).toContain('Ollama crossed 52M monthly downloads, added ollama launch');
        expect(await tldr.textContent()).toContain('u/KnodulesAintHeavy (13 points) pushes back: Thanks but I’ll believe numbers');
        const [file] = await Promise.all([post.waitForEvent('download'), post.getByRole('button', { name: 'Export post' }).click()]);
        const text = readFileSync((await file.path())!, 'utf8');
        expect(text.split('\n').slice(0, 6)).toEqual([
          'Post Title: This week in AI: GPT-5.6, Gemini 3.5 Flash, Claude Science, and a Qwen price war — inference cost is collapsing across every tier at once',
          'Author: ksraj1001',
          'Score: 51',
          'URL: https://www.reddit.com/r/artificial/comments/1un6v9c/this_week_in_ai_gpt56_gemini_35_flash_claude/',
          'Number of comments: 22',
          `Created UTC: ${Date.parse('2026-07-04T11:39:19.241Z') / 1000}`,
        ]);
        expect(text).toContain('Top 5 comments:\n\nComment 1:\nAuthor: KnodulesAintHeavy\nScore: 13\n');
        // A period review of r/MachineLearning in June 2026, offline: themes citing upvotes and authors.
        await post.locator('.review input[type=date]').first().fill('2026-06-01');
        await post.locator('.review input[type=date]').nth(1).fill('2026-06-30');
        await post.locator('.review input[list]').fill('MachineLearning');
        await post.getByRole('button', { name: 'Review offline' }).click();
        await expect.poll(() => post.locator('.review .md').textContent()).toContain('(471 upvotes, by u/');
      } finally {
        await h.close();
      }
    });
  }
});

describe.runIf(canRunBrowser)("WebLLM's WebAssembly modules, files beside its worker (scripts/webllm-wasm.ts)", () => {
  test('each name the worker holds is read the way its loader reads it, and compiles', async () => {
    const assets = join(EXTENSION_DIR, 'assets');
    const [worker] = readdirSync(assets).filter((f) => /^webllm-worker-.*\.js$/.test(f));
    const text = readFileSync(join(assets, worker!), 'utf8');
    // No module is inlined any more (a WebAssembly module starts "\0asm": AGFzbQ in base64).
    expect(text).not.toContain('base64,AGFzbQ');
    const names = [...text.matchAll(/=`(webllm-module-[\w-]+\.wasm)`;/g)].map((m) => m[1]!);
    expect(names).toHaveLength(2);
    const h = await launch();
    try {
      const page = await extensionPage(h, 'popup.html');
      // The worker itself, started as the WebLLM adapter starts it; in it, Emscripten's locateFile (the
      // worker script's folder + the name) and readBinary (a synchronous XMLHttpRequest for an
      // ArrayBuffer), then the compile its instantiate does.
      const [started] = await Promise.all([
        page.waitForEvent('worker'),
        page.evaluate((w) => void new Worker(new URL(`assets/${w}`, location.href), { type: 'module' }), worker!),
      ]);
      const read = await started.evaluate(async (names) => {
        const out: { bytes: number; exports: number }[] = [];
        for (const name of names) {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', self.location.href.slice(0, self.location.href.lastIndexOf('/') + 1) + name, false);
          xhr.responseType = 'arraybuffer';
          xhr.send(null);
          const module = await WebAssembly.compile(new Uint8Array(xhr.response as ArrayBuffer));
          out.push({ bytes: (xhr.response as ArrayBuffer).byteLength, exports: WebAssembly.Module.exports(module).length });
        }
        return out;
      }, names);
      expect(read.map((r) => r.bytes)).toEqual(names.map((n) => statSync(join(assets, n)).size));
      for (const r of read) expect(r.exports).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  });
});

describe.runIf(canRunBrowser)('a Chinese report (Options → Report language)', () => {
  test('the report page writes the analysis in Chinese, and the export is the Chinese edition', async () => {
    const h = await launch();
    try {
      await captured(h);
      const options = await extensionPage(h, 'options.html');
      await options.getByTestId('report-language').selectOption('zh');
      await expect.poll(() => options.getByTestId('report-language').inputValue()).toBe('zh');
      expect(await options.locator('section[aria-labelledby="reports-h"]').textContent()).toContain("Chrome's built-in model writes only English, German, Spanish, French and Japanese");
      const page = await extensionPage(h, 'report.html?date=2026-06-28');
      await expect.poll(() => page.getByTestId('section-today').locator('h3').textContent(), { timeout: 15_000 }).toBe('今日焦点');
      expect(await page.getByTestId('section-deepDive').textContent()).toContain('今日讨论最多的话题');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: SCREENSHOTS + '/report-zh.png' });
      const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
      expect(md.suggestedFilename()).toBe('reddit-trend-report-2026-06-28_zh.md');
      const text = readFileSync((await md.path())!, 'utf8');
      expect(text.split('\n')[0]).toBe('# Reddit AI 趋势报告 - 2026-06-28');
      expect(text.match(/^## .*$/gm)).toEqual(['## 今日热门帖子', '## 本周热门帖子', '## 本月热门帖子', '## 各社区本周热门帖子', '## 趋势分析']);
      expect(text.match(/\*撰写：(.*)\*/g)).toEqual(Array(5).fill('*撰写：离线分析器*'));
      // The tables keep the series' English columns.
      expect(text).toContain('| # | Title | Community | Score | Comments | Category | Posted |');
    } finally {
      await h.close();
    }
  });
});
