/**
 * Words about commands that the build model and the rules must read the same way. Kept in one
 * place so that two parts of the analyzer cannot disagree on what a command does.
 */
import type { ShellCommand } from './model-types';
import { isTruthy } from './scope';

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

/**
 * Options that take the next word as their value, per program, so the value is not read as an
 * operand or the subcommand (apt-get(8), apk(8), the npm, yarn and pip option references). One
 * table for the build model and the rules: the model's and the rules' tables used to differ
 * (apt `--default-release`, apk `-t`/`--virtual`/`--keys-dir`, npm `--omit`/`--include`, yarn,
 * and three pip lists); this is their union.
 */
const APT_VALUE_OPTIONS = [
  '-o',
  '--option',
  '-c',
  '--config-file',
  '-t',
  '--target-release',
  '--default-release',
];
const PIP_VALUE_OPTIONS = [
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--src',
  '--trusted-host',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--progress-bar',
  '--cache-dir',
  '--only-binary',
  '--no-binary',
  '-e',
  '--editable',
  '--config-settings',
  '-C',
  '--report',
  '--log',
  '--root-user-action',
  '--proxy',
  '--timeout',
  '--retries',
  '--upgrade-strategy',
  '--cert',
  '--client-cert',
  '-w',
  '--wheel-dir',
  '-p',
  '--python',
];
export const VALUE_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  'apt-get': new Set(APT_VALUE_OPTIONS),
  apt: new Set(APT_VALUE_OPTIONS),
  apk: new Set([
    '-X',
    '--repository',
    '-p',
    '--root',
    '--arch',
    '-t',
    '--virtual',
    '--cache-dir',
    '--keys-dir',
    '--repositories-file',
  ]),
  npm: new Set([
    '--prefix',
    '-w',
    '--workspace',
    '--cache',
    '--registry',
    '--loglevel',
    '--omit',
    '--include',
  ]),
  yarn: new Set(['--cwd', '--cache-folder', '--modules-folder']),
  pip: new Set(PIP_VALUE_OPTIONS),
  pip3: new Set(PIP_VALUE_OPTIONS),
};

const NO_VALUE_OPTIONS: ReadonlySet<string> = new Set<string>();

/** The options of `tool` that take a value (none for a program the table does not know). */
export function valueOptions(tool: string): ReadonlySet<string> {
  return Object.prototype.hasOwnProperty.call(VALUE_OPTIONS, tool)
    ? VALUE_OPTIONS[tool]
    : NO_VALUE_OPTIONS;
}

/** The last path segment of a program word (`/usr/bin/pip3` → `pip3`). */
export function programName(word: string): string {
  const i = word.lastIndexOf('/');
  return i >= 0 ? word.slice(i + 1) : word;
}

