import { describe, expect, test } from 'vitest';
import { splitInlinedWasm } from '../../scripts/webllm-wasm';

describe('splitInlinedWasm (the build plugin that writes WebLLM’s inlined modules out as files)', () => {
  test('each inlined module becomes its bytes and a placeholder; the data-URI prefix constant stays', () => {
    // "\0asm" + version 1, and a second module of four bytes.
    const code =
      'var dataURIPrefix="data:application/octet-stream;base64,";var wasmBinaryFile;wasmBinaryFile="data:application/octet-stream;base64,AGFzbQEAAAA=";f();' +
      'wasmBinaryFile="data:application/octet-stream;base64,AQIDBA==";';
    const split = splitInlinedWasm(code);
    expect(split.binaries.map((b) => [...b])).toEqual([
      [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
      [1, 2, 3, 4],
    ]);
    expect(split.code).toBe(
      'var dataURIPrefix="data:application/octet-stream;base64,";var wasmBinaryFile;wasmBinaryFile="__RTR_WEBLLM_WASM_0__";f();wasmBinaryFile="__RTR_WEBLLM_WASM_1__";',
    );
  });
  test('code with nothing inlined is returned as it was', () => {
    expect(splitInlinedWasm('wasmBinaryFile="tokenizers.wasm";')).toEqual({ code: 'wasmBinaryFile="tokenizers.wasm";', binaries: [] });
  });
});
