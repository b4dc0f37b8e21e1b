import { defineRule } from '../rule';
import { buildStepOf, envOf, hasFlag, isCall, isNpmProjectInstall } from './helpers/commands';
import { formatBytes, insertAfterSubcommand, programIs } from './helpers/fixes';
import { positive } from './helpers/model';
import type { ImageModel, RunStep, ShellCommand, Stage } from '../model-types';
import { omitsDevDependencies } from '../vocabulary';

/** Names of the devDependencies of the shipped package.json files; undefined when no text is known. */
function devDependencies(image: ImageModel): Set<string> | undefined {
  const texts = image.shippedCopies
    .flatMap((c) => c.contextFiles)
    .filter((f) => /(^|\/)package\.json$/.test(f.path));
  if (texts.length === 0 || texts.some((f) => f.content === undefined)) return undefined;
  const names = new Set<string>();
  for (const f of texts) {
    try {
      const json = JSON.parse(f.content!) as { devDependencies?: Record<string, string> };
      for (const name of Object.keys(json.devDependencies ?? {})) names.add(name);
    } catch {
      return undefined;
    }
  }
  return names;
}

/** Tools that only a development or test image runs. */
const DEV_TOOLS = new Set(['nodemon', 'ts-node', 'tsx', 'vite', 'jest', 'mocha', 'vitest']);

/**
 * True when the image's start command runs a development tool (`npm run dev`, `npm test`,
 * `npx nodemon`, a devDependency's binary): such an image needs its devDependencies.
 */
function startsDevTool(image: ImageModel, dev: Set<string> | undefined): boolean {
  const start = image.target.entrypoint ?? image.target.cmd;
  if (!start) return false;
  const words = (start.form === 'shell' ? start.args.join(' ').split(/\s+/) : start.args).filter(
    Boolean,
  );
  const [program, ...rest] = words.map((w) => w.replace(/^.*\//, ''));
  if (!program) return false;
  const isDev = (name: string | undefined) =>
    name !== undefined && (DEV_TOOLS.has(name) || (dev?.has(name) ?? false));
  if (['npm', 'yarn', 'pnpm'].includes(program)) {
    const sub = rest[0];
    if (sub === 'test' || sub === 't' || sub === 'dev') return true;
    if (sub === 'run' || sub === 'run-script') return rest[1] !== undefined && rest[1] !== 'start';
    return program !== 'npm' && isDev(sub);
  }
  if (program === 'npx') return isDev(rest.find((w) => !w.startsWith('-')));
  return isDev(program);
}

/** True when this install leaves devDependencies out (flag, npm config or NODE_ENV=production). */
function omitsDev(run: RunStep, command: ShellCommand): boolean {
  const env = envOf(run, command);
  return omitsDevDependencies(command.args, (name) => env[name]);
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
    const dev = devDependencies(image);
    // Nothing to leave out, or the image runs a dev tool and needs them.
    if ((dev !== undefined && dev.size === 0) || startsDevTool(image, dev)) return [];
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
