/**
 * The content script's cost on a heavy page (issue 22, item 6): a feed of 10,000 posts and a thread of
 * 2,000 comments each nested in the one before, loaded with the extension and with an empty one, and the
 * renderer's main-thread time (Chrome's own metrics, ScriptDuration and TaskDuration) compared. Node only;
 * read by scripts/bench.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, type Route } from '../test/browser/harness';

const post = (i: number) =>
  `<shreddit-post id="t3_p${i.toString(36)}" permalink="/r/LocalLLaMA/comments/p${i.toString(36)}/t/" post-title="Post number ${i} about Qwen" subreddit-name="LocalLLaMA" ` +
  `created-timestamp="2026-12-06T10:00:00.000Z" score="${i}" comment-count="${i % 50}" author="u${i}" post-type="text"><a slot="title">Post number ${i}</a></shreddit-post>`;

export function heavyPages(posts: number, depth: number): Route[] {
  const feed = `<!doctype html><html><body><shreddit-app routename="subreddit" pagetype="community"><shreddit-feed>${Array.from({ length: posts }, (_, i) => post(i)).join('')}</shreddit-feed></shreddit-app></body></html>`;
  let chain = '';
  for (let d = depth - 1; d >= 0; d--)
    chain = `<shreddit-comment thingid="t1_c${d}" postid="t3_deep" depth="${d}"${d ? ` parentid="t1_c${d - 1}"` : ''} author="a${d}" score="1" created="2026-12-06T10:00:00.000Z"><div slot="comment"><div id="t1_c${d}-comment-rtjson-content"><p>Reply ${d}</p></div></div>${chain}</shreddit-comment>`;
  const thread = `<!doctype html><html><body><shreddit-app routename="post_page" pagetype="post_detail"><shreddit-post id="t3_deep" permalink="/r/LocalLLaMA/comments/deep/t/" post-title="Deep" subreddit-name="LocalLLaMA" created-timestamp="2026-12-06T10:00:00.000Z" score="5" comment-count="${depth}" view-context="CommentsPage"></shreddit-post>${chain}</shreddit-app></body></html>`;
  return [
    { host: 'www.reddit.com', path: '/r/LocalLLaMA/', html: feed },
    { host: 'www.reddit.com', path: '/r/LocalLLaMA/comments/deep/t/', html: thread },
  ];
}

/** Main-thread milliseconds of loading `path` (and 6 s after), with the extension at `extensionDir`. */
async function load(extensionDir: string, routes: Route[], path: string): Promise<{ script: number; task: number }> {
  const h = await launch({ extraRoutes: routes, extensionDir });
  try {
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`https://www.reddit.com${path}`);
    await page.waitForTimeout(6_000);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
    return { script: get('ScriptDuration'), task: get('TaskDuration') };
  } finally {
    await h.close();
  }
}

/** The extra main-thread time our content script adds to each heavy page: the median of `runs` pairs. */
export async function contentLoad(extensionDir: string, posts: number, depth: number, runs: number) {
  const empty = mkdtempSync(join(tmpdir(), 'rtr-empty-ext-'));
  writeFileSync(join(empty, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0', background: { service_worker: 'sw.js' } }));
  writeFileSync(join(empty, 'sw.js'), '');
  const routes = heavyPages(posts, depth);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  try {
    const out: Record<string, { script: number; task: number }> = {};
    for (const path of ['/r/LocalLLaMA/', '/r/LocalLLaMA/comments/deep/t/']) {
      const script: number[] = [];
      const task: number[] = [];
      for (let i = 0; i < runs; i++) {
        const bare = await load(empty, routes, path);
        const ours = await load(extensionDir, routes, path);
        script.push(ours.script - bare.script);
        task.push(ours.task - bare.task);
      }
      out[path] = { script: med(script), task: med(task) };
    }
    return { feed: out['/r/LocalLLaMA/']!, thread: out['/r/LocalLLaMA/comments/deep/t/']! };
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}
