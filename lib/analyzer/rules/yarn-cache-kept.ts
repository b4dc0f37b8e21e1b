import { defineRule } from '../rule';
import { isVersionQuery } from '../vocabulary';
import type { RunStep } from '../model-types';
import { envOf, homeOf, isCall, operands } from './helpers/commands';
import { appendToRun, formatBytes } from './helpers/fixes';
import { addedBytes, pathUnder, positive, userAt } from './helpers/model';

/** Where Yarn 1 keeps its cache: /usr/local/share/.cache/yarn for root in the node images, else ~/.cache/yarn. */
function cacheDirs(run: RunStep): string[] {
  const env = envOf(run);
  const home = homeOf(userAt(run));
  return [env.YARN_CACHE_FOLDER, '/usr/local/share/.cache/yarn', `${home}/.cache/yarn`].filter(
    (d): d is string => Boolean(d),
  );
}

export const yarnCacheKept = defineRule({
  id: 'yarn-cache-kept',
  technique: 'remove-package-managers',
  severity: 'warning',
  lesson: 'remove-package-managers',
  message:
    'Yarn keeps every downloaded package in its cache, and it ships in this layer. Add `&& yarn cache clean` to the same RUN, or use a cache mount.',
  check: (image) =>
    image.shippedRuns.flatMap((run) => {
      const install = run.commands.find(
        (c) =>
          isCall(c, 'yarn', ['install', 'add']) ||
          (isCall(c, 'yarn') && operands(c.args, 'yarn').length === 0 && !isVersionQuery(c.args)),
      );
      if (!install) return [];
      const dirs = cacheDirs(run);
      const gone =
        dirs.some((d) => run.deletes(d) || run.mountsCover(d)) ||
        run.commands.some((c) => isCall(c, 'yarn', ['cache']) && c.args.includes('clean'));
      if (gone) return [];
      const bytes = positive(
        addedBytes(run.layer, (e) => e.kind === 'cache' && dirs.some((d) => pathUnder(e.path, d))),
      );
      return [
        {
          range: install.range,
          savedBytes: bytes,
          message: bytes
            ? `Yarn's cache keeps ${formatBytes(bytes)} of packages in this layer. Add \`&& yarn cache clean\` to the same RUN, or use a cache mount.`
            : undefined,
          fix: appendToRun(image, run, 'yarn cache clean', 'Clean the Yarn cache in the same RUN'),
        },
      ];
    }),
});
