import { hasBaseIndex, installBaseIndex, type BaseIndexData } from './base-index';

let loading: Promise<void> | undefined;

/**
 * Loads the official-image tag index as a separate chunk and installs it; resolves at once when
 * it is already installed. Never rejects: when the chunk cannot be loaded the analyzer keeps
 * working from the measured table alone, and a later call tries again.
 */
export function loadBaseIndex(): Promise<void> {
  if (hasBaseIndex()) return Promise.resolve();
  loading ??= import('./generated/base-index.json')
    .then((m) => installBaseIndex((m.default ?? m) as BaseIndexData))
    .catch(() => {
      loading = undefined;
    });
  return loading;
}
