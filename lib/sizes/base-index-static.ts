/**
 * The official-image tag index, bundled: for hosts where the bundle size does not matter (the
 * CLI, server code, tests); the browser calls `loadBaseIndex()`. A `lazy()` constant: it depends
 * on the bundled table alone.
 */
import data from './generated/base-index.json';
import { baseIndexOf, type BaseIndex, type BaseIndexData } from './base-index';
import { lazy } from './lazy';

export const staticBaseIndex: () => BaseIndex = lazy(() => baseIndexOf(data as BaseIndexData));
