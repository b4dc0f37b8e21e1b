/**
 * `npm run build:cli` (also part of `npm run build`): bundles the CLI (cli/entry.ts and the
 * analyzer it imports) into one ES module, dist/cli/layerlab.mjs, which bin/layerlab.mjs runs
 * with plain Node: no TypeScript is transpiled at start-up.
 *
 *   node scripts/build-cli.mjs [outfile]
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles the CLI to `outfile` (default dist/cli/layerlab.mjs); resolves with the path. */
export async function buildCli(outfile = `${root}dist/cli/layerlab.mjs`) {
  await build({
    entryPoints: [`${root}cli/entry.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'warning',
    legalComments: 'none',
    minify: true,
    // CommonJS dependencies (dockerfile-ast, mvdan-sh) call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildCli(process.argv[2]);
  console.log(`built ${out}`);
}
