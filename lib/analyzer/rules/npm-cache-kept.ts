import { defineRule } from '../rule';
import type { RunStep } from '../model-types';
import { envOf, flagValue, homeOf, isCall, NPM_INSTALL_SUBS } from './helpers/commands';
import { appendToRun, formatBytes } from './helpers/fixes';
import { addedBytes, pathUnder, positive, userAt } from './helpers/model';

function cacheGone(run: RunStep, cacheDir: string): boolean {
  return (
    run.deletes(cacheDir) ||
    run.mountsCover(cacheDir) ||
    run.commands.some((c) => isCall(c, 'npm', ['cache']) && c.args.includes('clean'))
  );
}

export const npmCacheKept = defineRule({
  id: 'npm-cache-kept',
  technique: 'remove-package-managers',
  severity: 'warning',
  lesson: 'remove-package-managers',
  message:
    'npm keeps every downloaded tarball in its cache (~/.npm/_cacache), and it ships in this layer. Add `&& npm cache clean --force` to the same RUN, or use a cache mount.',
  check: (image) =>
    image.shippedRuns.flatMap((run) => {
      const install = run.commands.find((c) => isCall(c, 'npm', NPM_INSTALL_SUBS));
      if (!install) return [];
      const env = envOf(run, install);
      const cacheDir =
        flagValue(install.args, '--cache') ??
        env.npm_config_cache ??
        env.NPM_CONFIG_CACHE ??
        `${homeOf(userAt(run))}/.npm`;
      if (cacheGone(run, cacheDir) || cacheGone(run, '/root/.npm')) return [];
      const bytes = positive(
        addedBytes(
          run.layer,
          (e) => e.kind === 'cache' && (pathUnder(e.path, cacheDir) || e.path.endsWith('/.npm')),
        ),
      );
      return [
        {
          range: install.range,
          savedBytes: bytes,
          message: bytes
            ? `npm's cache keeps ${formatBytes(bytes)} of tarballs in this layer. Add \`&& npm cache clean --force\` to the same RUN, or use a cache mount.`
            : undefined,
          fix: appendToRun(
            image,
            run,
            'npm cache clean --force',
            'Clean the npm cache in the same RUN',
          ),
        },
      ];
    }),
});
