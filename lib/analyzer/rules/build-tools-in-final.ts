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
import { apkAddClosure } from '../../sizes/apk';

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
      // A tool an earlier RUN installed is reported there, once; one this RUN installed already (a
      // second install of it, or the other branch of an if/else) is reported at its first install.
      const reported = new Set<string>();
      for (const command of installs) {
        // A simulation (apt-get install -s) prints what it would do and installs nothing.
        if (command.args.some((a) => SIMULATE.has(a))) continue;
        const tools = packageOperands(command).filter(
          (p) =>
            isBuildToolPackage(p) &&
            final.packages.has(p) &&
            !installedBefore(run, p) &&
            !pulledInBefore(final.fs.entries, run.layer, p) &&
            !reported.has(p),
        );
        if (tools.length === 0) continue;
        for (const t of tools) reported.add(t);
        // A mixed install (libpng-dev among ffmpeg, git, python3...) keeps what its other names
        // need: only the rest moves to a build stage with the tools.
        const others = packageOperands(command).filter((p) => !isBuildToolPackage(p));
        const kept = !others.length
          ? undefined
          : isCall(command, 'apk', ['add'])
            ? apkNeeds(others)
            : run.layer?.aptNeeds?.get(command)?.(others);
        if (others.length && isCall(command, ['apt-get', 'apt'], ['install']) && !kept) {
          // What the other names need is not known: no figure rather than a wrong one.
          hits.push({ range: command.range, message: toolsMessage(tools, 0, 0) });
          continue;
        }
        const { bytes, pulledIn } = removable(final.fs.entries, run.layer, tools, kept);
        hits.push({
          range: command.range,
          savedBytes: bytes > 0 ? bytes : undefined,
          message: toolsMessage(tools, bytes, pulledIn),
        });
      }
    }
    return hits;
  },
});

/**
 * What the other names of a mixed `apk add` need (themselves and their dependencies, from the apk
 * table): those packages stay when the tools move to a build stage (`apk add build-base python3`
 * keeps python3 and what it pulls in).
 */
function apkNeeds(others: string[]): Set<string> {
  const closure = apkAddClosure(others);
  return new Set([...closure.packages.map((p) => p.name), ...closure.unknown, ...others]);
}

/**
 * True when `pkg` came with an earlier layer (through a meta package such as build-base, which
 * brings g++ and make) and this layer adds nothing for it: the install is a no-op, reported where
 * the tool was installed.
 */
function pulledInBefore(entries: FsEntry[], layer: Layer | undefined, pkg: string): boolean {
  const mine = entries.filter((e) => e.pkg === pkg);
  return mine.length > 0 && !mine.some((e) => e.layer === layer);
}

function toolsMessage(tools: string[], bytes: number, pulledIn: number): string {
  return `${tools.join(', ')} ${tools.length === 1 ? 'ships' : 'ship'} in the final image${bytes > 0 ? `: with ${pulledIn === 1 ? 'the package' : `the ${pulledIn} packages`} ${tools.length === 1 ? 'it' : 'they'} pulled in, ${formatBytes(bytes)} of this layer` : ''}. Build in a separate stage and copy only the result (the final stage installs only the runtime libraries), or remove build tools in the same RUN that uses them.`;
}

/**
 * What the final image loses when this install moves to a build stage: the bytes the layer chart
 * shows for the install (its packages with what they pulled in: the layer-breakdown items of the
 * tools' entries), and the layer's package-database rewrite too when this install is all the layer
 * installs. The same figure the layer breakdown prints, so the finding and the chart agree.
 */
function removable(
  entries: FsEntry[],
  layer: Layer | undefined,
  tools: string[],
  kept?: Set<string>,
): { bytes: number; pulledIn: number } {
  const inLayer = entries.filter((e) => e.layer === layer);
  const packages = inLayer.filter((e) => e.pkg !== undefined);
  const items = new Set(packages.filter((e) => tools.includes(e.pkg as string)).map((e) => e.item));
  const own = packages.filter(
    (e) => e.item !== undefined && items.has(e.item) && !kept?.has(e.pkg as string),
  );
  const database =
    own.length === packages.length
      ? inLayer.filter((e) => e.pkg === undefined && e.path === '/var/lib/dpkg/status')
      : [];
  return {
    bytes: [...own, ...database].reduce((n, e) => n + e.bytes, 0),
    pulledIn: own.filter((e) => !tools.includes(e.pkg as string)).length,
  };
}
