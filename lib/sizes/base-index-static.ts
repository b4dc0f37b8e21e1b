/**
 * Installs the official-image tag index synchronously. Import it once for its effect where the
 * bundle size does not matter (the CLI, server code, tests); the browser calls `loadBaseIndex()`.
 */
import data from './generated/base-index.json';
import { installBaseIndex, type BaseIndexData } from './base-index';

installBaseIndex(data as BaseIndexData);
