import { defineRule } from '../rule';
import type { RuleHit } from '../rule';
import {
  aptInstalls,
  installedBefore,
  isBuildToolPackage,
  isCall,
  packageOperands,
} from './helpers/commands';
import { formatBytes } from './helpers/fixes';
import type { FsEntry, Layer } from '../model-types';

const SIMULATE = new Set(['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon']);

export const buildToolsInFinal = defineRule({
  id: 'build-tools-in-final',
  technique: 'multi-stage',
  severity: 'warning',
  lesson: 'multi-stage',
  message:
    'Compilers and -dev packages installed here ship in the final image. Build in a separate stage and copy only the result, or remove them in the same RUN (apk add --virtual .build-deps … && apk del .build-deps).',
  check: (image) => {
    const final = image.target;
    const hits: RuleHit[] = [];
    for (const run of image.shippedRuns) {
      const installs = run.commands.filter(
        (c) => aptInstalls(run).includes(c) || isCall(c, 'apk', ['add']),
      );
      // A tool an earlier RUN installed is reported there, once.
      for (const command of installs) {
        // A simulation (apt-get install -s) prints what it would do and installs nothing.
        if (command.args.some((a) => SIMULATE.has(a))) continue;
        const tools = packageOperands(command).filter(
          (p) => isBuildToolPackage(p) && final.packages.has(p) && !installedBefore(run, p),
        );
        if (tools.length === 0) continue;
        const bytes = removableBytes(final.fs.entries, run.layer, tools);
        const pulledIn = pulledInCount(final.fs.entries, run.layer, tools);
        hits.push({
          range: command.range,
          savedBytes: bytes > 0 ? bytes : undefined,
          message: `${tools.join(', ')} ${tools.length === 1 ? 'ships' : 'ship'} in the final image${bytes > 0 ? `: with ${pulledIn === 1 ? 'the package' : `the ${pulledIn} packages`} ${tools.length === 1 ? 'it' : 'they'} pulled in, ${formatBytes(bytes)} of this layer` : ''}. Build in a separate stage and copy only the result (the final stage installs only the runtime libraries), or remove build tools in the same RUN that uses them.`,
        });
      }
    }
    return hits;
  },
});

/** The layer's package entries that the install of `tools` added (its layer-breakdown items). */
function installEntries(entries: FsEntry[], layer: Layer | undefined, tools: string[]): FsEntry[] {
  const inLayer = entries.filter((e) => e.layer === layer);
  const items = new Set(
    inLayer.filter((e) => e.pkg !== undefined && tools.includes(e.pkg)).map((e) => e.item),
  );
  return inLayer.filter((e) => e.pkg !== undefined && e.item !== undefined && items.has(e.item));
}

function pulledInCount(entries: FsEntry[], layer: Layer | undefined, tools: string[]): number {
  return installEntries(entries, layer, tools).filter((e) => !tools.includes(e.pkg as string))
    .length;
}

/**
 * What the final image loses when this install moves to a build stage: the bytes the layer chart
 * shows for the install (its packages with what they pulled in), and the layer's package-database
 * rewrite too when this install is all the layer installs. The same figure the layer breakdown
 * prints, so the finding and the chart agree.
 */
function removableBytes(entries: FsEntry[], layer: Layer | undefined, tools: string[]): number {
  const own = installEntries(entries, layer, tools);
  const inLayer = entries.filter((e) => e.layer === layer);
  const installsOnlyThis = inLayer.every((e) => e.pkg === undefined || own.includes(e));
  const database = installsOnlyThis
    ? inLayer.filter((e) => e.pkg === undefined && e.path === '/var/lib/dpkg/status')
    : [];
  return [...own, ...database].reduce((n, e) => n + e.bytes, 0);
}
