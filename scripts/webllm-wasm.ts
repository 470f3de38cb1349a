/**
 * A build plugin for the WebLLM worker: @mlc-ai/web-llm carries two Emscripten modules (its tokenizers and
 * xgrammar) with their WebAssembly inlined as base64 data URIs, 5.6 MB of text for 4.2 MB of binary. This
 * writes each one out as a `.wasm` file beside the worker and puts the file's name where the data URI
 * was. Emscripten's own loader then does what it does for any module not built single-file: a name that
 * is not a data URI is resolved against the worker script's folder (`locateFile`) and read by
 * `readBinary`, a synchronous XMLHttpRequest, which workers allow (issue #19 item 11: the unpacked build
 * is 1.4 MB smaller). test/browser/pages.test.ts reads each file the same way in the built extension
 * and compiles it.
 *
 * If a WebLLM release stops inlining its modules, the build fails here: the plugin and its test would
 * be checking nothing.
 */
import { posix } from 'node:path';
import type { Plugin } from 'vite';

const INLINED = /wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;
const placeholder = (i: number) => `__RTR_WEBLLM_WASM_${i}__`;

/** The module's text with each inlined binary replaced by a placeholder, and the binaries in order. */
export function splitInlinedWasm(code: string): { code: string; binaries: Uint8Array[] } {
  const binaries: Uint8Array[] = [];
  const out = code.replace(INLINED, (_all, base64: string) => {
    binaries.push(new Uint8Array(Buffer.from(base64, 'base64')));
    return `wasmBinaryFile="${placeholder(binaries.length - 1)}"`;
  });
  return { code: out, binaries };
}

/** The plugin: `expected` inlined modules in WebLLM's bundle (the build fails on any other count). */
export function webllmWasmFiles(expected = 2): Plugin {
  const refs: string[] = [];
  return {
    name: 'rtr-webllm-wasm-files',
    transform(code, id) {
      if (!/[\\/]@mlc-ai[\\/]web-llm[\\/]lib[\\/]index\.js$/.test(id)) return null;
      const split = splitInlinedWasm(code);
      if (split.binaries.length !== expected) {
        this.error(`@mlc-ai/web-llm inlines ${split.binaries.length} WebAssembly modules, not ${expected}: update scripts/webllm-wasm.ts`);
      }
      refs.length = 0;
      for (const source of split.binaries) refs.push(this.emitFile({ type: 'asset', name: 'webllm-module.wasm', source }));
      return { code: split.code, map: null };
    },
    renderChunk(code, chunk) {
      if (!code.includes('__RTR_WEBLLM_WASM_')) return null;
      const dir = posix.dirname(chunk.fileName);
      let out = code;
      refs.forEach((ref, i) => {
        out = out.split(placeholder(i)).join(posix.relative(dir, this.getFileName(ref)));
      });
      return { code: out, map: null };
    },
  };
}
