#!/usr/bin/env node
// Runs the compiled CLI (dist/cli/layerlab.mjs, built by `npm run build:cli` and `npm run build`)
// with plain Node. Without it (a clean clone before any build) it runs the TypeScript sources
// through tsx, a runtime dependency, so the bin works either way; only the start-up is slower.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = new URL('../dist/cli/layerlab.mjs', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const entry = fileURLToPath(new URL('../cli/entry.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--import', tsx, entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.error) {
    process.stderr.write(`layerlab: cannot start the CLI: ${result.error.message}\n`);
    process.exit(2);
  }
  process.exit(result.status ?? 2);
}
