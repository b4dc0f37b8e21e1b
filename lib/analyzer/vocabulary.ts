/**
 * Words about commands that the build model and the rules must read the same way. Kept in one
 * place so that two parts of the analyzer cannot disagree on what a command does.
 */

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
