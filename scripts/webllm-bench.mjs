#!/usr/bin/env node
/**
 * Records a real model's load time and tokens per second, from WebLLM's usage figures, on a machine
 * with a GPU and network access to WebLLM's model hosts:
 *
 *   RTR_BENCH=1 npx wxt build && node scripts/webllm-bench.mjs [--model Qwen2.5-1.5B-Instruct-q4f16_1-MLC] [--tokens 256] [--headed]
 *
 * It starts Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with the built extension and WebGPU on,
 * opens the extension's bench page, and prints one JSON line. The first run downloads the weights (they
 * stay in the profile's cache, .tmp/bench-profile), so run it twice: the second load time is the cached one.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({ options: { model: { type: 'string' }, tokens: { type: 'string' }, headed: { type: 'boolean' } } });
// The benchmark build: the production build plus the bench page (never part of what users install).
const dir = resolve('.output-bench/chrome-mv3');
const profile = resolve('.tmp/bench-profile');
mkdirSync(profile, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: !values.headed,
  args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--no-first-run'],
});
try {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  page.on('console', (m) => process.stderr.write(`[page] ${m.text()}\n`));
  const model = values.model ?? 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC';
  await page.goto(`chrome-extension://${id}/bench.html?model=${encodeURIComponent(model)}&tokens=${values.tokens ?? 256}`);
  const status = setInterval(async () => process.stderr.write(`${await page.locator('#status').textContent().catch(() => '')}\n`), 5000);
  await page.waitForFunction(() => document.getElementById('result')?.textContent, null, { timeout: 30 * 60_000 });
  clearInterval(status);
  console.log(await page.locator('#result').textContent());
} finally {
  await context.close();
}
