/**
 * Generated text is cached by model, prompt version and the exact prompt. The store behind the interface
 * is the database's generations table (lib/db/generations.ts); tests use a Map.
 */
import type { ChatMessage } from '../llm/engine';
import { PROMPT_VERSION } from './prompts';

export async function cacheKey(modelId: string, messages: ChatMessage[], version = PROMPT_VERSION): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify({ modelId, version, messages }));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface GenerationCache {
  get(key: string): Promise<string | undefined>;
  put(key: string, modelId: string, kind: string, text: string): Promise<void>;
}
