/**
 * What a user installs: the production build's size (the unpacked files and the zipped package as a
 * store receives it) and how many of its files carry the WebLLM library (it must be one: the model
 * worker). Node only; read by scripts/bench.ts and test/conventions.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

/** A string only @mlc-ai/web-llm's code holds (the config file name of every prebuilt model). */
export const WEBLLM_MARKER = 'mlc-chat-config.json';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

export interface PackageFigures {
  /** Bytes of every file of the build. */
  unpacked: number;
  /** Bytes of the build zipped (deflate, as `zip -r` or `wxt zip` writes it); null without `zip`. */
  zipped: number | null;
  /** Files (relative paths) that carry the WebLLM library. */
  webllmFiles: string[];
  /** Entry pages (HTML files) of the build. */
  pages: string[];
}

export function packageFigures(dir: string): PackageFigures {
  const all = files(dir);
  const unpacked = all.reduce((n, f) => n + statSync(f).size, 0);
  const webllmFiles = all.filter((f) => f.endsWith('.js') && readFileSync(f, 'latin1').includes(WEBLLM_MARKER)).map((f) => relative(dir, f));
  const pages = all.filter((f) => f.endsWith('.html')).map((f) => relative(dir, f)).sort();
  let zipped: number | null = null;
  const out = join(tmpdir(), `rtr-package-${process.pid}.zip`);
  try {
    rmSync(out, { force: true });
    execFileSync('zip', ['-qr9', out, '.'], { cwd: dir, stdio: 'ignore' });
    zipped = statSync(out).size;
  } catch {
    zipped = null;
  } finally {
    rmSync(out, { force: true });
  }
  return { unpacked, zipped, webllmFiles, pages };
}
