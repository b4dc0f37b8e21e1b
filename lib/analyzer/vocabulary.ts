/**
 * Words about commands that the build model and the rules must read the same way. Kept in one
 * place so that two parts of the analyzer cannot disagree on what a command does.
 */
import type { ShellCommand } from './model-types';

/** Arguments that ask a program for its version or its usage, and nothing else. */
const VERSION_FLAGS = new Set(['--version', '-version', '-V', 'version', '--help', '-h', '-v']);

/**
 * True when a call only asks for a version or usage (`rustc --version`, `go version`,
 * `yarn --version`): it builds, installs and writes nothing.
 */
export function isVersionQuery(args: readonly string[]): boolean {
  return args.length > 0 && args.every((a) => VERSION_FLAGS.has(a));
}

/**
 * apt-get modes that never change the system (apt-get(8): -s, --simulate, --just-print,
 * --dry-run, --recon, --no-act; --print-uris only prints), also inside a cluster such as `-qs`.
 */
const APT_NO_ACTION = new Set([
  '-s',
  '--simulate',
  '--just-print',
  '--dry-run',
  '--recon',
  '--no-act',
  '--print-uris',
]);

/** True when this apt-get argument asks for a simulation: the call installs and removes nothing. */
export function isAptNoAction(arg: string): boolean {
  // A cluster of short flags (`-qs`, `-ys`), not `-o` with a configuration item after it.
  return APT_NO_ACTION.has(arg) || /^-[a-np-zA-Z]*s[a-zA-Z]*$/.test(arg);
}

/** Alternative names of a program for `RunStep.calls`. */
export function programAliases(name: string): string[] {
  if (name === 'pip') return ['pip', 'pip3'];
  if (name === 'apt-get') return ['apt-get', 'apt'];
  return [name];
}

/** Options of some programs that take a value (so the value is not the subcommand). */
export const OPTS_WITH_VALUE: Record<string, Set<string>> = {
  'apt-get': new Set([
    '-o',
    '--option',
    '-c',
    '--config-file',
    '-t',
    '--target-release',
    '--default-release',
  ]),
  apt: new Set([
    '-o',
    '--option',
    '-c',
    '--config-file',
    '-t',
    '--target-release',
    '--default-release',
  ]),
  apk: new Set([
    '-X',
    '--repository',
    '-p',
    '--root',
    '--arch',
    '--cache-dir',
    '--keys-dir',
    '--repositories-file',
  ]),
  npm: new Set(['--prefix', '-w', '--workspace', '--cache', '--registry', '--loglevel']),
  yarn: new Set(['--cwd', '--cache-folder', '--modules-folder']),
  pip: new Set(['--cache-dir', '--log', '--proxy', '--timeout', '--retries']),
  pip3: new Set(['--cache-dir', '--log', '--proxy', '--timeout', '--retries']),
};

/** First non-option argument of `cmd` (its subcommand), skipping values of known value options. */
export function subcommand(cmd: ShellCommand): string | undefined {
  const withValue = Object.prototype.hasOwnProperty.call(OPTS_WITH_VALUE, cmd.name)
    ? OPTS_WITH_VALUE[cmd.name]
    : undefined;
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i];
    if (a.startsWith('-')) {
      if (withValue && withValue.has(a)) i++;
      continue;
    }
    return a;
  }
  return undefined;
}
