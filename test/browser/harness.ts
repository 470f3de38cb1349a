/**
 * Real-browser harness: the built extension in /usr/bin/chromium through playwright-core, Reddit's hosts
 * mapped to a local HTTPS server (certificate made here, at test time) that serves the fixture pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { fixturePath } from '../support/fixtures';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(process.env.RTR_EXTENSION_DIR ?? '.output/chrome-mv3');
/** Browser tests run in CI always; elsewhere only where a browser and a build exist. */
export const canRunBrowser = !!process.env.CI || (existsSync(CHROMIUM) && existsSync(join(EXTENSION_DIR, 'manifest.json')));

export interface Route {
  host: 'www.reddit.com' | 'old.reddit.com';
  path: string;
  /** A fixture file name, or inline HTML. */
  file?: string;
  html?: string;
  type?: string;
}

/**
 * The charset parameter to serve a page with: UTF-8 when its bytes are UTF-8 (as Reddit serves), else
 * none, so the browser reads the page's own <meta charset> or falls back to windows-1252, as it would for
 * a page saved that way.
 */
function charsetParam(bytes: Buffer): string {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return '; charset=utf-8';
  } catch {
    return '';
  }
}

/** A hand-made page from test/fixtures/, served as the route's HTML. */
const handMade = (file: string) => readFileSync(resolve('test/fixtures', file), 'utf8');

export const ROUTES: Record<string, Route> = {
  newListing: { host: 'www.reddit.com', path: '/r/MachineLearning/', file: 'new-listing-r-machinelearning-2026.html' },
  newPost: { host: 'www.reddit.com', path: '/r/artificial/comments/1un6v9c/this_week_in_ai_gpt56_gemini_35_flash_claude/', file: 'new-post-r-artificial-2026-with-comments.html' },
  newLazyPost: { host: 'www.reddit.com', path: '/r/denvernuggets/comments/1crsv3o/game_thread/', file: 'new-post-r-denvernuggets-2024-lazy-comments.html' },
  newSearch: { host: 'www.reddit.com', path: '/search/?q=%24GGAL', file: 'new-search-ggal-es-mx-2025.html' },
  login: { host: 'www.reddit.com', path: '/login/', file: 'new-login-interstitial-2026.html' },
  oldListing: { host: 'old.reddit.com', path: '/r/Python/', file: 'old-listing-r-python-2024.html' },
  oldNew: { host: 'old.reddit.com', path: '/r/SaaS/new/', file: 'old-listing-r-saas-new-2026-synthetic-text.html' },
  oldSearch: { host: 'old.reddit.com', path: '/search?q=best+CRM+for+startups', file: 'old-search-2026-synthetic-text.html' },
  oldComments: { host: 'www.reddit.com', path: '/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/', file: 'old-comments-r-aww-2018.html' },
  jsonFront: { host: 'www.reddit.com', path: '/.json', file: 'json-listing-frontpage-2018.json', type: 'application/json' },
  jsonAita: { host: 'old.reddit.com', path: '/r/AmItheAsshole/hot.json', file: 'json-listing-r-amitheasshole-2024.json', type: 'application/json' },
  /** Hand-made: a new Reddit post page with a nested and a flat comment thread, and a "more replies" partial. */
  newCommentTrees: { host: 'www.reddit.com', path: '/r/LocalLLaMA/comments/trees1/which_quant_do_you_run/', html: handMade('new-comment-trees.html') },
  /** Hand-made: a topic feed (an aggregate feed) with a crosspost, and a search page in every result variant. */
  newTopicFeed: { host: 'www.reddit.com', path: '/t/technology/', html: handMade('new-topic-feed.html') },
  newSearchVariants: { host: 'www.reddit.com', path: '/search/?q=quantization', html: handMade('new-search-variants.html') },
  /** A listing whose post elements Reddit "renamed" (shreddit-post → shreddit-post-v2): capture finds nothing. */
  brokenListing: {
    host: 'www.reddit.com',
    path: '/r/LocalLLaMA/top/',
    html: `<!doctype html><html><body><shreddit-app routename="subreddit" pagetype="community"><shreddit-feed><faceplate-batch>${Array.from(
      { length: 3 },
      (_, i) => `<article><shreddit-post-v2 id="t3_brk00${i}" permalink="/r/LocalLLaMA/comments/brk00${i}/x/" post-title="Renamed ${i}" score="5" comment-count="1" created-timestamp="2026-07-10T08:00:00.000000+0000" subreddit-name="LocalLLaMA"></shreddit-post-v2></article>`,
    ).join('')}</faceplate-batch></shreddit-feed></shreddit-app></body></html>`,
  },
  /** Hand-made: a new Reddit feed whose young posts carry no score attribute. */
  newYoungPosts: { host: 'www.reddit.com', path: '/r/LocalLLaMA/new/', html: handMade('new-young-posts.html') },
  /** Hand-made: comments pages with deleted and removed comments, old and new Reddit. */
  oldDeletedComments: { host: 'old.reddit.com', path: '/r/aww/comments/del001/a_dog_learned_to_open_doors/', html: handMade('old-deleted-comments.html') },
  newDeletedComments: { host: 'www.reddit.com', path: '/r/LocalLLaMA/comments/ndl001/benchmarks_for_the_new_8b_model/', html: handMade('new-deleted-comments.html') },
  /** Hand-made: an error page (page not found, a network block) at the URL of a captured listing post. */
  errorAtPostUrl: {
    host: 'www.reddit.com',
    path: '/r/MachineLearning/comments/1ufdzsr/optimising_lmapf_guidance_graphs_using/',
    html: handMade('error-at-post-url.html'),
  },
  /** A post page in markup we do not know (a future redesign): only Readability can read its body. */
  unknownLayoutPost: {
    host: 'www.reddit.com',
    path: '/r/MachineLearning/comments/1uhw7fu/i_shrank_a_transformer_until_every_number_fitted/',
    html: `<!doctype html><html><head><title>I shrank a transformer : r/MachineLearning</title></head><body>
      <nav><a href="/">Home</a> <a href="/r/popular/">Popular</a></nav>
      <main><article><h1>I shrank a transformer until every number fitted on the screen</h1>
      <p>Every weight of this tiny transformer is visible on one screen, and you can edit any of them while it runs.</p>
      <p>The model has two layers, a vocabulary of sixteen tokens, and learns to reverse short sequences in a few seconds.</p>
      <p>Changing one weight by hand shows at once which attention pattern breaks, which is the point of the demo.</p>
      </article></main><footer>Reddit, Inc. © 2026. All rights reserved.</footer></body></html>`,
  },
};

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  port: number;
  url: (route: Route) => string;
  /** Every request the browser made, for the privacy checks. */
  requests: string[];
  recorded: RecordedRequest[];
  close: () => Promise<void>;
}