/** Arguments that are not options (and not option values), for the given tool; all after `--`. */
export function operands(args: readonly string[], tool: string): string[] {
  const takesValue = valueOptions(tool);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (takesValue.has(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** The first operand of a command (its subcommand for apt-get, apk, npm...). */
export function subcommand(
  command: Pick<ShellCommand, 'name' | 'args'>,
  tool = programName(command.name),
): string | undefined {
  // operands(command.args, tool)[0] without building the list (rules ask this for every command).
  const args = command.args;
  const takesValue = valueOptions(tool);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return args[i + 1];
    if (a.startsWith('-') && a.length > 1) {
      if (takesValue.has(a)) i++;
      continue;
    }
    return a;
  }
  return undefined;
}

const PIP = /^pip(\d+(\.\d+)?)?$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;
const SHELL = /^(sh|bash|dash|ash|zsh)$/;

/** True for `pip`, `pip3`, `pip3.12` (any path). */
export function isPipProgram(word: string): boolean {
  return PIP.test(programName(word));
}

/** True for `python`, `python3`, `python3.12` (any path). */
export function isPythonProgram(word: string): boolean {
  return PYTHON.test(programName(word));
}

/** True for a POSIX-style shell that runs `-c SCRIPT` (`sh`, `bash`, `dash`, `ash`, `zsh`). */
export function isShellProgram(name: string): boolean {
  return SHELL.test(name);
}

/**
 * Home directory of a user as the official and distroless images set it up: root's is /root,
 * distroless `nonroot` (uid 65532) has /home/nonroot, `nobody` (65534) /nonexistent, any other
 * user /home/NAME.
 */
export function homeOf(user: string): string {
  const name = user.split(':')[0];
  if (name === '' || name === 'root' || name === '0') return '/root';
  if (name === 'nonroot' || name === '65532') return '/home/nonroot';
  if (name === 'nobody' || name === '65534') return '/nonexistent';
  return `/home/${name}`;
}

/**
 * PyPI packages whose compiled part is optional: when it cannot load (built for another Python
 * minor or another C library) the package imports its pure-Python code instead, only slower.
 * pyyaml: yaml/__init__.py imports .cyaml inside try/except ImportError; markupsafe: falls back
 * from ._speedups to ._native; charset-normalizer: md.py ships beside the compiled md (Debian's
 * python3-charset-normalizer file list); sqlalchemy: its Cython extensions are optional; aiohttp:
 * the C HTTP parser falls back to the Python one.
 */
export const PURE_FALLBACK_PACKAGES: ReadonlySet<string> = new Set([
  'pyyaml',
  'markupsafe',
  'charset-normalizer',
  'sqlalchemy',
  'aiohttp',
]);

/**
 * PyPI packages that publish abi3 wheels (one build for every CPython from a minimum version
 * up): built on another minor they may or may not load, so the model does not decide.
 */
export const ABI3_PACKAGES: ReadonlySet<string> = new Set([
  'cryptography',
  'protobuf',
  'tokenizers',
  'safetensors',
  'polars-runtime-32',
]);

/** Packages that give a stage a C compiler (for a pip source build). */
// alpine-sdk depends on build-base (alpinelinux/aports main/alpine-sdk/APKBUILD @85aac21).
export const C_COMPILER_PACKAGES: readonly string[] = [
  'gcc',
  'build-base',
  'alpine-sdk',
  'clang',
  'cc',
];

/** Compilers, build systems and toolchains by package name (Debian and Alpine). */
const BUILD_TOOL_PACKAGES = [
  'build-essential',
  'build-base',
  'alpine-sdk',
  'make',
  'cmake',
  'autoconf',
  'automake',
  'libtool',
  'pkg-config',
  'pkgconf',
  'musl-dev',
  'libc-dev',
  'binutils',
  'rustc',
  'cargo',
  'golang',
  'bison',
  'flex',
];

/*
 * The rules and the final image's facts used to keep two lists, and they disagree; the reports
 * depend on both (build-tools-in-final names packages with the first and sizes them with the
 * second), so both readings stay until that rule is changed on purpose:
 * - only the final image's facts count linux-headers, go and patch (and gcc, g++, cpp, clang,
 *   llvm and gfortran, bare or `-N`);
 * - only the rules count golang-go, ninja-build and meson, and versioned names such as
 *   `gfortran-12` or `gcc-12.2`.
 */
const RULES_BUILD_TOOLS = new Set([...BUILD_TOOL_PACKAGES, 'golang-go', 'ninja-build', 'meson']);
const FACTS_BUILD_TOOLS = new Set([
  ...BUILD_TOOL_PACKAGES,
  'gcc',
  'g++',
  'cpp',
  'clang',
  'llvm',
  'gfortran',
  'linux-headers',
  'go',
  'patch',
]);

/** True for `-dev` / `-devel` header packages. */
function isHeaders(name: string): boolean {
  return name.endsWith('-dev') || name.endsWith('-devel');
}

/**
 * Build tools as the rules read them: compilers (`gcc`, `gcc-12`, `g++`, `clang-18`, `gfortran`),
 * build systems, toolchains and header packages (see the note above on the two readings).
 */
export function isBuildToolPackage(name: string): boolean {
  return (
    isHeaders(name) ||
    /^(gcc|g\+\+|cpp|clang|llvm|gfortran)(-\d+(\.\d+)?)?$/.test(name) ||
    RULES_BUILD_TOOLS.has(name)
  );
}

/** Build tools as the final image's facts count them (see the note above on the two readings). */
export function isBuildToolInImage(name: string): boolean {
  // Regular expressions, not string methods: a package name that is not a string (a table
  // lookup of `__proto__`) must read as "no", never throw.
  return (
    FACTS_BUILD_TOOLS.has(name) ||
    /^(gcc|g\+\+|cpp|clang|llvm)-\d+$/.test(name) ||
    /-(dev|devel)$/.test(name)
  );
}

/** `flag VALUE` or `flag=VALUE` in `args`: the value, or undefined. */
function optionValue(args: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === flag) return args[i + 1];
    if (args[i].startsWith(`${flag}=`)) return args[i].slice(flag.length + 1);
  }
  return undefined;
}

