/**
 * The engines are declared once (lib/llm/registry.ts): each says how it is detected, what it needs and
 * its label, and one policy picks among them. An engine added in one place only fails here or in the
 * type check (ENGINES is keyed by the setting's values).
 */
import { expect, test } from 'vitest';
import { AUTOMATIC_LABEL, chooseEngine, ENGINE_ORDER, ENGINES, type EngineKey } from '@/lib/llm/registry';
import { DEFAULT_SETTINGS, type EngineChoice } from '@/lib/settings/shape';

const yes = { canRun: true } as const;
const no = (reason: string) => ({ canRun: false, reason }) as const;

test('every engine is declared, ordered once, with a label, an Options entry and what it needs', () => {
  expect([...ENGINE_ORDER].sort()).toEqual(Object.keys(ENGINES).sort());
  expect(new Set(ENGINE_ORDER).size).toBe(ENGINE_ORDER.length);
  for (const k of ENGINE_ORDER) {
    expect(ENGINES[k].label.length, k).toBeGreaterThan(3);
    expect(ENGINES[k].only, k).toMatch(/ only \(/);
    expect(ENGINES[k].needs.length, k).toBeGreaterThan(10);
  }
  expect(AUTOMATIC_LABEL).toBe("Automatic: Chrome's built-in model where it can run, else WebLLM");
  expect(DEFAULT_SETTINGS.engine).toBe('auto');
});

test.each<[EngineChoice, Partial<Record<EngineKey, ReturnType<typeof no> | typeof yes>>, string | null]>([
  ['auto', { chrome: yes, webllm: yes }, 'chrome'],
  ['auto', { chrome: no('absent'), webllm: yes }, 'webllm'],
  ['auto', { chrome: no('absent'), webllm: no('WebGPU found no GPU adapter') }, null],
  ['chrome', { chrome: no('absent'), webllm: yes }, null],
  ['webllm', { chrome: yes, webllm: yes }, 'webllm'],
  ['webllm', { chrome: yes, webllm: no('no WebGPU') }, null],
])('setting %s with %j picks %s', (setting, found, key) => {
  expect(chooseEngine(setting, found).key).toBe(key);
});

test('none: the reason of the last engine the setting allows', () => {
  expect(chooseEngine('auto', { chrome: no('absent'), webllm: no('WebGPU found no GPU adapter') })).toEqual({ key: null, reason: 'WebGPU found no GPU adapter' });
  expect(chooseEngine('chrome', { chrome: no("Chrome's built-in model is not in this browser") })).toEqual({ key: null, reason: "Chrome's built-in model is not in this browser" });
  expect(chooseEngine('webllm', {})).toEqual({ key: null, reason: 'WebLLM was not checked' });
});

test("a Chinese report: Chrome's model writes only en, de, es, fr, ja, so Automatic goes to WebLLM and Chrome alone says why", () => {
  expect(chooseEngine('auto', { chrome: yes, webllm: yes }, 'zh').key).toBe('webllm');
  expect(chooseEngine('auto', { chrome: yes, webllm: no('no WebGPU') }, 'zh')).toEqual({ key: null, reason: 'no WebGPU' });
  expect(chooseEngine('chrome', { chrome: yes }, 'zh')).toEqual({ key: null, reason: "Chrome's built-in model writes only English, German, Spanish, French and Japanese" });
  expect(chooseEngine('chrome', { chrome: yes }, 'en').key).toBe('chrome');
});

test('Chrome writes under its model id; WebLLM under the model its ladder picks', () => {
  expect(ENGINES.chrome.modelId).toBe('Chrome built-in model (Gemini Nano)');
  expect(ENGINES.webllm.modelId).toBeNull();
});
