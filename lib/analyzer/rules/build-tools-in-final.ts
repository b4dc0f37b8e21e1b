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
        // Bytes the layer installed for build-tool packages still present at the end.
        const bytes = final.fs.entries
          .filter((e) => e.layer === run.layer && e.pkg !== undefined && isBuildToolPackage(e.pkg))
          .reduce((n, e) => n + e.bytes, 0);
        hits.push({
          range: command.range,
          savedBytes: bytes > 0 ? bytes : undefined,
          message: `${tools.join(', ')} ${tools.length === 1 ? 'ships' : 'ship'} in the final image${bytes > 0 ? `: ${formatBytes(bytes)} of compiler and header packages, not counting the libraries they pulled in` : ''}. Build in a separate stage and copy only the result, or remove build tools in the same RUN that uses them.`,
        });
      }
    }
    return hits;
  },
});