function makeCertificate(dir: string): { key: Buffer; cert: Buffer } {
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=www.reddit.com',
    '-addext', 'subjectAltName=DNS:www.reddit.com,DNS:old.reddit.com', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/**
 * A test's own answers (a Reddit whose listings change between requests): called first for every
 * request; true when it answered.
 */
export type Handler = (req: IncomingMessage, res: ServerResponse, host: string) => boolean;

function serve(dir: string, extraRoutes: Route[], handler?: Handler): Promise<Server> {
  const routes = [...Object.values(ROUTES), ...extraRoutes];
  const server = createServer(makeCertificate(dir), (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    if (handler?.(req, res, host ?? '')) return;
    const route = routes.find((r) => r.host === host && r.path === req.url);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    // Saved pages' own scripts must not run: only the extension acts on the page. The charset header
    // says what the bytes are, as Reddit's server did (UTF-8), or windows-1252 for a page saved so.
    const body = route.file ? readFileSync(fixturePath(route.file)) : Buffer.from(route.html ?? '');
    res.writeHead(200, { 'content-type': `${route.type ?? 'text/html'}${charsetParam(body)}`, 'content-security-policy': "script-src 'none'" });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export const TEST_EXTENSION_DIR = resolve('.output-test/chrome-mv3');
/**
 * Where the browser tests write their screenshots: outside the tracked tree, so `npm test` leaves
 * `git status` clean. `npm run screenshots` copies them to docs/images/ for README.
 */
export const SCREENSHOTS = resolve('.tmp/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
/** Requests of extension pages and of the service worker, with who made them (privacy checks). */
export interface RecordedRequest {
  url: string;
  frame: string | null;
  fromServiceWorker: boolean;
}

export async function launch(options: { extraRoutes?: Route[]; extensionDir?: string; args?: string[]; handler?: Handler } = {}): Promise<Harness> {
  // Playwright reports a service worker's own requests only with this switch.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium)`);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'rtr-browser-'));
  const server = await serve(dir, options.extraRoutes ?? [], options.handler);
  const port = (server.address() as AddressInfo).port;
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP www.reddit.com 127.0.0.1:${port}, MAP old.reddit.com 127.0.0.1:${port}, MAP * ~NOTFOUND`,
      '--ignore-certificate-errors',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--no-sandbox',
      ...(options.args ?? []),
    ],
  });
  const requests: string[] = [];
  const recorded: RecordedRequest[] = [];
  context.on('request', (r) => {
    requests.push(r.url());
    let frame: string | null = null;
    try {
      frame = r.frame().url();
    } catch {
      frame = null; // a service worker's request has no frame
    }
    recorded.push({ url: r.url(), frame, fromServiceWorker: !!r.serviceWorker() });
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    port,
    requests,
    recorded,
    url: (route) => `https://${route.host}${route.path}`,
    close: async () => {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function serviceWorker(h: Harness): Worker | undefined {
  return h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`));
}

/** Stops the extension's service worker, as Chrome does when it is idle. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

export interface DbDump {
  posts: Record<string, unknown>[];
  sightings: Record<string, unknown>[];
  comments: Record<string, unknown>[];
}

/** An extension page of ours, to read the database with the raw IndexedDB API (not our code). */
export async function extensionPage(h: Harness, path = 'popup.html'): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/${path}`);
  return page;
}

export async function readDb(page: Page): Promise<DbDump> {
  return page.evaluate(
    () =>
      new Promise<DbDump>((resolve, reject) => {
        const open = indexedDB.open('reddit-trend-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['posts', 'sightings', 'comments'].filter((n) => db.objectStoreNames.contains(n));
          if (names.length < 3) {
            db.close();
            resolve({ posts: [], sightings: [], comments: [] });
            return;
          }
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => (out[n] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out as unknown as DbDump);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Polls the database until `done` holds (capture is asynchronous by design). */
export async function waitForDb(page: Page, done: (d: DbDump) => boolean, what: string, timeoutMs = 20_000): Promise<DbDump> {
  const end = Date.now() + timeoutMs;
  let last: DbDump = { posts: [], sightings: [], comments: [] };
  while (Date.now() < end) {
    last = await readDb(page);
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}: ${last.posts.length} posts, ${last.comments.length} comments, ${last.sightings.length} sightings`);
}

/** The popup's Export ▾ menu, opened (its items are hidden while it is closed). */
export async function openExportMenu(page: Page): Promise<void> {
  const menu = page.getByTestId('export-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}
