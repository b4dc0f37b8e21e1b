import { defineRule } from '../rule';
import {
  buildStepOf,
  envOf,
  flagValue,
  hasFlag,
  isCall,
  isNpmProjectInstall,
  isTruthy,
} from './helpers/commands';
import { formatBytes, insertAfterSubcommand, programIs } from './helpers/fixes';
import { positive } from './helpers/model';
import type { RunStep, ShellCommand, Stage } from '../model-types';

/** True when this install leaves devDependencies out (flag, npm config or NODE_ENV=production). */
function omitsDev(run: RunStep, command: ShellCommand): boolean {
  const args = command.args;
  if (hasFlag(args, '--production', '--prod')) return true;
  if (['dev', 'development'].includes(flagValue(args, '--omit') ?? '')) return true;
  if (['prod', 'production'].includes(flagValue(args, '--only') ?? '')) return true;
  const env = envOf(run, command);
  if (env.NODE_ENV === 'production' && !hasFlag(args, '--include', '--production=false'))
    return true;
  if (isTruthy(env.npm_config_production ?? env.NPM_CONFIG_PRODUCTION)) return true;
  return ['dev', 'development'].includes(env.npm_config_omit ?? env.NPM_CONFIG_OMIT ?? '');
}

/** True when the same RUN prunes dev dependencies after installing them. */
function prunedInSameRun(run: RunStep): boolean {
  return run.commands.some(
    (c) =>
      isCall(c, 'npm', ['prune']) &&
      (hasFlag(c.args, '--production', '--omit') || envOf(run, c).NODE_ENV === 'production'),
  );
}

export const npmInstallDevDeps = defineRule({
  id: 'npm-install-dev-deps',
  technique: 'copy-only-needed',
  severity: 'warning',
  lesson: 'copy-only-needed',
  message:
    'npm installs devDependencies (test runners, compilers, type definitions) into the shipped image. Install with --omit=dev, or build in a separate stage.',
  check: (image) => {
    // Index of the last RUN with a build step, per stage (computed once).
    const lastBuild = new Map<Stage, number>();
    for (const stage of image.shippedStages) {
      const builds = stage.runs.filter((r) => r.commands.some((x) => buildStepOf(x) !== undefined));
      lastBuild.set(stage, builds.length > 0 ? builds[builds.length - 1].index : -1);
    }
    return image.shippedRuns.flatMap((run) =>
      run.commands
        .filter((c) => isNpmProjectInstall(c) && !omitsDev(run, c) && !prunedInSameRun(run))
        .map((c) => {
          const buildsLater = (lastBuild.get(run.stage) ?? -1) >= run.index;
          const dev = positive(run.layer?.devDependencyBytes);
          return {
            range: c.range,
            savedBytes: dev,
            message: buildsLater
              ? `This stage needs devDependencies to build, so they ship with the app${dev ? ` (${formatBytes(dev)})` : ''}. Build in a separate stage, then install with npm ci --omit=dev in the final stage.`
              : dev
                ? `npm installs ${formatBytes(dev)} of devDependencies (test runners, compilers, type definitions) into the shipped image. Install with --omit=dev, or build in a separate stage.`
                : undefined,
            // With a build step later the app needs its devDependencies: no mechanical fix.
            fix: buildsLater
              ? undefined
              : insertAfterSubcommand(
                  image,
                  run,
                  c,
                  programIs('npm'),
                  ['ci', 'install', 'i', 'clean-install', 'ic', 'install-clean'],
                  '--omit=dev',
                  'Add --omit=dev',
                ),
          };
        }),
    );
  },
});
