/**
 * Every generated apt name filter (lib/analyzer/generated/apt-names.json, about 0.6 MB gzip) as
 * one registry. Import it where that weight is fine (the CLI, tests, scripts, or a lazily loaded
 * chunk in the browser) and pass it in: `createAnalyzerCache({ aptNames: ALL_APT_NAMES })`.
 */
import table from './generated/apt-names.json';
import { AptNames, type AptNameFilter } from './apt-names';

export const ALL_APT_NAMES = new AptNames(table.releases as Record<string, AptNameFilter>);
