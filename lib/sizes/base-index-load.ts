import { baseIndexOf, type BaseIndex, type BaseIndexData } from './base-index';

/**
 * Loads the official-image tag index as a separate chunk. Never rejects: when the chunk cannot
 * be loaded it resolves to `undefined` and the analyzer works from the measured table alone.
 * Remembers nothing: the caller keeps the index (and passes it in its AnalyzerCache).
 */
export function loadBaseIndex(): Promise<BaseIndex | undefined> {
  return import('./generated/base-index.json')
    .then((m) => baseIndexOf((m.default ?? m) as BaseIndexData))
    .catch(() => undefined);
}
