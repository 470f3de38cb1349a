/**
 * Security and privacy in real Chromium: hostile text is inert in every page; the extension makes no
 * request of its own while capturing, ranking and exporting; the worker stopped right after a batch
 * loses nothing; every permission the manifest asks for is used.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowser, EXTENSION_DIR, extensionPage, launch, readDb, ROUTES, stopServiceWorker, waitForDb, type Harness, type Route, openExportMenu } from './harness';
import { fixturePath } from '../support/fixtures';
import { HOSTILE } from '../support/hostile';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const created = () => new Date(Date.now() - 3_600_000).toISOString().replace('Z', '000+0000');
const hostileRoute = (): Route => ({
  host: 'www.reddit.com',
  path: '/r/LocalLLaMA/',
  html: `<!doctype html><html><body><shreddit-app routename="subreddit" pagetype="community"><shreddit-feed><faceplate-batch><article>
    <shreddit-post id="t3_h0st1le" permalink="/r/LocalLLaMA/comments/h0st1le/x/" post-title="${esc(HOSTILE.title)}" score="900" comment-count="77"
      created-timestamp="${created()}" author="mallory" subreddit-name="LocalLLaMA" view-context="SubredditFeed" content-href="javascript:alert(10)">
      <shreddit-post-flair slot="post-flair"><div>${esc(HOSTILE.flair)}</div></shreddit-post-flair>
    </shreddit-post></article></faceplate-batch></shreddit-feed></shreddit-app></body></html>`,
});

/** Fails the test on any dialog (alert, confirm) an injected script would open. */
function guard(page: Page, dialogs: string[]) {
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}
async function inert(page: Page) {
  return page.evaluate(() => ({
    injected: document.querySelectorAll('#root script, #root iframe, #root img, #root [onerror], #root [onload], #root [onmouseover]').length,
    links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !/^https:\/\/www\.reddit\.com\//.test(h)),
  }));
}

