import { defineRule } from '../rule';
import { parsePackageJson } from '../manifest';
import {
  buildStepOf,
  envOf,
  hasFlag,
  isCall,
  isNpmProjectInstall,
  stageChain,
} from './helpers/commands';
import { formatBytes, insertAfterSubcommand, programIs } from './helpers/fixes';
import { positive } from './helpers/model';
import type { ImageModel, RunStep, ShellCommand, Stage } from '../model-types';
import { omitsDevDependencies } from '../vocabulary';

/** Programs that can bring a project's files into a stage without a COPY from the context. */
const FETCHERS = new Set(['git', 'curl', 'wget', 'svn', 'hg', 'gh']);

/**
 * What is known of the package.json files an install in `run` reads: `names` are the
 * devDependencies of the context's package.json files copied into its stage (and the stages it
 * is built FROM) before it; `opaque` is true when one of them was copied without its text, or
 * when files may have come from elsewhere (COPY --from, a remote ADD, a clone or download).
 */
function packageJsonsBefore(run: RunStep): { names: Set<string>; count: number; opaque: boolean } {
  const names = new Set<string>();
  let count = 0;
  let opaque = false;
  for (const stage of stageChain(run.stage)) {
    const before = (i: number) => stage !== run.stage || i <= run.index;
    for (const copy of stage.copies) {
      if (!before(copy.index)) continue;
      if (copy.from !== undefined || copy.isRemote) opaque = true;
      for (const f of copy.contextFiles) {
        if (!/(^|\/)package\.json$/.test(f.path)) continue;
        count++;
        if (f.content === undefined) {
          opaque = true;
          continue;
        }
        const manifest = parsePackageJson(f.content);
        if (manifest === 'unreadable') opaque = true;
        else for (const name of Object.keys(manifest.devDependencies ?? {})) names.add(name);
      }
    }
    for (const r of stage.runs) {
      if (before(r.index) && r.commands.some((c) => FETCHERS.has(c.name))) opaque = true;
    }
  }
  return { names, count, opaque };
}

/** The devDependencies of every shipped package.json, when all their texts are known. */
function shippedDevDependencies(image: ImageModel): Set<string> | undefined {
  if (!image.context.isKnown) return undefined;
  const names = new Set<string>();
  for (const run of image.shippedRuns) {
    const known = packageJsonsBefore(run);
    if (known.opaque) return undefined;
    for (const name of known.names) names.add(name);
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
    'When package.json lists devDependencies (test runners, compilers, type definitions), npm installs them into the shipped image. Install with --omit=dev, or build in a separate stage.',
  check: (image) => {
    // The start command runs a dev tool (a known one, or a binary of a known devDependency).
    if (startsDevTool(image, shippedDevDependencies(image))) return [];
    // Index of the last RUN with a build step, per stage (computed once).
    const lastBuild = new Map<Stage, number>();
    for (const stage of image.shippedStages) {
      const builds = stage.runs.filter((r) => r.commands.some((x) => buildStepOf(x) !== undefined));
      lastBuild.set(stage, builds.length > 0 ? builds[builds.length - 1].index : -1);
    }
    return image.shippedRuns.flatMap((run) => {
      const installs = run.commands.filter(
        (c) => isNpmProjectInstall(c) && !omitsDev(run, c) && !prunedInSameRun(run),
      );
      if (installs.length === 0) return [];
      const known = packageJsonsBefore(run);
      // With the context given and every package.json read: nothing to leave out when none
      // reaches the stage, or when none of them lists devDependencies.
      if (image.context.isKnown && !known.opaque && known.names.size === 0) return [];
      // Certain only when a package.json's text names devDependencies (or the layer measured them).
      return installs.map((c) => {
        const buildsLater = (lastBuild.get(run.stage) ?? -1) >= run.index;
        const dev = positive(run.layer?.devDependencyBytes);
        const certain = known.names.size > 0 || dev !== undefined;
        return {
          range: c.range,
          savedBytes: dev,
          message: buildsLater
            ? certain
              ? `This stage needs devDependencies to build, so they ship with the app${dev ? ` (${formatBytes(dev)})` : ''}. Build in a separate stage, then install with npm ci --omit=dev in the final stage.`
              : 'If package.json lists devDependencies, this stage needs them to build, so they ship with the app. Build in a separate stage, then install with npm ci --omit=dev in the final stage.'
            : dev
              ? `npm installs ${formatBytes(dev)} of devDependencies (test runners, compilers, type definitions) into the shipped image. Install with --omit=dev, or build in a separate stage.`
              : certain
                ? 'npm installs the devDependencies package.json lists (test runners, compilers, type definitions) into the shipped image. Install with --omit=dev, or build in a separate stage.'
                : 'If package.json lists devDependencies (test runners, compilers, type definitions), npm installs them into the shipped image. Install with --omit=dev, or build in a separate stage.',
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
      });
    });
  },
});
