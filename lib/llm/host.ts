/**
 * Owns the engine for a page: picks the model from the GPU and the user's settings, loads it, steps down
 * one model after a device loss, a missing shader-f16 or running out of memory (and remembers that),
 * and unloads it after a few idle minutes.
 */
import { classifyFailure, type ChatEngine, type FailureKind, type LoadProgress } from './engine';
import { chooseModel, stepDown, type GpuInfo, type ModelChoice, type ModelFamily } from './models';

export const IDLE_UNLOAD_MS = 5 * 60_000;
const LADDER_FAILURES: FailureKind[] = ['device-lost', 'no-f16', 'out-of-memory'];

export interface HostDeps {
  gpu: GpuInfo;
  preferred: ModelFamily;
  ceiling: ModelFamily | 'none' | null;
  createEngine: (choice: ModelChoice) => ChatEngine | Promise<ChatEngine>;
  /** Persists a new ceiling after a step-down. */
  rememberCeiling: (ceiling: ModelFamily | 'none') => Promise<void>;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

export class ModelHost implements EngineHost {
  private engine: ChatEngine | null = null;
  private idle: unknown;
  ceiling: ModelFamily | 'none' | null;

  constructor(private deps: HostDeps) {
    this.ceiling = deps.ceiling;
  }

  /** The model that would be used now, or null (no usable GPU, or every model failed before). */
  get choice(): ModelChoice | null {
    return chooseModel(this.deps.gpu, this.deps.preferred, this.ceiling ?? undefined);
  }

  get loaded(): ChatEngine | null {
    return this.engine;
  }

  /** Loads the current choice, stepping down the ladder on GPU failures. Null when nothing can run. */
  async acquire(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<ChatEngine | null> {
    this.touch();
    if (this.engine) return this.engine;
    for (;;) {
      const choice = this.choice;
      if (!choice) return null;
      const engine = await this.deps.createEngine(choice);
      try {
        await engine.load(onProgress, signal);
        this.engine = engine;
        this.touch();
        return engine;
      } catch (e) {
        if (!LADDER_FAILURES.includes(classifyFailure(e))) throw e;
        await this.stepDown(choice.family);
      }
    }
  }

  /** A failure during generation: drop the engine; step down if the GPU is the cause. */
  async failed(kind: FailureKind): Promise<void> {
    const family = this.choice?.family;
    await this.release();
    if (family && LADDER_FAILURES.includes(kind)) await this.stepDown(family);
  }

  private async stepDown(family: ModelFamily): Promise<void> {
    this.ceiling = stepDown(family);
    await this.deps.rememberCeiling(this.ceiling);
  }

  /** Call on every use: the engine is unloaded after IDLE_UNLOAD_MS without one. */
  touch(): void {
    const clear = this.deps.clearTimeout ?? clearTimeout;
    const set = this.deps.setTimeout ?? setTimeout;
    if (this.idle !== undefined) clear(this.idle as never);
    this.idle = set(() => void this.release(), IDLE_UNLOAD_MS);
  }

  async release(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    await engine?.unload();
  }
}

/** What a page needs of a host: the loaded engine, keep-alive, failure, release. */
export interface EngineHost {
  readonly loaded: ChatEngine | null;
  acquire(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<ChatEngine | null>;
  touch(): void;
  failed(kind: FailureKind): Promise<void>;
  release(): Promise<void>;
}

/**
 * A host for an engine without a ladder (Chrome's built-in model: one model, Chrome's own download). A
 * failure drops it; the next acquire loads it again.
 */
export class SingleEngineHost implements EngineHost {
  private engine: ChatEngine | null = null;
  constructor(private create: () => ChatEngine) {}
  get loaded(): ChatEngine | null {
    return this.engine;
  }
  async acquire(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<ChatEngine> {
    if (this.engine) return this.engine;
    const engine = this.create();
    await engine.load(onProgress, signal);
    this.engine = engine;
    return engine;
  }
  touch(): void {}
  async failed(): Promise<void> {
    await this.release();
  }
  async release(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    await engine?.unload();
  }
}
