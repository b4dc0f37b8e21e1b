import { defineRule } from '../rule';
import type { RuleHit } from '../rule';
import type { RunStep } from '../model-types';
import { hasFlag, isCall } from './helpers/commands';
import { formatBytes, insertAfterSubcommand, programIs } from './helpers/fixes';
import { addedBytes, pathUnder, positive } from './helpers/model';

const CACHE = '/var/cache/apk';

function cacheGone(run: RunStep): boolean {
  return (
    run.deletes(CACHE) ||
    run.mountsCover(CACHE) ||
    run.mountsCover('/etc/apk/cache') ||
    run.commands.some((c) => isCall(c, 'apk', ['cache']) && c.args.includes('clean'))
  );
}

export const apkCacheKept = defineRule({
  id: 'apk-cache-kept',
  technique: 'remove-package-managers',
  severity: 'warning',
  lesson: 'remove-package-managers',
  hadolint: 'DL3019',
  message:
    'apk keeps the package index in /var/cache/apk, and it ships in this layer. Use apk add --no-cache (it also makes apk update unnecessary).',
  check: (image) =>
    image.shippedRuns.flatMap((run) => {
      if (
        !run.commands.some((c) => isCall(c, 'apk') && !hasFlag(c.args, '--no-network')) ||
        cacheGone(run)
      )
        return [];
      const hits: RuleHit[] = [];
      const bytes = positive(addedBytes(run.layer, (e) => pathUnder(e.path, CACHE)));
      const size = bytes ? ` (${formatBytes(bytes)})` : '';
      // One index per RUN however many apk calls touch it: only the first hit carries the bytes.
      let counted = false;
      const once = () => {
        if (counted) return undefined;
        counted = true;
        return bytes;
      };
      for (const command of run.commands) {
        // --no-network installs from what is already there: no index is fetched or kept.
        if (hasFlag(command.args, '--no-cache', '--no-network')) continue;
        if (isCall(command, 'apk', ['add'])) {
          hits.push({
            range: command.range,
            savedBytes: once(),
            message: `apk keeps its package index${size} in /var/cache/apk, and it ships in this layer. Use apk add --no-cache.`,
            fix: insertAfterSubcommand(
              image,
              run,
              command,
              programIs('apk'),
              ['add'],
              '--no-cache',
              'Use apk add --no-cache',
            ),
          });
        } else if (
          isCall(command, 'apk', ['update']) ||
          (isCall(command, 'apk', ['upgrade']) && hasFlag(command.args, '--update', '-U'))
        ) {
          hits.push({
            range: command.range,
            savedBytes: once(),
            message: `apk update stores the package index${size} in /var/cache/apk, and it ships in this layer. Drop it and use apk add --no-cache, which fetches a fresh index without keeping it.`,
          });
        }
      }
      return hits;
    }),
});
