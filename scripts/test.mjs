#!/usr/bin/env node
/**
 * `npm test`: every check, in order: type check, lint, unit tests, build, real-browser tests.
 * Prints a closing line `N passed, N failed` (a check such as lint counts as one). With CI=true the
 * browser tests must run: a missing browser fails them rather than skipping.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = !!process.env.CI;
const only = process.argv[2]; // "unit" or "browser" to run one part
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, cmd, args, env = {}) {
  console.log(`\n── ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
function check(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    console.log(`✗ ${label} failed`);
  }
}
function vitest(project) {
  mkdirSync('.tmp', { recursive: true });
  const out = `.tmp/vitest-${project}.json`;
  rmSync(out, { force: true });
  const ok = run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (!existsSync(out)) {
    failed++;
    console.log(`✗ ${project} tests did not report (vitest failed to start)`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  // A suite that failed to load has no failed test but must still fail the run.
  if (!ok && r.numFailedTests === 0) failed++;
}

if (!only || only === 'unit') {
  check('type check', 'npx', ['tsc', '--noEmit']);
  check('lint', 'npx', ['eslint', '.']);
  vitest('unit');
}
if (!only || only === 'browser') {
  check('build (firefox)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
  check('web-ext lint (firefox)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery']);
  check('build (chrome)', 'npx', ['wxt', 'build']);
  // What users install holds no benchmark or test page (those exist only in RTR_TEST / RTR_BENCH builds).
  {
    const pages = ['perf.html', 'blank.html', 'bench.html'].filter((f) => existsSync(`.output/chrome-mv3/${f}`));
    console.log(`\n── production build holds no bench page: ${pages.length ? `✗ found ${pages.join(', ')}` : 'none found'}`);
    if (pages.length || !existsSync('.output/chrome-mv3/popup.html')) failed++;
    else passed++;
  }
  // The test build: the fake engine stands in for WebLLM (no GPU or weights in CI).
  console.log('\n── build (test, fake engine): RTR_TEST=1 wxt build');
  if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, RTR_TEST: '1' } }).status === 0) passed++;
  else failed++;
  if (!existsSync(CHROMIUM) && !ci) {
    console.log(`\nNo browser at ${CHROMIUM}: browser tests skipped here (CI installs it and runs them). apt-get install -y chromium`);
    skipped++;
  } else {
    vitest('browser');
    // A short smoke of `npm run bench` (small stores): it must run; its figures are not assertions.
    check('bench smoke', 'npx', ['tsx', 'scripts/bench.ts', '--smoke']);
  }
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
