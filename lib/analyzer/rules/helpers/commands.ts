/**
 * What the parsed shell commands of a RUN do, for rules: which install commands run, with which
 * flags. Works on the model's `ShellCommand`s (already split by the real shell parser).
 */
import type { RunStep, ShellCommand, Stage } from '../../model-types';
import { baseName } from './source';
import { newScope } from '../../scope';
import {
  homeOf,
  isBuildToolPackage,
  isPipProgram,
  isPythonProgram,
  operands,
  subcommand,
} from '../../vocabulary';
import { cacheSlot } from '../../cache';

// The command vocabulary is shared with the build model (lib/analyzer/vocabulary.ts).
export { homeOf, isBuildToolPackage, isPipProgram, isPythonProgram, operands, subcommand };

/** True if `args` holds `flag` (also as `flag=value`). */
export function hasFlag(args: string[], ...flags: string[]): boolean {
  return args.some((a) => flags.some((f) => a === f || a.startsWith(`${f}=`)));
}

/** Value of an option written `--opt value` or `--opt=value`; `undefined` when absent. */
export function flagValue(args: string[], ...flags: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const f of flags) {
      if (args[i] === f) return args[i + 1];
      if (args[i].startsWith(`${f}=`)) return args[i].slice(f.length + 1);
    }
  }
  return undefined;
}

/** A pip invocation: `pip install`, `pip3 install`, `python -m pip install`... */
export interface PipCall {
  command: ShellCommand;
  /** The pip subcommand (`install`, `wheel`...). */
  sub: string;
  /** Arguments after the subcommand. */
  args: string[];
  /** Arguments between `pip` and the subcommand (global options such as `--no-cache-dir`). */
  globalArgs: string[];
}

/** The pip call `command` makes, if any. */
export function pipCall(command: ShellCommand): PipCall | undefined {
  let rest: string[] | undefined;
  if (isPipProgram(command.name)) rest = command.args;
  else if (isPythonProgram(command.name)) {
    const m = command.args.indexOf('-m');
    if (m >= 0 && isPipProgram(command.args[m + 1] ?? '')) rest = command.args.slice(m + 2);
  }
  if (!rest) return undefined;
  const subIndex = rest.findIndex((a) => !a.startsWith('-'));
  if (subIndex < 0) return undefined;
  return {
    command,
    sub: rest[subIndex],
    args: rest.slice(subIndex + 1),
    globalArgs: rest.slice(0, subIndex),
  };
}

/** True if the command is `name` (any path) and, if given, its subcommand is one of `subs`. */
export function isCall(command: ShellCommand, name: string | string[], subs?: string[]): boolean {
  // baseName(command.name) is one of the names, compared in place (rules call this for every
  // command of every RUN, and most calls fail here).
  const cmdName = command.name;
  let program: string | undefined;
  if (typeof name === 'string') {
    if (isProgramName(cmdName, name)) program = name;
  } else {
    for (const n of name) {
      if (isProgramName(cmdName, n)) {
        program = n;
        break;
      }
    }
  }
  if (program === undefined) return false;
  if (!subs) return true;
  const sub = subcommand(command, program);
  return sub !== undefined && subs.includes(sub);
}

/** `baseName(word) === name`, without slicing. */
function isProgramName(word: string, name: string): boolean {
  if (word.length < name.length || name.includes('/')) return false;
  if (word.length === name.length) return word === name;
  return word.charCodeAt(word.length - name.length - 1) === 47 && word.endsWith(name);
}

/** `apt-get install` / `apt install` commands of a RUN. */
export function aptInstalls(run: RunStep): ShellCommand[] {
  return run.commands.filter((c) => isCall(c, ['apt-get', 'apt'], ['install']));
}

/** Package operands of an apt-get/apt/apk install command (after the subcommand). */
export function packageOperands(command: ShellCommand): string[] {
  const tool = baseName(command.name);
  return operands(command.args, tool).slice(1);
}

/** `npm install` / `npm ci` (aliases `i`, `isntall`, `add`) commands of a RUN. */
export const NPM_INSTALL_SUBS = [
  'install',
  'i',
  'ci',
  'add',
  'isntall',
  'in',
  'ins',
  'inst',
  'insta',
  'instal',
  'clean-install',
  'ic',
  'install-clean',
];

/** True for an `npm install`/`npm ci` that installs the project's dependencies (no package names). */
export function isNpmProjectInstall(command: ShellCommand): boolean {
  if (!isCall(command, 'npm', NPM_INSTALL_SUBS)) return false;
  if (hasFlag(command.args, '-g', '--global', '--location')) return false;
  return operands(command.args, 'npm').length === 1;
}

/** Environment in effect for a command: the RUN's ENV/ARG values plus inline assignments. */
export function envOf(run: RunStep, command?: ShellCommand): Record<string, string> {
  return newScope(run.env, command?.assignments);
}

export { isTruthy } from '../../scope';

/** True for a user spec that means root (`root`, `0`, `0:0`, `root:root`, empty). */
export function isRootUser(user: string | undefined): boolean {
  const name = (user ?? '').trim().split(':')[0];
  return name === '' || name === 'root' || name === '0';
}

/** Stages from `stage` up its FROM chain (itself first, root last). */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.baseStage) chain.push(s);
  return chain;
}

const IMAGE_STEPS = cacheSlot('image steps', () => new WeakMap<Stage, Stage['steps']>());

/** Steps that make up the image of `stage`, root stage first (a stage FROM another inherits its steps). Cached per stage. */
export function stepsOfImage(stage: Stage): Stage['steps'] {
  const stepsCache = stage.cache.get(IMAGE_STEPS);
  let steps = stepsCache.get(stage);
  if (!steps) {
    steps = stageChain(stage)
      .reverse()
      .flatMap((s) => s.steps);
    stepsCache.set(stage, steps);
  }
  return steps;
}

