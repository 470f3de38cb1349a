/**
 * Writes the Trend Analysis: one request per section, grounded, cached; every section the model cannot
 * write (no GPU, a failure, Stop) comes from the offline analyser, and the report says which wrote it.
 * Domain code only: no React, no browser APIs beyond what the engine hides.
 */
import { ANALYSIS_SECTIONS, type Analysis, type AnalysisSection, type ReportLanguage, type SectionKey } from './sections';
import { AbortedError, classifyFailure, type ChatEngine, type FailureKind } from '../llm/engine';
import type { AnalysisInput } from './input';
import { groundText } from './grounding';
import { offlineAnalysis, OFFLINE_SOURCE } from './offline';
import { ANSWER_TOKENS, buildSectionPrompt } from './prompts';
import { cacheKey, type GenerationCache } from './cache';

export interface AnalyseEvents {
  /** A section started: model text follows through onToken. */
  onSectionStart?: (key: SectionKey) => void;
  onToken?: (key: SectionKey, text: string) => void;
  /** A section is final (grounded, or offline). */
  onSection?: (key: SectionKey, section: AnalysisSection, fromCache: boolean) => void;
}

export interface AnalyseResult {
  analysis: Analysis;
  /** Set when the model failed in a way the ladder handles (the caller steps down and remembers). */
  failure?: FailureKind;
  stopped: boolean;
  /** Sections the model could not write for another reason (the offline analyser stood in). */
  sectionErrors: string[];
}

export async function analyse(
  input: AnalysisInput,
  engine: ChatEngine | null,
  cache: GenerationCache,
  options: AnalyseEvents & { signal?: AbortSignal; regenerate?: boolean; lang?: ReportLanguage } = {},
): Promise<AnalyseResult> {
  const offline = offlineAnalysis(input, options.lang);
  const analysis = { ...offline };
  let failure: FailureKind | undefined;
  let stopped = false;
  const sectionErrors: string[] = [];
  for (const { key } of ANALYSIS_SECTIONS) {
    if (!engine || failure || stopped) {
      options.onSection?.(key, offline[key], false);
      continue;
    }
    try {
      const result = await section(key, input, engine, cache, options);
      if (result) analysis[key] = result.section;
      options.onSection?.(key, analysis[key], result?.fromCache ?? false);
    } catch (e) {
      const kind = e instanceof AbortedError ? 'aborted' : classifyFailure(e);
      if (kind === 'aborted') stopped = true;
      // The GPU gave out: no more model for this report (the caller steps down the ladder).
      else if (GPU_FAILURES.includes(kind)) failure = kind;
      // Anything else spoils this section only: the offline one stands in, the next is tried.
      else sectionErrors.push(`${key}: ${(e as Error).message ?? String(e)}`);
      options.onSection?.(key, offline[key], false);
    }
  }
  return { analysis, failure, stopped, sectionErrors };
}

export const GPU_FAILURES: FailureKind[] = ['device-lost', 'no-f16', 'out-of-memory', 'no-webgpu'];

async function section(
  key: SectionKey,
  input: AnalysisInput,
  engine: ChatEngine,
  cache: GenerationCache,
  options: AnalyseEvents & { signal?: AbortSignal; regenerate?: boolean; lang?: ReportLanguage },
): Promise<{ section: AnalysisSection; fromCache: boolean } | null> {
  for (let level = 0; level <= 3; level++) {
    const prompt = buildSectionPrompt(key, input, engine.contextWindow, level, options.lang);
    if (!prompt) return null;
    const key_ = await cacheKey(engine.modelId, prompt.messages);
    const cached = options.regenerate ? undefined : await cache.get(key_);
    if (cached !== undefined) return { section: { body: cached, source: engine.modelId }, fromCache: true };
    options.onSectionStart?.(key);
    try {
      const { text } = await engine.generate(prompt.messages, {
        maxTokens: ANSWER_TOKENS,
        signal: options.signal,
        onToken: (t) => options.onToken?.(key, t),
      });
      if (options.signal?.aborted) throw new AbortedError();
      const grounded = groundText(text, prompt.posts).text;
      if (!grounded) return null;
      await cache.put(key_, engine.modelId, `section:${key}`, grounded);
      return { section: { body: grounded, source: engine.modelId }, fromCache: false };
    } catch (e) {
      // The prompt did not fit after all: trim and retry.
      if (classifyFailure(e) === 'context' && level < 3) continue;
      throw e;
    }
  }
  return null;
}

export { OFFLINE_SOURCE };
