#!/usr/bin/env node
// Runs the TypeScript CLI (cli/main.ts) through tsx, which is a runtime dependency, so the bin
// works from a clean clone after `npm ci` without a build step.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = pathToFileURL(require.resolve('tsx')).href;
const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const result = spawnSync(process.execPath, ['--import', tsx, main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
if (result.error) {
  process.stderr.write(`layerlab: cannot start the CLI: ${result.error.message}\n`);
  process.exit(2);
}
process.exit(result.status ?? 2);