/** Programs whose invocation in a RUN is a build step (compiles or bundles the app). */
export function buildStepOf(command: ShellCommand): string | undefined {
  const program = baseName(command.name);
  const sub = subcommand(command, program);
  const args = command.args;
  if (
    ['npm', 'pnpm'].includes(program) &&
    sub === 'run' &&
    ['build', 'compile', 'bundle'].includes(operands(args, program)[1] ?? '')
  )
    return `${program} run ${operands(args, program)[1]}`;
  if (program === 'yarn' && ['build', 'compile'].includes(sub ?? '')) return `yarn ${sub}`;
  if (
    program === 'yarn' &&
    sub === 'run' &&
    ['build', 'compile'].includes(operands(args, program)[1] ?? '')
  )
    return `yarn run ${operands(args, program)[1]}`;
  if (program === 'pnpm' && sub === 'build') return 'pnpm build';
  if (
    program === 'npx' &&
    ['tsc', 'next', 'vite', 'webpack', 'esbuild', 'rollup', 'ng'].includes(sub ?? '')
  )
    return `npx ${sub}`;
  if (
    [
      'tsc',
      'webpack',
      'esbuild',
      'vite',
      'rollup',
      'javac',
      'rustc',
      'gcc',
      'g++',
      'cc',
      'c++',
      'clang',
      'clang++',
      'make',
      'cmake',
      'ninja',
    ].includes(program)
  )
    return program;
  if (program === 'go' && ['build', 'install'].includes(sub ?? '')) return `go ${sub}`;
  if (program === 'cargo' && ['build', 'install'].includes(sub ?? '')) return `cargo ${sub}`;
  if (
    ['mvn', 'mvnw'].includes(program) &&
    args.some((a) => ['package', 'install', 'verify'].includes(a))
  )
    return 'mvn package';
  if (
    ['gradle', 'gradlew'].includes(program) &&
    args.some((a) => ['build', 'assemble', 'bootJar', 'installDist', 'jar'].includes(a))
  )
    return 'gradle build';
  if (program === 'dotnet' && ['build', 'publish'].includes(sub ?? '')) return `dotnet ${sub}`;
  const pip = pipCall(command);
  if (pip && pip.sub === 'wheel') return 'pip wheel';
  if (
    isPythonProgram(program) &&
    args[0] === 'setup.py' &&
    args.some((a) => ['build', 'bdist_wheel', 'build_ext'].includes(a))
  )
    return 'python setup.py build';
  return undefined;
}

const FIRST_INSTALLERS = cacheSlot(
  'first installers',
  () => new WeakMap<Stage, Map<string, RunStep>>(),
);

/** Per package name, the first RUN of the stage's image (parents first) whose apt/apk install names it. Cached per stage. */
function firstInstallerOf(stage: Stage): Map<string, RunStep> {
  const firstInstallers = stage.cache.get(FIRST_INSTALLERS);
  let map = firstInstallers.get(stage);
  if (!map) {
    map = new Map();
    for (const s of stageChain(stage).reverse())
      for (const r of s.runs)
        for (const c of r.commands)
          if (isCall(c, ['apt-get', 'apt'], ['install']) || isCall(c, 'apk', ['add']))
            for (const p of packageOperands(c)) if (!map.has(p)) map.set(p, r);
    firstInstallers.set(stage, map);
  }
  return map;
}

/**
 * True when an earlier RUN (this stage or a parent) already names `pkg` in an apt/apk install.
 * Meant for packages `run` itself installs.
 */
export function installedBefore(run: RunStep, pkg: string): boolean {
  const first = firstInstallerOf(run.stage).get(pkg);
  return first !== undefined && first !== run;
}

/**
 * True when `run` installs build tools (apt/apk) and none of them is left when it ends: the
 * official images' pattern of building and purging the toolchain in one layer
 * (`apt-mark auto '.*' … apt-get purge --auto-remove`, `apk add --virtual .build-deps … apk del`).
 */
export function purgesOwnToolchain(run: RunStep): boolean {
  const layer = run.layer;
  if (!layer) return false;
  const installed = run.commands.some(
    (c) => isCall(c, ['apt-get', 'apt'], ['install']) || isCall(c, 'apk', ['add']),
  );
  if (!installed) return false;
  const removes = run.commands.some(
    (c) =>
      isCall(c, ['apt-get', 'apt'], ['purge', 'remove', 'autoremove']) ||
      isCall(c, 'apk', ['del', 'delete']) ||
      (isProgramName(c.name, 'dpkg') &&
        c.args.some((a) => ['-r', '-P', '--purge', '--remove'].includes(a))),
  );
  if (!removes) return false;
  // Tools an earlier RUN already installed stay (apk del of a virtual package keeps them, as
  // apt's auto-remove keeps manual ones): this RUN neither adds nor purges them.
  const tools = run.commands
    .filter((c) => isCall(c, ['apt-get', 'apt'], ['install']) || isCall(c, 'apk', ['add']))
    .flatMap((c) => packageOperands(c))
    .filter((p) => isBuildToolPackage(p) && !installedBefore(run, p));
  if (tools.length === 0) return false;
  // Every build tool it installed is deleted by the same layer (or was a virtual name for
  // another package, so it is not installed under its own name at all).
  const deleted = new Set(layer.deletes);
  return tools.every(
    (t) =>
      deleted.has(`/.pkg/apt/${t}`) || deleted.has(`/.pkg/apk/${t}`) || !run.stage.packages.has(t),
  );
}
