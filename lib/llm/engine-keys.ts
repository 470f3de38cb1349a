/** The model engines' names (their declarations: registry.ts). Types only, so the settings can name them. */
export type EngineKey = 'chrome' | 'webllm';
/** Which engine writes: one of them, or "auto" (the first of registry.ts's order that can run). */
export type EngineChoice = 'auto' | EngineKey;
