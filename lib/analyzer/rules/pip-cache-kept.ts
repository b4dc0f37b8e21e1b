import { defineRule } from '../rule';
import type { RunStep } from '../model-types';
import {
  envOf,
  flagValue,
  hasFlag,
  homeOf,
  isPipProgram,
  isPythonProgram,
  isTruthy,
  pipCall,
} from './helpers/commands';
import { formatBytes, insertAfterSubcommand } from './helpers/fixes';
import { addedBytes, pathUnder, positive, userAt } from './helpers/model';

/** True when nothing pip downloads stays: cache removed, purged or on a cache/tmpfs mount. */
function cacheGone(run: RunStep, cacheDir: string): boolean {
  return (
    run.deletes(cacheDir) ||
    run.mountsCover(cacheDir) ||
    run.commands.some(
      (c) => pipCall(c)?.sub === 'cache' && ['purge', 'remove'].includes(pipCall(c)!.args[0] ?? ''),
    )
  );
}

export const pipCacheKept = defineRule({
  id: 'pip-cache-kept',
  technique: 'remove-package-managers',
  severity: 'warning',
  lesson: 'remove-package-managers',
  hadolint: 'DL3042',
  message:
    'pip keeps a copy of every download in its cache (~/.cache/pip), and it ships in this layer. Add --no-cache-dir (or set ENV PIP_NO_CACHE_DIR=1).',
  check: (image) =>
    image.shippedRuns.flatMap((run) =>
      run.commands.flatMap((command) => {
        const pip = pipCall(command);
        if (!pip || pip.sub !== 'install') return [];
        const args = [...pip.globalArgs, ...pip.args];
        if (hasFlag(args, '--no-cache-dir')) return [];
        const env = envOf(run, command);
        if (isTruthy(env.PIP_NO_CACHE_DIR)) return [];
        const cacheDir =
          flagValue(args, '--cache-dir') ??
          (env.PIP_CACHE_DIR || `${env.XDG_CACHE_HOME || `${homeOf(userAt(run))}/.cache`}/pip`);
        if (cacheGone(run, cacheDir) || cacheGone(run, '/root/.cache/pip')) return [];
        const bytes = positive(
          addedBytes(
            run.layer,
            (e) =>
              e.kind === 'cache' && (pathUnder(e.path, cacheDir) || e.path.endsWith('/.cache/pip')),
          ),
        );
        return [
          {
            range: command.range,
            savedBytes: bytes,
            message: bytes
              ? `pip's cache keeps ${formatBytes(bytes)} of downloads in this layer. Add --no-cache-dir (or set ENV PIP_NO_CACHE_DIR=1).`
              : undefined,
            fix: insertAfterSubcommand(
              image,
              run,
              command,
              (w) => isPipProgram(w) || isPythonProgram(w),
              ['install'],
              '--no-cache-dir',
              'Add --no-cache-dir',
            ),
          },
        ];
      }),
    ),
});
