#!/usr/bin/env node
// Runs the compiled CLI (dist/cli/layerlab.mjs, built by `npm run build:cli` and `npm run build`)
// with plain Node. Without it (a clean clone before any build), or when a source file under cli/
// or lib/ is newer than it (edited since the last build, so the bundle would run stale code), it
// runs the TypeScript sources through tsx, a runtime dependency: the bin works either way and
// always runs the code as it is now; only the start-up is slower. The freshness check only reads
// file times (no file is opened).
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'cli', 'layerlab.mjs');

/** A file under `dir` (tests aside) changed after `since` (ms); false when `dir` is absent. */
function changedSince(dir, since) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (changedSince(path, since)) return true;
    } else if (
      !e.name.includes('.test.') &&
      statSync(path, { throwIfNoEntry: false })?.mtimeMs > since
    )
      return true;
  }
  return false;
}

const built = statSync(compiled, { throwIfNoEntry: false })?.mtimeMs;
const stale =
  built !== undefined &&
  (changedSince(join(root, 'cli'), built) || changedSince(join(root, 'lib'), built));
if (built !== undefined && !stale) {
  await import(pathToFileURL(compiled).href);
} else {
  if (stale)
    process.stderr.write(
      'layerlab: dist/cli/layerlab.mjs is older than the sources, so they run through tsx (slower start); `npm run build:cli` rebuilds it.\n',
    );
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const entry = join(root, 'cli', 'entry.ts');
  const result = spawnSync(process.execPath, ['--import', tsx, entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.error) {
    process.stderr.write(`layerlab: cannot start the CLI: ${result.error.message}\n`);
    process.exit(2);
  }
  process.exit(result.status ?? 2);
}
