/** Generated text, cached in Dexie by model, prompt version and the exact prompt. */
import type { ChatMessage } from './engine';
import { PROMPT_VERSION } from './prompts';
import type { RadarDB } from '../db/schema';

export async function cacheKey(modelId: string, messages: ChatMessage[], version = PROMPT_VERSION): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify({ modelId, version, messages }));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface GenerationCache {
  get(key: string): Promise<string | undefined>;
  put(key: string, modelId: string, kind: string, text: string): Promise<void>;
}

export function dexieCache(db: RadarDB, now: () => number = Date.now): GenerationCache {
  return {
    get: async (key) => (await db.generations.get(key))?.text,
    put: async (key, modelId, kind, text) => void (await db.generations.put({ key, modelId, kind, text, createdAt: now() })),
  };
}