const DEV = new Set(['dev', 'development']);
const PROD = new Set(['prod', 'production']);

/**
 * True when an npm or yarn install leaves devDependencies out: `--production` (`--prod`),
 * `--omit dev`, `--only prod`, else NODE_ENV=production or npm's `npm_config_production` /
 * `npm_config_omit=dev`, unless `--include dev` or `--production=false` asks for them (npm
 * install docs, "omit" and "include"). `env` reads the command's environment.
 *
 * The build model and the npm-install-dev-deps rule used to read this differently: the model
 * ignored `--prod`, `--omit development` and the npm_config_* variables; the rule took
 * `--production=false` for production and let any `--include` (even `--include=optional`)
 * override NODE_ENV.
 */
export function omitsDevDependencies(
  args: readonly string[],
  env: (name: string) => string | undefined,
): boolean {
  if (args.includes('--production=false') || DEV.has(optionValue(args, '--include') ?? ''))
    return false;
  if (args.includes('--production') || args.includes('--prod')) return true;
  if (args.includes('--production=true')) return true;
  if (DEV.has(optionValue(args, '--omit') ?? '')) return true;
  if (PROD.has(optionValue(args, '--only') ?? '')) return true;
  if (env('NODE_ENV') === 'production') return true;
  const production = env('npm_config_production') ?? env('NPM_CONFIG_PRODUCTION');
  if (production !== undefined && isTruthy(production)) return true;
  return DEV.has(env('npm_config_omit') ?? env('NPM_CONFIG_OMIT') ?? '');
}

/**
 * apt-get's operations: the command table of apt's `cmdline/apt-get.cc` (`GetCommands`) and the
 * `help` that `apt-private/private-cmndline.cc` (`ParseCommandLine`) puts before it, read in
 * Debian/apt at commit 6b128124271e94bdb0f4e7850d9286170d712b04 (2025-11-10). The table of tag
 * 2.6.1 (commit a626a66fece0a7d680e40b9e35b66e29fe9ae12c, Debian bookworm's apt) is the same
 * without `distclean` and `dist-clean`, which came in 2.7.8 (commit c82f962, 2024-01-03; the
 * apt-dist-clean-unavailable rule reports them on older releases). Any other first operand
 * stops apt-get with "E: Invalid operation X" and exit status 100
 * (`apt-pkg/contrib/cmndline.cc`, `CommandLine::DispatchArg`, compared with strcmp: `Update` is
 * not `update`).
 */
export const APT_GET_OPERATIONS: ReadonlySet<string> = new Set([
  'help',
  'update',
  'upgrade',
  'install',
  'reinstall',
  'remove',
  'purge',
  'autoremove',
  'auto-remove',
  'autopurge',
  'markauto',
  'unmarkauto',
  'dist-upgrade',
  'full-upgrade',
  'dselect-upgrade',
  'build-dep',
  'satisfy',
  'clean',
  'autoclean',
  'auto-clean',
  'distclean',
  'dist-clean',
  'check',
  'source',
  'download',
  'changelog',
  'indextargets',
  'moo',
]);

