#!/usr/bin/env node
/**
 * `npm start`: builds the Chrome extension and opens Chromium with it loaded, on Reddit. On a machine
 * with no display it builds `.output/chrome-mv3` and says how to load it by hand.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const dir = resolve('.output/chrome-mv3');
const browser = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

if (!browser || !hasDisplay) {
  console.log(`
Built the extension in ${dir}
${!hasDisplay ? 'No display here, so no browser was opened.' : 'No Chromium or Chrome found to open.'} To load it by hand:
  1. Open chrome://extensions and switch on "Developer mode".
  2. Click "Load unpacked" and choose ${dir}
  3. Browse Reddit; click the toolbar icon to see what was captured.
Firefox: npm run build:firefox, then about:debugging → "Load Temporary Add-on" → .output/firefox-mv3/manifest.json`);
  process.exit(0);
}
const profile = resolve('.tmp/start-profile');
mkdirSync(profile, { recursive: true });
console.log(`Opening ${browser} with the extension from ${dir} (profile in ${profile})`);
spawn(browser, [`--user-data-dir=${profile}`, `--load-extension=${dir}`, '--no-first-run', 'https://www.reddit.com/r/LocalLLaMA/'], {
  stdio: 'ignore',
  detached: true,
}).unref();
