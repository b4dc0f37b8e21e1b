/**
 * The analyzer's memory between calls, made by the caller and passed in: the editor keeps one per
 * workbench, the CLI one per run, a test its own. Nothing in lib/ remembers anything between
 * calls on its own; without a cache every call starts cold and answers the same.
 *
 * A module that memoises declares a slot (`cacheSlot('shell parses', () => new Map())`) and reads
 * it with `cache.get(slot)`: the slot is a constant key, its value lives in the cache.
 */
import type { AnalyzeInput, ContextFile } from './types';
import type { AptNames } from './apt-names';
import type { BaseIndex } from '../sizes/base-index';

/** Data sources the host hands the analyzer along with its memory. */
export interface AnalyzerCacheOptions {
  /** apt name filters for `package-not-in-release`; without them the rule says nothing. */
  aptNames?: AptNames;
  /**
   * The official-image tag index (`loadBaseIndex()` in the browser, `staticBaseIndex()` elsewhere):
   * other tags of a measured build resolve through it; without it only the measured table does.
   */
  baseIndex?: BaseIndex;
}

/** A typed place in an `AnalyzerCache`; `make` builds its value the first time it is asked for. */
export interface CacheSlot<T> {
  readonly name: string;
  readonly make: () => T;
}

/** Declares a slot. Call it once per memo, at module level: the slot itself holds nothing. */
export function cacheSlot<T>(name: string, make: () => T): CacheSlot<T> {
  return Object.freeze({ name, make });
}

export class AnalyzerCache {
  private readonly values = new Map<CacheSlot<unknown>, unknown>();
  /** The apt name registry the host passed, if any. */
  readonly aptNames: AptNames | undefined;
  /** The official-image tag index the host passed, if any. */
  readonly baseIndex: BaseIndex | undefined;

  constructor(options: AnalyzerCacheOptions = {}) {
    this.aptNames = options.aptNames;
    this.baseIndex = options.baseIndex;
  }

  /** The slot's value in this cache, made on first use. */
  get<T>(slot: CacheSlot<T>): T {
    if (this.values.has(slot)) return this.values.get(slot) as T;
    const value = slot.make();
    this.values.set(slot, value);
    return value;
  }

  /** Forgets every memo (the registries passed in stay). */
  clear(): void {
    this.values.clear();
  }

  /** Names of the slots in use, for tests and the benchmark. */
  slotNames(): string[] {
    return [...this.values.keys()].map((s) => s.name);
  }
}

export function createAnalyzerCache(options: AnalyzerCacheOptions = {}): AnalyzerCache {
  return new AnalyzerCache(options);
}

/** The cache to use when the caller passed none: a fresh one, so the call is cold and stateless. */
export function cacheOr(cache: AnalyzerCache | undefined): AnalyzerCache {
  return cache ?? new AnalyzerCache();
}

/** The last value computed for one input, kept while the same input comes back. */
export interface LastInput<T> {
  input?: AnalyzeInput;
  value?: T;
}

/**
 * True when `a` and `b` describe the same analysis: the same texts, target and context files
 * (every path, size and content compared, so a different context of the same size never matches).
 */
export function sameInput(a: AnalyzeInput, b: AnalyzeInput): boolean {
  if (a === b) return true;
  if (
    a.dockerfile !== b.dockerfile ||
    (a.dockerignore ?? '') !== (b.dockerignore ?? '') ||
    a.target !== b.target
  )
    return false;
  const fa = a.context?.files;
  const fb = b.context?.files;
  if (fa === fb) return true;
  if (!fa || !fb || fa.length !== fb.length) return false;
  for (let i = 0; i < fa.length; i++) if (!sameFile(fa[i], fb[i])) return false;
  return true;
}

function sameFile(a: ContextFile, b: ContextFile): boolean {
  return a.path === b.path && a.sizeBytes === b.sizeBytes && a.content === b.content;
}

/** `last.value` when `input` is the input it was computed for, else `compute()` (kept as the new last). */
export function reuseLast<T>(last: LastInput<T>, input: AnalyzeInput, compute: () => T): T {
  if (last.input && last.value !== undefined && sameInput(last.input, input)) return last.value;
  const value = compute();
  last.input = copyOf(input);
  last.value = value;
  return value;
}

/** A copy the caller cannot change afterwards by editing its own input. */
function copyOf(input: AnalyzeInput): AnalyzeInput {
  return {
    ...input,
    ...(input.context ? { context: { files: input.context.files.map((f) => ({ ...f })) } } : {}),
  };
}