describe.runIf(canRunBrowser)('security and privacy', () => {
  let h: Harness;
  const dialogs: string[] = [];
  beforeAll(async () => {
    h = await launch({ extraRoutes: [hostileRoute()] });
  });
  afterAll(async () => {
    await h?.close();
  });

  test("a page script cannot switch capture off with WXT's start event, nor learn the extension id", async () => {
    const page = await h.context.newPage();
    // The page's own script listens to every message before anything loads.
    await page.addInitScript(() => {
      (window as unknown as { seen: string[] }).seen = [];
      window.addEventListener('message', (e) => (window as unknown as { seen: string[] }).seen.push(JSON.stringify(e.data)));
    });
    const db = await extensionPage(h);
    await page.goto(h.url(ROUTES.newListing!));
    await waitForDb(db, (d) => d.posts.some((p) => p.id === 't3_1uhw7fu'), 'the listing');
    // The page replays the announcement a newer copy of our content script would make.
    const replayed = await page.evaluate((id) => {
      for (const name of [`${id}:reddit:wxt:content-script-started`, `${id}:reddit.content:wxt:content-script-started`])
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'reddit', messageId: 'page' } }));
      return (window as unknown as { seen: string[] }).seen;
    }, h.extensionId);
    expect(replayed.filter((m) => m.includes(h.extensionId))).toEqual([]);
    // Capture goes on: posts appended afterwards are stored.
    await page.evaluate(() => {
      const batch = document.createElement('faceplate-batch');
      const created = new Date(Date.now() - 3_600_000).toISOString().replace('Z', '000+0000');
      batch.innerHTML = `<article><shreddit-post id="t3_afterev" permalink="/r/MachineLearning/comments/afterev/s/" post-title="After the event" score="5" comment-count="1" created-timestamp="${created}" author="t" subreddit-name="MachineLearning" view-context="SubredditFeed"></shreddit-post></article>`;
      document.querySelector('shreddit-feed')!.append(batch);
    });
    await waitForDb(db, (d) => d.posts.some((p) => p.id === 't3_afterev'), 'a post appended after the replayed event');
    await page.close();
  });

  test('hostile text is inert in the popup, the sidebar, the report page and the export', async () => {
    const reddit = await h.context.newPage();
    guard(reddit, dialogs);
    const db = await extensionPage(h);
    await reddit.goto('https://www.reddit.com/r/LocalLLaMA/');
    await waitForDb(db, (d) => d.posts.some((p) => p.id === 't3_h0st1le'), 'the hostile post');
    const stored = (await readDb(db)).posts.find((p) => p.id === 't3_h0st1le')!;
    // A javascript: content-href is not a URL we keep: the post links to its permalink.
    expect(stored.url).toBe('https://www.reddit.com/r/LocalLLaMA/comments/h0st1le/x/');
    const shownTitle = 'Pwn <script>alert(1)</script> <img src=x onerror=alert(2)> | col | [click](javascript:alert(3)) gnp.exe next';
    for (const path of ['popup.html', 'report.html', 'sidepanel.html']) {
      const page = await extensionPage(h, path);
      guard(page, dialogs);
      if (path === 'sidepanel.html') await reddit.bringToFront();
      await expect.poll(() => page.getByText(shownTitle, { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await inert(page)).toEqual({ injected: 0, links: [] });
      if (path === 'popup.html') {
        // Found by search: the title and the marked snippet are text too.
        await page.getByTestId('search-input').fill('onerror');
        await expect.poll(() => page.locator('[data-result-id="t3_h0st1le"]').count(), { timeout: 15_000 }).toBe(1);
        expect(await page.locator('[data-result-id="t3_h0st1le"] .sr-title').textContent()).toBe(shownTitle);
        expect(await inert(page)).toEqual({ injected: 0, links: [] });
        await page.getByTestId('search-input').fill('');
        await openExportMenu(page);
        const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
        const text = readFileSync((await md.path())!, 'utf8');
        // Escaped first, then cut at 57 characters (an entity counts whole, and is never split).
        expect(text).toContain('| [Pwn &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x o...](https://www.reddit.com/comments/h0st1le) |');
        expect(text).toContain('| x &#124; y &lt;b onmouseover=alert(4)&gt; |');
        expect(text).not.toMatch(/<script|<img|(?<!\\)\]\(javascript:/i);
      }
    }
    await reddit.waitForTimeout(500);
    expect(dialogs).toEqual([]);
  });

  test('a tab closed right after a scroll while the worker sleeps: its batches are stored when the worker wakes', async () => {
    const reddit = await h.context.newPage();
    const db = await extensionPage(h);
    await reddit.goto(h.url(ROUTES.newListing!));
    await waitForDb(db, (d) => d.posts.filter((p) => p.subreddit === 'MachineLearning').length >= 50, 'the listing');
    await db.close();
    // The worker sleeps (as Chrome stops it when idle); the user scrolls 100 posts in and closes the tab.
    await stopServiceWorker(reddit);
    const ids = Array.from({ length: 100 }, (_, i) => `t3_zzclose${String(i).padStart(2, '0')}`);
    await reddit.evaluate((list) => {
      const batch = document.createElement('faceplate-batch');
      batch.innerHTML = list.map((id) => `<article><shreddit-post id="${id}" permalink="/r/MachineLearning/comments/${id.slice(3)}/s/" post-title="Close ${id}" score="3" comment-count="1" created-timestamp="2026-07-10T08:00:00.000000+0000" author="t" subreddit-name="MachineLearning"></shreddit-post></article>`).join('');
      document.querySelector('shreddit-feed')!.append(batch);
    }, ids);
    await reddit.close({ runBeforeUnload: false });
    // Later, anything wakes the worker (here: opening the popup); every post is there, each once.
    const later = await extensionPage(h);
    const d = await waitForDb(later, (x) => ids.every((id) => x.posts.some((p) => p.id === id)), 'the 100 posts of the closed tab', 30_000);
    for (const id of ids) expect(d.sightings.filter((s) => s.postId === id)).toHaveLength(1);
    const left = await later.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null)).filter((k) => k.startsWith('pending-batch:')));
    expect(left).toEqual([]);
    await later.close();
  });

  test('the worker stopped right after a batch was sent: every post stored, each once', async () => {
    const reddit = await h.context.newPage();
    const db = await extensionPage(h);
    await reddit.goto(h.url(ROUTES.newListing!));
    await waitForDb(db, (d) => d.posts.filter((p) => p.subreddit === 'MachineLearning').length >= 50, 'the listing');
    const ids = Array.from({ length: 25 }, (_, i) => `t3_zzstop${String(i).padStart(2, '0')}`);
    await reddit.evaluate((list) => {
      const batch = document.createElement('faceplate-batch');
      batch.innerHTML = list.map((id) => `<article><shreddit-post id="${id}" permalink="/r/MachineLearning/comments/${id.slice(3)}/s/" post-title="Stop ${id}" score="3" comment-count="1" created-timestamp="2026-07-10T08:00:00.000000+0000" author="t" subreddit-name="MachineLearning"></shreddit-post></article>`).join('');
      document.querySelector('shreddit-feed')!.append(batch);
    }, ids);
    // 25 posts go at once (no delay): stop the worker while that batch is on its way or being written.
    await stopServiceWorker(reddit);
    const d = await waitForDb(db, (x) => ids.every((id) => x.posts.some((p) => p.id === id)), 'posts sent as the worker stopped', 40_000);
    for (const id of ids) expect(d.sightings.filter((s) => s.postId === id)).toHaveLength(1);
  });

  test('no request of its own: capturing, ranking, exporting, the report page and the sidebar', async () => {
    const reddit = await h.context.newPage();
    for (const route of [ROUTES.oldListing!, ROUTES.newPost!, ROUTES.newSearch!]) await reddit.goto(h.url(route));
    const popup = await extensionPage(h);
    await openExportMenu(popup);
    await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export backup' }).click()]);
    await openExportMenu(popup);
    await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export Markdown' }).click()]);
    const report = await extensionPage(h, 'report.html');
    await report.getByTestId('section-today').waitFor();
    await extensionPage(h, 'sidepanel.html');
    await extensionPage(h, 'options.html');
    await reddit.waitForTimeout(1000);
    const own = h.recorded.filter((r) => r.fromServiceWorker || r.frame?.startsWith('chrome-extension://'));
    expect(own.length).toBeGreaterThan(5); // the pages' own files were seen…
    expect(own.filter((r) => !/^(chrome-extension|blob|data):/.test(r.url)).map((r) => r.url)).toEqual([]); // …and nothing else
    // What Reddit's pages loaded is theirs: hosts their own HTML names (here unreachable), or reddit.com.
    const named = new Set<string>(['www.reddit.com', 'old.reddit.com']);
    for (const f of readdirSync(join(fixturePath('.'))).filter((f) => f.endsWith('.html')))
      for (const m of readFileSync(fixturePath(f), 'utf8').matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) named.add(m[1]!.toLowerCase());
    const pageHosts = h.recorded.filter((r) => !r.fromServiceWorker && !r.frame?.startsWith('chrome-extension://') && /^https?:/.test(r.url)).map((r) => new URL(r.url).hostname);
    expect([...new Set(pageHosts)].filter((host) => !named.has(host))).toEqual([]);
  });

  test('the browser discards the database: the popup offers the automatic backup, and one click restores it', async () => {
    const reddit = await h.context.newPage();
    const db = await extensionPage(h);
    await reddit.goto(h.url(ROUTES.newListing!));
    const before = await waitForDb(db, (d) => d.posts.filter((p) => p.subreddit === 'MachineLearning').length >= 50, 'the listing');
    const ids = before.posts.filter((p) => p.sample === 0).map((p) => p.id as string).sort();
    await reddit.close();
    // A backup: Options' Back up now runs the same code as the background's weekly alarm (autoBackup).
    const options = await extensionPage(h, 'options.html');
    await options.getByTestId('backup-now').click();
    await expect.poll(() => options.getByTestId('auto-backups').locator('li').count(), { timeout: 15_000 }).toBe(1);
    expect(await options.getByTestId('auto-backups').locator('li').first().textContent()).toContain(`${ids.length} posts`);
    await options.close();
    // The database goes away under the running extension (as Chromium's recovery of a damaged store does).
    const deleted = await db.evaluate(() => new Promise<string>((ok) => {
      const r = indexedDB.deleteDatabase('reddit-trend-radar');
      r.onsuccess = () => ok('deleted');
      r.onerror = () => ok(`error ${r.error}`);
    }));
    expect(deleted).toBe('deleted');
    expect((await readDb(db)).posts).toEqual([]);
    // Opening the popup: the offer, then the restore.
    const popup = await extensionPage(h, 'popup.html');
    await expect.poll(() => popup.getByTestId('restore-offer').count(), { timeout: 15_000 }).toBe(1);
    expect(await popup.getByTestId('restore-offer').textContent()).toContain(`holds ${ids.length} posts`);
    await popup.getByTestId('restore-backup').click();
    const after = await waitForDb(db, (d) => d.posts.length >= ids.length, 'the restored posts');
    expect(after.posts.map((p) => p.id as string).sort()).toEqual(ids);
    await expect.poll(() => popup.getByTestId('restore-offer').count(), { timeout: 15_000 }).toBe(0);
    await popup.close();
    await db.close();
  });

  test('permissions: each one the manifest asks for is used, and no host beyond reddit.com', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const code = ['background.js', ...readdirSync(join(EXTENSION_DIR, 'chunks')).map((f) => `chunks/${f}`)]
      .filter((f) => f.endsWith('.js') && !f.includes('lib-'))
      .map((f) => readFileSync(join(EXTENSION_DIR, f), 'utf8'))
      .join('\n');
    const use: Record<string, RegExp> = {
      storage: /storage\.(local|session)/,
      alarms: /\.alarms\.(create|onAlarm)/,
      scripting: /scripting\.executeScript/,
      contextMenus: /contextMenus\.(create|onClicked)/,
      sidePanel: /sidePanel/,
    };
    for (const p of manifest.permissions) {
      if (p === 'unlimitedStorage') continue; // no API: it lifts IndexedDB's quota (README "Privacy and permissions")
      expect(use[p], `a use for "${p}"`).toBeDefined();
      expect(code, p).toMatch(use[p]!);
    }
    expect(manifest.host_permissions).toEqual(['*://*.reddit.com/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    // Notifications only when a watch asks for alerts: optional, requested, used.
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(code).toMatch(/notifications\.create/);
    expect(code).toMatch(/permissions\.request/);
    expect(readFileSync('README.md', 'utf8')).toMatch(/`unlimitedStorage`/);
  });
});