/**
 * apt-get options that take the next word as their value (`CommandLine::HasArg`, `ConfigFile`
 * and `ArbItem` in apt-private/private-cmndline.cc at the commit above), for any operation.
 */
const APT_GET_VALUE_OPTIONS = new Set([
  ...APT_VALUE_OPTIONS,
  '-S',
  '--snapshot',
  '--with-source',
  '--cli-version',
  '-a',
  '--host-architecture',
  '-P',
  '--build-profiles',
  '--solver',
  '--planner',
  '--comment',
  '-e',
  '--error-on',
  '--format',
]);

/** apt-get's short flags that take no value (same source), alone or in a cluster (`-qy`). */
const APT_GET_SHORT_FLAGS = /^-[yqfmudsbVU]+$/;

/** apt-get's long options that take no value (same source); `--no-X` turns off a boolean X. */
const APT_GET_LONG_FLAGS = new Set(
  (
    'yes assume-yes assume-no quiet fix-broken fix-missing ignore-missing show-upgraded ' +
    'download-only download simulate just-print dry-run recon no-act install-recommends ' +
    'install-suggests allow-unauthenticated allow-downgrades allow-remove-essential ' +
    'allow-change-held-packages allow-insecure-repositories allow-weak-repositories ' +
    'allow-releaseinfo-change force-yes purge auto-remove autoremove reinstall upgrade ' +
    'only-upgrade print-uris trivial-only remove list-cleanup ignore-hold verbose-versions ' +
    'show-progress compile build fix-policy mark-auto only-source with-new-pkgs new-pkgs ' +
    'strict-pinning update arch-only indep-only diff-only debian-only tar-only dsc-only ' +
    'release-info list-columns'
  )
    .split(/\s+/)
    .map((o) => `--${o}`),
);

/**
 * The word apt-get dispatches on (its first operand), when the options before it are ones apt
 * knows and none asks only for help or the version; undefined otherwise (then the call is not
 * judged: an option the table does not know could take that word as its value).
 */
export function aptGetOperationWord(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return undefined;
    if (a === '-h' || a === '--help' || a === '-v' || a === '--version') return undefined;
    if (a.startsWith('-') && a.length > 1) {
      if (APT_GET_VALUE_OPTIONS.has(a)) {
        i++;
        continue;
      }
      if (a.startsWith('--') && a.includes('=')) continue;
      if (/^-[a-zA-Z]=/.test(a)) continue;
      if (APT_GET_SHORT_FLAGS.test(a)) continue;
      if (APT_GET_LONG_FLAGS.has(a) || APT_GET_LONG_FLAGS.has(a.replace(/^--no-/, '--'))) continue;
      return undefined;
    }
    // A number may be `-q 2`'s level, a yes/no word a boolean option's value (CommandLine::Parse).
    if (/^\d+$/.test(a) || /^(yes|no|true|false|with|without|on|off|enable|disable)$/i.test(a))
      return undefined;
    return a;
  }
  return undefined;
}

/** Dashes that look like a hyphen-minus but are not one (U+2010–U+2015, U+2212), as a word's start. */
const DASH_LOOKALIKE = /^[\u2010-\u2015\u2212]/;

/** True when `word` starts with a dash a program does not read as an option (`–y`, an en dash). */
export function hasDashLookalike(word: string): boolean {
  return DASH_LOOKALIKE.test(word);
}

/** `word` with its leading look-alike dashes made hyphens (`–y` → `-y`, `——yes` → `--yes`). */
export function normalizeDashes(word: string): string {
  return word.replace(/^[\u2010-\u2015\u2212]+/, (d) => '-'.repeat(d.length));
}
