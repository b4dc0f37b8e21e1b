/**
 * Registers every generated apt name filter (lib/analyzer/generated/apt-names.json, about
 * 0.6 MB gzip). Import it for its effect where that weight is fine: the CLI, tests, scripts, or a
 * lazily loaded chunk in the browser.
 */
import table from './generated/apt-names.json';
import { registerAptNames, type AptNameFilter } from './apt-names';

for (const [release, f] of Object.entries(table.releases as Record<string, AptNameFilter>))
  registerAptNames(release, f);
