/**
 * What each shell command of a RUN does to the simulated image: packages installed and removed,
 * caches and lists left behind, files deleted, duplicated or downloaded. Sizes come from
 * size-data.ts; anything that cannot be sized becomes an Unknown (only for commands that
 * plausibly write files, so `echo` and `mkdir` never flood the list).
 */
import type { ContextFile, ParseProblem, Unknown } from './types';
import type { BuildFailureKind, FsEntry, Layer, RunStep, ShellCommand, Stage } from './model-types';
import { StageFs, isUnder, sum, type SimEntry } from './sim-fs';
import { parseShell } from './shell';
import { isTruthy } from './scope';
import { parsePackageJson } from './manifest';
import * as data from './size-data';
import { isSignatureUrl, knownDownload, type DistroKind } from './downloads';
import { isAptNoAction, isVersionQuery } from './vocabulary';
import type { BaseImageRecord } from '../sizes/types';

export interface StageState {
  fs: StageFs;
  /** Installed packages; may be shared with the base image or parent stage until `ownPackages`. */
  packages: Set<string>;
  /** `packages` is shared (the base image's cached set or the parent stage's): copy before writing. */
  packagesShared: boolean;
  record: BaseImageRecord;
  aptRelease?: data.AptRelease;
  excludesDocs: boolean;
  /** An apt config file written in this stage turns Recommends off. */
  isNoRecommendsConfig: boolean;
  libc: 'glibc' | 'musl' | 'none' | 'unknown';
  pythonVersion?: string;
  nodeVersion?: string;
  /** apt installs: what was asked for and the closure it pulled (for autoremove). */
  aptGroups: { requested: Set<string>; packages: string[] }[];
  /** apk --virtual groups and their packages. */
  apkVirtual: Map<string, string[]>;
  /** Python packages compiled from source on musl (need a compiler). */
  compiles: string[];
  /**
   * Dependencies pip left to an OS package's copy ("Requirement already satisfied"), with the
   * package that holds it: deleting that package later takes them away.
   */
  pipSatisfiedByOs: { dist: string; osPkg: string; site: string }[];
  /** Image path → context file placed there by COPY/ADD (for requirements.txt, package.json). */
  files: Map<string, ContextFile>;
  venvs: string[];
  /** Language package managers removed by a command (`pip uninstall pip`, `rm -rf …/node_modules/npm`). */
  removedManagers: Set<string>;
  /** node_modules entries installed only as dev dependencies (for `npm prune`). */
  npmDev: Set<string>;
  /** Packages dpkg installed or removed in the current layer (its database is rewritten). */
  dpkgChanges?: { layer: Layer; installed: number };
  /**
   * apt-mark in the current RUN (the official images' pattern): `saved` is what
   * `apt-mark showmanual` printed, `isAllAuto` set by `apt-mark auto '.*'`, `manual` the names
   * marked manual since, `lddKeeps` the command that marks the libraries built files link to.
   */
  aptMarks?: {
    layer: Layer;
    saved?: Set<string>;
    isAllAuto: boolean;
    manual: Set<string>;
    lddKeeps?: ShellCommand;
  };
  /** A release download sized from published images in this layer: its unpack and build steps are covered. */
  knownDist?: { layer: Layer; name: string };
}

/** Programs that unpack, build or install a release download: covered when the download was sized. */
const UNPACK_BUILD = new Set(
  'tar xz unxz gunzip unzip bunzip2 make configure rustup-init strip ./configure install'.split(
    ' ',
  ),
);

/** The apt-mark state of the current layer, fresh for each RUN. */
function aptMarksOf(rc: RunContext): NonNullable<StageState['aptMarks']> {
  const m = rc.state.aptMarks;
  if (m && m.layer === rc.layer) return m;
  const fresh = { layer: rc.layer, isAllAuto: false, manual: new Set<string>() };
  rc.state.aptMarks = fresh;
  return fresh;
}

/** The stage's package set, made its own (copy-on-write) before the first change. */
export function ownPackages(state: StageState): Set<string> {
  if (state.packagesShared) {
    state.packages = new Set(state.packages);
    state.packagesShared = false;
  }
  return state.packages;
}

export interface RunContext {
  state: StageState;
  stage: Stage;
  run: RunStep;
  layer: Layer;
  unknowns: Unknown[];
  problems: ParseProblem[];
  /** Context bind mounts of this RUN: image path → context file. */
  boundFiles: Map<string, ContextFile>;
  /** Bind mounts of this RUN from an earlier stage (`--mount=type=bind,from=build`). */
  stageMounts: { target: string; source: string; stage: Stage }[];
  /** Records that `cmd` certainly fails the build (see `BuildFailure`). */
  fail(kind: BuildFailureKind, cmd: ShellCommand, message: string): void;
  /** Deletes what `pattern` names (absolute, may glob) and accounts waste; records the deletion. */
  remove(pattern: string): void;
  /** Adds an entry to this layer unless a cache/tmpfs mount covers its path. */
  add(entry: Omit<SimEntry, 'layer'>): void;
  /** Marks earlier entries at these exact paths as overwritten (waste) and drops them. */
  overwrite(paths: string[]): void;
  /** Records that this RUN deletes `pattern` (for `RunStep.deletes`) without touching the FS. */
  recordDelete(pattern: string): void;
}

/** Programs that only read, print or touch tiny files: never listed as unknown. */
const QUIET = new Set(
  (
    'echo printf cd set export unset true false test [ [[ mkdir ln ls cat grep egrep fgrep sed awk exit which command ' +
    'type env uname id whoami sleep touch rmdir mktemp head tail wc sort uniq cut tr basename dirname readlink ' +
    'realpath pwd date tee useradd adduser groupadd addgroup usermod groupmod chpasswd passwd update-ca-certificates ' +
    'ldconfig locale-gen localedef dpkg-reconfigure apt-mark dpkg ln chmod chown echo source . eval exec trap ' +
    'shift local readonly declare return break continue wait ulimit umask hash getent stat file du df free nproc ' +
    'arch lsb_release md5sum sha256sum sha1sum sha512sum gpg gpgconf gpg-agent dirmngr find xargs yes seq ' +
    'ssh-keyscan git-lfs ulimit update-alternatives ln install-php-extensions setcap getcap chsh chgrp printenv ' +
    'node-gyp npx corepack rc-update su su-exec gosu tini curl-config pkg-config'
  ).split(/\s+/),
);

/** Programs known to write something we do not size; listed as unknowns with 0 bytes assumed. */
const WRITERS_NOTE = 'runs a program whose output size is not modelled; 0 bytes assumed';

/** Alternative names of a program for `RunStep.calls`. */
export function programAliases(name: string): string[] {
  if (name === 'pip') return ['pip', 'pip3'];
  if (name === 'apt-get') return ['apt-get', 'apt'];
  return [name];
}

/** Options of some programs that take a value (so the value is not the subcommand). */
const OPTS_WITH_VALUE: Record<string, Set<string>> = {
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

function home(stage: Stage): string {
  const user = stage.user.split(':')[0];
  return user === '' || user === 'root' || user === '0' ? '/root' : `/home/${user}`;
}

/** Resolves `p` against the stage's working directory and home. */
export function absPath(p: string, stage: Stage, rc?: RunContext): string {
  let s = p;
  if (s.startsWith('~')) s = home(stage) + s.slice(1);
  void rc;
  if (!s.startsWith('/'))
    s = (stage.workdir.endsWith('/') ? stage.workdir : stage.workdir + '/') + s;
  return normalizeAbs(s);
}

export function normalizeAbs(p: string): string {
  // Already normal (absolute, no empty, `.` or `..` segment, no trailing slash): most paths are.
  if (
    p.charCodeAt(0) === 47 &&
    (p.length === 1 ||
      (p.charCodeAt(p.length - 1) !== 47 && !p.includes('//') && !p.includes('/.')))
  )
    return p;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

function unknown(
  rc: RunContext,
  kind: Unknown['kind'],
  name: string,
  message: string,
  assumedBytes: number,
  cmd?: ShellCommand,
  rangeBytes?: [number, number],
): void {
  rc.unknowns.push({
    kind,
    name,
    line: (cmd?.range ?? rc.run.range).start.line,
    message,
    assumedBytes,
    ...(rangeBytes ? { rangeBytes } : {}),
  });
}

/** Records a package the tables cannot size: owned by the stage, listed as unknown, shipped at its assumed size. */
function addUnsizedPackage(
  rc: RunContext,
  state: StageState,
  kind: 'apt' | 'apk',
  u: { name: string; assumedBytes: number },
  cmd: ShellCommand,
  label: string,
): void {
  ownPackages(state).add(u.name);
  unknown(
    rc,
    `${kind}-package`,
    u.name,
    `${kind} package \`${u.name}\` is not in the package table; ${fmtMb(u.assumedBytes)} assumed.`,
    u.assumedBytes,
    cmd,
  );
  rc.add({
    path: `/.pkg/${kind}/${u.name}`,
    bytes: u.assumedBytes,
    kind,
    pkg: u.name,
    item: label,
  });
}

/** Applies one command to the stage. */
export function applyCommand(cmd: ShellCommand, rc: RunContext): void {
  const name = cmd.name;
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') return applyApt(cmd, rc);
  if (name === 'apk') return applyApk(cmd, rc);
  if (name === 'apt-mark') return applyAptMark(cmd, rc);
  if (name === 'dpkg') return applyDpkg(cmd, rc);
  if (name === 'xargs' && cmd.args.includes('apt-mark') && cmd.args.includes('manual')) {
    // `find … -exec ldd … | awk … | xargs -r apt-mark manual`: keeps the libraries the
    // built files link to; which ones is only known when the build runs.
    aptMarksOf(rc).lddKeeps = cmd;
    return;
  }
  if (/^pip(3(\.\d+)?)?$/.test(name) || name === 'uv') return applyPip(cmd, rc);
  if (/^python(\d(\.\d+)?)?$/.test(name)) return applyPython(cmd, rc);
  if (name === 'npm' || name === 'pnpm') return applyNpm(cmd, rc);
  if (name === 'yarn') return applyYarn(cmd, rc);
  if (name === 'rm') return applyRm(cmd, rc);
  if (
    (name === 'chown' || name === 'chmod') &&
    cmd.args.some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive')
  )
    return applyChownR(cmd, rc);
  if (name === 'cp' || name === 'mv') return applyCopyMove(cmd, rc);
  if (name === 'curl' || name === 'wget') return applyDownload(cmd, rc);
  if (name === 'go') return applyGo(cmd, rc);
  if (name === 'find') return applyFind(cmd, rc);
  if (name === 'virtualenv')
    return makeVenv(
      cmd.args.find((a) => !a.startsWith('-')),
      cmd,
      rc,
    );
  if (QUIET.has(name)) return;
  if (rc.state.knownDist?.layer === rc.layer && UNPACK_BUILD.has(name)) return;
  // `curl … | sh`: the download was already listed; a shell reading a script from a pipe adds nothing new to say.
  if (/^(sh|bash|dash|ash|zsh)$/.test(name) && cmd.pipelinePosition > 0) return;
  if (name.startsWith('$') || name === '') return;
  unknown(rc, 'command', name, `\`${truncate(cmd.text, 60)}\` ${WRITERS_NOTE}.`, 0, cmd);
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

function positional(cmd: ShellCommand, from = 0, withValue: Set<string> = new Set()): string[] {
  const out: string[] = [];
  for (let i = from; i < cmd.args.length; i++) {
    const a = cmd.args[i];
    if (a.startsWith('-')) {
      if (withValue.has(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

// ---------------------------------------------------------------------------- certain build failures

/**
 * True when the model follows everything before `cmd` in its stage chain: a measured base image
 * and no unmodelled command since the chain's first FROM (a script could have done anything).
 */
function isFollowed(rc: RunContext, cmd: ShellCommand): boolean {
  if (!rc.stage.baseImage.known) return false;
  let root = rc.stage;
  while (root.baseStage) root = root.baseStage;
  const from = root.range.start.line;
  const to = cmd.range.start.line;
  return !rc.unknowns.some(
    (u) => u.kind === 'command' && u.line !== undefined && u.line >= from && u.line <= to,
  );
}

/**
 * Whether this stage's apt has `apt-get dist-clean` (added in apt 2.7: Debian 13 trixie, Ubuntu
 * 24.04 noble; bookworm has apt 2.6, jammy 2.4, focal 2.0 — packages.debian.org and
 * packages.ubuntu.com). `undefined` when the release is not known.
 */
function hasDistClean(state: StageState): boolean | undefined {
  const text = `${state.aptRelease ?? ''} ${state.record.osRelease ?? ''} ${state.record.ref}`;
  if (
    /\b(trixie|forky|sid|noble|oracular|plucky|questing)\b|\b(13|24\.04|24\.10|25\.04)\b/.test(text)
  )
    return true;
  if (/\b(bookworm|bullseye|buster|jammy|focal)\b|\b(12|11|10|22\.04|20\.04)\b/.test(text))
    return false;
  return undefined;
}

/**
 * Whether the system Python of this stage is marked externally managed (PEP 668): Alpine 3.19+,
 * Debian 12+ and Ubuntu 23.04+ ship an EXTERNALLY-MANAGED file with their python3 package; the
 * official python images build their own CPython into /usr/local and do not.
 */
function isExternallyManaged(state: StageState): boolean | undefined {
  if (state.record.runtimes.python) return false;
  const release = state.record.osRelease ?? '';
  if (state.libc === 'musl') {
    const m = /^(\d+)\.(\d+)/.exec(release) ?? /alpine:(\d+)\.(\d+)/.exec(state.record.ref);
    return m ? Number(m[1]) > 3 || (Number(m[1]) === 3 && Number(m[2]) >= 19) : undefined;
  }
  const distClean = hasDistClean(state);
  if (/\b(bookworm|trixie|noble)\b/.test(`${state.aptRelease ?? ''} ${release}`)) return true;
  if (/\b(bullseye|buster|jammy|focal)\b/.test(`${state.aptRelease ?? ''} ${release}`))
    return false;
  return distClean;
}

/**
 * Python distributions that publish no Linux wheels for glibc, so pip builds them from the sdist
 * (PyPI file lists: psycopg2 and mysqlclient ship only sdists for Linux; their -binary / wheel
 * alternatives are psycopg2-binary and none). What each build needs besides a C compiler.
 */
const SOURCE_ONLY: Record<string, { debian: string[]; alpine: string[] }> = {
  psycopg2: { debian: ['libpq-dev'], alpine: ['libpq-dev'] },
  mysqlclient: {
    debian: ['default-libmysqlclient-dev', 'libmariadb-dev'],
    alpine: ['mariadb-dev'],
  },
};

const COMPILERS = ['gcc', 'build-base', 'clang', 'cc'];

// ---------------------------------------------------------------------------------------- apt

function applyApt(cmd: ShellCommand, rc: RunContext): void {
  const { state } = rc;
  const withValue = OPTS_WITH_VALUE['apt-get'];
  const args = positional(cmd, 0, withValue);
  const sub = args[0];
  if (sub === 'update') {
    const bytes = data.aptListsBytes(state.aptRelease, state.record);
    rc.overwrite(['/var/lib/apt/lists']);
    rc.add({
      path: '/var/lib/apt/lists',
      bytes,
      kind: 'lists',
      item: 'apt package lists (apt-get update)',
    });
    return;
  }
  // A simulation (`apt-get install -s …`) prints what it would do and changes nothing.
  if (cmd.args.some(isAptNoAction)) return;
  if (sub === 'install' || sub === 'reinstall') {
    const opts = cmd.args.join(' ');
    let recommends = !state.isNoRecommendsConfig;
    if (cmd.args.includes('--no-install-recommends')) recommends = false;
    if (/APT::Install-Recommends[= ]+"?(false|0|no)"?/i.test(opts)) recommends = false;
    if (cmd.args.includes('--install-recommends')) recommends = true;
    const names: string[] = [];
    for (const raw of args.slice(1)) {
      if (raw.includes('$')) {
        unknown(
          rc,
          'variable',
          raw,
          `Package \`${raw}\` depends on a variable that could not be resolved; not sized.`,
          0,
          cmd,
        );
        continue;
      }
      if (raw.endsWith('.deb') || raw.startsWith('./') || raw.startsWith('/')) {
        unknown(rc, 'apt-package', raw, `Local package file \`${raw}\` cannot be sized.`, 0, cmd);
        continue;
      }
      names.push(
        raw
          .replace(/[=/].*$/, '')
          .replace(/:(amd64|arm64|all)$/, '')
          .toLowerCase(),
      );
    }
    if (!names.length) return;
    if (
      !state.fs.has('/var/lib/apt/lists') &&
      !rc.run.mountsCover('/var/lib/apt/lists') &&
      isFollowed(rc, cmd)
    )
      rc.fail(
        'apt-lists-missing',
        cmd,
        `${cmd.name} install runs without package lists (the base image ships none, or an earlier command deleted them), so it fails with "Unable to locate package ${names[0]}". Run apt-get update in the same RUN, before the install, and delete the lists at the end of that RUN.`,
      );
    const aptOpts = {
      release: state.aptRelease,
      installed: state.packages,
      basePackages: state.record.packages,
      baseKey: state.record.ref,
      excludeDocs: state.excludesDocs,
    };
    const closure = data.aptInstall(names, { ...aptOpts, recommends });
    if (recommends) {
      const lean = data.aptInstall(names, { ...aptOpts, recommends: false });
      const extra = sum(closure.packages) - sum(lean.packages);
      if (extra > 0 && !rc.run.mountsCover('/usr'))
        rc.layer.recommendsBytes = (rc.layer.recommendsBytes ?? 0) + extra;
    }
    const label = `apt-get install ${names.join(' ')}${closure.packages.length > names.length ? ` (${closure.packages.length} packages)` : ''}`;
    const stateBytes = data.aptStateBytesPerPackage();
    for (const p of closure.packages) {
      ownPackages(state).add(p.name);
      rc.add({
        path: `/.pkg/apt/${p.name}`,
        bytes: p.bytes + stateBytes,
        kind: 'apt',
        pkg: p.name,
        item: label,
      });
    }
    noteDpkg(rc, closure.packages.length + closure.unknown.length);
    for (const u of closure.unknown) {
      addUnsizedPackage(rc, state, 'apt', u, cmd, label);
    }
    state.aptGroups.push({
      requested: new Set(names),
      packages: closure.packages.map((p) => p.name).concat(closure.unknown.map((u) => u.name)),
    });
    noteRuntimes(state, names);
    return;
  }
  if (sub === 'remove' || sub === 'purge') {
    const names = args.slice(1).map((n) => n.replace(/[=:].*$/, ''));
    for (const n of names) removeAptPackage(n, rc);
    if (cmd.args.includes('--auto-remove') || cmd.args.includes('--autoremove')) autoremove(rc);
    return;
  }
  if (sub === 'autoremove') return autoremove(rc);
  if (sub === 'clean' || sub === 'autoclean') {
    rc.remove('/var/cache/apt/*');
    return;
  }
  if (sub === 'dist-clean' || sub === 'distclean') {
    if (hasDistClean(state) === false) {
      // apt before 2.7 answers "E: Invalid operation dist-clean": the build stops, nothing is deleted.
      if (isFollowed(rc, cmd))
        rc.fail(
          'apt-dist-clean-unavailable',
          cmd,
          `apt-get dist-clean needs apt 2.7 or later (Debian trixie, Ubuntu noble); this release's apt answers "E: Invalid operation dist-clean" and the build fails. Use \`rm -rf /var/lib/apt/lists/*\` instead.`,
        );
      return;
    }
    rc.remove('/var/cache/apt/*');
    rc.remove('/var/lib/apt/lists/*');
    rc.recordDelete('/var/lib/apt/lists');
    return;
  }
  // upgrade/dist-upgrade/full-upgrade change a few packages in place; size not modelled.
  if (sub === 'upgrade' || sub === 'dist-upgrade' || sub === 'full-upgrade') {
    unknown(
      rc,
      'command',
      `${cmd.name} ${sub}`,
      'Upgraded packages are rewritten into this layer; their size is not modelled (0 assumed).',
      0,
      cmd,
    );
  }
}

function removeAptPackage(name: string, rc: RunContext): void {
  // A package not in the table that this same RUN installed and now removes ships nothing.
  const { start, end } = rc.run.range;
  for (let i = rc.unknowns.length - 1; i >= 0; i--) {
    const u = rc.unknowns[i];
    if (
      u.kind === 'apt-package' &&
      u.name === name &&
      u.line !== undefined &&
      u.line >= start.line &&
      u.line <= end.line
    )
      rc.unknowns.splice(i, 1);
  }
  if (rc.state.packages.has(name) && ownPackages(rc.state).delete(name)) noteDpkg(rc, 0);
  rc.remove(`/.pkg/apt/${name}`);
}

/** Records that dpkg ran in this layer (the model adds the database rewrite when the RUN ends). */
function noteDpkg(rc: RunContext, installed: number): void {
  const c = rc.state.dpkgChanges;
  if (c && c.layer === rc.layer) c.installed += installed;
  else rc.state.dpkgChanges = { layer: rc.layer, installed };
}

function autoremove(rc: RunContext): void {
  const { state } = rc;
  const marks = state.aptMarks?.layer === rc.layer ? state.aptMarks : undefined;
  // After `apt-mark auto '.*'` only what was marked manual again keeps its group.
  const isManual = (r: string) =>
    !marks?.isAllAuto || marks.manual.has(r) || (marks.saved?.has(r) ?? false);
  const isLive = (g: StageState['aptGroups'][number]) =>
    [...g.requested].some((r) => state.packages.has(r) && isManual(r));
  const stillRequested = new Set<string>();
  for (const g of state.aptGroups)
    for (const r of g.requested) if (state.packages.has(r) && isManual(r)) stillRequested.add(r);
  const removedLibs: string[] = [];
  let removedLibBytes = 0;
  for (const g of state.aptGroups) {
    if (isLive(g)) continue;
    for (const p of g.packages) {
      if (stillRequested.has(p)) continue;
      const neededElsewhere = state.aptGroups.some(
        (o) => o !== g && isLive(o) && o.packages.includes(p),
      );
      if (neededElsewhere || !state.packages.has(p)) continue;
      if (marks?.lddKeeps && /^lib/.test(p) && !/-dev(:|$)/.test(p)) {
        removedLibs.push(p);
        removedLibBytes += sum(state.fs.under(`/.pkg/apt/${p}`) as SimEntry[]);
      }
      removeAptPackage(p, rc);
    }
  }
  // When the release was sized from its published image, the libraries it links to are in that figure.
  if (marks?.lddKeeps && removedLibs.length && state.knownDist?.layer !== rc.layer) {
    unknown(
      rc,
      'command',
      'apt-mark manual (libraries the build links to)',
      `The libraries the built files link to are kept (ldd | apt-mark manual); which of the ${removedLibs.length} purged libraries they are is not known, 0–${fmtMb(removedLibBytes)}.`,
      0,
      marks.lddKeeps,
      [0, removedLibBytes],
    );
    marks.lddKeeps = undefined;
  }
}

/** `apt-mark showmanual | auto PATTERN | manual NAMES`: the marks autoremove reads. */
function applyAptMark(cmd: ShellCommand, rc: RunContext): void {
  const { state } = rc;
  const [sub, ...names] = positional(cmd);
  const marks = aptMarksOf(rc);
  if (sub === 'showmanual') {
    const saved = new Set<string>();
    for (const g of state.aptGroups)
      for (const r of g.requested) if (state.packages.has(r)) saved.add(r);
    marks.saved = saved;
    return;
  }
  if (sub === 'auto') {
    if (names.some((n) => /[.*?]/.test(n))) marks.isAllAuto = true;
    return;
  }
  if (sub === 'manual') {
    for (const n of names) {
      // `apt-mark manual $savedAptMark`: the saved list comes back (the variable holds the
      // command substitution, so it is not resolved here).
      if (n.includes('$') || n.includes('showmanual')) continue;
      marks.manual.add(n.replace(/:.*$/, ''));
    }
  }
}

/** `dpkg -i FILE.deb` (not sizable), `dpkg -r/-P/--purge/--remove NAME`. */
function applyDpkg(cmd: ShellCommand, rc: RunContext): void {
  const a = cmd.args;
  if (a.includes('-i') || a.includes('--install')) {
    for (const f of positional(cmd)) {
      unknown(
        rc,
        'apt-package',
        f,
        `dpkg -i installs the local package file \`${f}\`; its size is not known (0 assumed).`,
        0,
        cmd,
        [0, 300e6],
      );
    }
    noteDpkg(rc, 1);
    return;
  }
  if (a.some((x) => ['-r', '-P', '--purge', '--remove'].includes(x))) {
    for (const n of positional(cmd)) removeAptPackage(n.replace(/:.*$/, ''), rc);
  }
}

/** Debian/Ubuntu/Alpine python3 minor version per release (packages.debian.org, packages.ubuntu.com, pkgs.alpinelinux.org). */
const DISTRO_PYTHON: Record<string, string> = {
  bookworm: '3.11',
  trixie: '3.13',
  focal: '3.8',
  jammy: '3.10',
  noble: '3.12',
};

function noteRuntimes(state: StageState, names: string[]): void {
  if (
    names.some(
      (n) =>
        n === 'python3' || n === 'python3-minimal' || n === 'python3-pip' || n === 'python3-venv',
    )
  ) {
    if (!state.pythonVersion && state.aptRelease)
      state.pythonVersion = DISTRO_PYTHON[state.aptRelease];
  }
  if (names.includes('nodejs') && !state.nodeVersion) state.nodeVersion = 'distro';
}

function fmtMb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------------------- apk

function applyApk(cmd: ShellCommand, rc: RunContext): void {
  const { state } = rc;
  const withValue = OPTS_WITH_VALUE.apk;
  const sub = subcommand(cmd);
  const isNoCache = cmd.args.includes('--no-cache');
  const leavesIndex = () => {
    if (isNoCache) return;
    rc.overwrite(['/var/cache/apk']);
    rc.add({
      path: '/var/cache/apk',
      bytes: data.apkIndexCacheBytes(),
      kind: 'cache',
      item: 'apk index cache (no --no-cache)',
    });
  };
  if (sub === 'update') return leavesIndex();
  if (sub === 'add') {
    let virtual: string | undefined;
    const names: string[] = [];
    let seenSub = false;
    for (let i = 0; i < cmd.args.length; i++) {
      const a = cmd.args[i];
      if (a === '--virtual' || a === '-t') {
        virtual = cmd.args[++i];
        continue;
      }
      if (a.startsWith('--virtual=')) {
        virtual = a.slice('--virtual='.length);
        continue;
      }
      if (a.startsWith('-')) {
        if (withValue.has(a)) i++;
        continue;
      }
      if (!seenSub) {
        seenSub = true;
        continue;
      }
      if (a.includes('$')) {
        unknown(
          rc,
          'variable',
          a,
          `Package \`${a}\` depends on an unresolved variable; not sized.`,
          0,
          cmd,
        );
        continue;
      }
      names.push(a.replace(/[=<>~].*$/, '').toLowerCase());
    }
    leavesIndex();
    if (!names.length) return;
    const closure = data.apkAdd(names, state.packages, state.record.packages, state.record.ref);
    const label = `apk add ${virtual ? `--virtual ${virtual} ` : ''}${names.join(' ')}`;
    const added: string[] = [];
    for (const p of closure.packages) {
      ownPackages(state).add(p.name);
      added.push(p.name);
      rc.add({
        path: `/.pkg/apk/${p.name}`,
        bytes: p.bytes,
        kind: 'apk',
        pkg: p.name,
        item: label,
      });
    }
    for (const u of closure.unknown) {
      addUnsizedPackage(rc, state, 'apk', u, cmd, label);
      added.push(u.name);
    }
    if (virtual) state.apkVirtual.set(virtual, added);
    if (names.some((n) => n === 'python3')) state.pythonVersion ??= data.alpinePython(state.record);
    if (names.includes('nodejs') || names.includes('nodejs-current'))
      state.nodeVersion ??= 'distro';
    return;
  }
  if (sub === 'del' || sub === 'delete') {
    for (const n of positional(cmd, 0, withValue).slice(1)) {
      const group = state.apkVirtual.get(n);
      const names = group ?? [n];
      if (group) state.apkVirtual.delete(n);
      const keep = new Set<string>();
      for (const other of state.apkVirtual.values()) for (const p of other) keep.add(p);
      for (const p of names) {
        if (keep.has(p) || data.isBasePackage(state.record, p)) continue;
        if (state.packages.has(p)) ownPackages(state).delete(p);
        rc.remove(`/.pkg/apk/${p}`);
      }
    }
    return;
  }
  if (sub === 'cache') {
    const what = positional(cmd, 0, withValue)[1];
    if (what === 'clean' || what === 'purge') rc.remove('/var/cache/apk/*');
    return;
  }
  if (sub === 'upgrade') {
    leavesIndex();
    unknown(
      rc,
      'command',
      'apk upgrade',
      'Upgraded packages are rewritten into this layer; their size is not modelled (0 assumed).',
      0,
      cmd,
    );
  }
}

// ---------------------------------------------------------------------------------------- pip

function applyPython(cmd: ShellCommand, rc: RunContext): void {
  const i = cmd.args.indexOf('-m');
  if (i < 0) {
    if (cmd.args.length && !cmd.args[0].startsWith('-') && !cmd.args.includes('--version')) {
      unknown(rc, 'command', cmd.name, `\`${truncate(cmd.text, 60)}\` ${WRITERS_NOTE}.`, 0, cmd);
    }
    return;
  }
  const mod = cmd.args[i + 1];
  if (mod === 'pip') return applyPip({ ...cmd, name: 'pip', args: cmd.args.slice(i + 2) }, rc);
  if (mod === 'venv' || mod === 'virtualenv') {
    const dir = cmd.args.slice(i + 2).find((a) => !a.startsWith('-'));
    return makeVenv(dir, cmd, rc);
  }
  if (mod === 'compileall' || mod === 'ensurepip') return;
  unknown(
    rc,
    'command',
    `${cmd.name} -m ${mod}`,
    `\`${truncate(cmd.text, 60)}\` ${WRITERS_NOTE}.`,
    0,
    cmd,
  );
}

function makeVenv(dir: string | undefined, cmd: ShellCommand, rc: RunContext): void {
  if (!dir) return;
  const path = absPath(dir, rc.stage);
  rc.state.venvs.push(path);
  // A venv holds links to the interpreter plus its own pip: pip's installed size + byte code.
  // Its pip is a file of the entry, so `pip uninstall pip` or an rm of it takes only that part.
  const skeleton = { path: `${path}/bin`, bytes: data.VENV_WITHOUT_PIP_BYTES };
  if (cmd.args.includes('--without-pip')) {
    rc.add({ ...skeleton, kind: 'pip', item: `virtualenv ${path} (no pip)`, files: [skeleton] });
    return;
  }
  const pip = data.pipInstall(['pip'], { musl: rc.state.libc === 'musl' }).packages[0];
  const pipBytes = pip ? pip.installedBytes : data.PIP_SELF_BYTES;
  const pipFiles = {
    path: `${path}/lib/python${pythonVer(rc.state)}/site-packages/pip`,
    bytes: pipBytes,
  };
  rc.add({
    path,
    bytes: skeleton.bytes + pipBytes,
    kind: 'pip',
    item: `virtualenv ${path} (pip inside it, estimate)`,
    files: [skeleton, pipFiles],
  });
}

/** The venv whose pip `cmd` runs: by its path (`/opt/venv/bin/pip`), else the first on PATH. */
function venvOfPip(cmd: ShellCommand, rc: RunContext): string | undefined {
  const venvOfDir = (dir: string) =>
    rc.state.venvs.find((v) => dir.replace(/\/+$/, '') === `${v}/bin`);
  if (cmd.path) return venvOfDir(cmd.path.slice(0, cmd.path.lastIndexOf('/')));
  for (const dir of (cmd.assignments.PATH ?? rc.run.env.PATH ?? '').split(':')) {
    const venv = venvOfDir(dir);
    if (venv) return venv;
    // The system's own folders come first: their pip is not a venv's.
    if (/^(\/usr(\/local)?)?\/s?bin\/?$/.test(dir)) return undefined;
  }
  return undefined;
}

function pythonVer(state: StageState): string {
  return state.pythonVersion ?? '3';
}

function sitePackages(
  cmd: ShellCommand,
  rc: RunContext,
  flags: { user: boolean; target?: string; prefix?: string },
): string {
  const { state, stage } = rc;
  const ver = pythonVer(state);
  if (flags.target) return absPath(flags.target, stage);
  if (flags.prefix) return `${absPath(flags.prefix, stage)}/lib/python${ver}/site-packages`;
  const viaPath =
    cmd.path && cmd.path.includes('/bin/')
      ? cmd.path.slice(0, cmd.path.lastIndexOf('/bin/'))
      : undefined;
  const venvFromPath = (() => {
    const p = cmd.assignments.PATH ?? rc.run.env.PATH ?? '';
    const first = p.split(':').find((d) => state.venvs.some((v) => d === `${v}/bin`));
    return first ? first.slice(0, -4) : undefined;
  })();
  const venv =
    viaPath ??
    venvFromPath ??
    (rc.run.env.VIRTUAL_ENV && state.venvs.includes(rc.run.env.VIRTUAL_ENV)
      ? rc.run.env.VIRTUAL_ENV
      : undefined);
  if (venv) return `${venv}/lib/python${ver}/site-packages`;
  if (flags.user) return `${home(stage)}/.local/lib/python${ver}/site-packages`;
  if (state.record.runtimes.python) return `/usr/local/lib/python${ver}/site-packages`;
  if (state.libc === 'musl') return `/usr/lib/python${ver}/site-packages`;
  return `/usr/local/lib/python${ver}/dist-packages`;
}

const PIP_VALUE_OPTS = new Set([
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
  '-p',
  '--python',
]);

/** Normalised distribution name of a requirement (`Flask[async]>=3` → `flask`); undefined for paths and URLs. */
export function requirementName(spec: string): string | undefined {
  const s = spec.trim();
  if (!s || s.startsWith('.') || s.startsWith('/') || s.includes('://') || s.startsWith('git+'))
    return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(s);
  if (!m) return undefined;
  if (/\.(whl|tar\.gz|zip)$/i.test(s)) return undefined;
  return m[1].toLowerCase().replace(/[._]+/g, '-');
}

/** Requirement names listed in a requirements.txt text (comments, options and markers skipped). */
export function parseRequirements(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-')) continue;
    const name = requirementName(line);
    if (name) out.push(name);
  }
  return out;
}

function findImageFile(path: string, rc: RunContext): ContextFile | undefined {
  return rc.boundFiles.get(path) ?? rc.state.files.get(path);
}

/**
 * Distributions of the wheels `arg` names (`/wheels/*.whl`, `/wheels/flask.whl`), from what a
 * `pip wheel` in this stage, or in a stage bind-mounted into this RUN, wrote there. Empty when
 * `arg` is no wheel path or nothing known is there.
 */
function wheelsAt(arg: string, rc: RunContext): string[] {
  if (!/\.whl$/i.test(arg)) return [];
  const abs = absPath(arg, rc.stage);
  const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
  const file = abs.slice(abs.lastIndexOf('/') + 1);
  const pick = (entries: FsEntry[]) =>
    entries
      .filter((e) => e.kind === 'build' && e.pkg && e.path.endsWith('.whl'))
      .filter((e) => file.includes('*') || e.path.endsWith(`/${file}`))
      .map((e) => e.pkg as string);
  const out = pick(rc.state.fs.under(dir));
  for (const m of rc.stageMounts) {
    if (dir !== m.target && !dir.startsWith(`${m.target}/`)) continue;
    out.push(...pick(m.stage.fs.under(`${m.source}${dir.slice(m.target.length)}`)));
  }
  return [...new Set(out)];
}

/**
 * Records the certain failures of a pip install or wheel: PEP 668 refusing to touch an externally
 * managed system Python, and a source build without a compiler or headers.
 */
function checkPipBuild(
  cmd: ShellCommand,
  rc: RunContext,
  sub: string,
  flags: { user: boolean; target?: string; prefix?: string },
  names: string[],
  compilesOnMusl: string[],
): void {
  const { state, run } = rc;
  if (!isFollowed(rc, cmd) || cmd.name === 'uv') return;
  const pythonPkg = ['python3', 'python3-minimal'].some((p) => state.packages.has(p));
  const pipPath = cmd.path ?? cmd.args.find((a) => a.includes('/bin/python'));
  const pathEnv = cmd.assignments.PATH ?? run.env.PATH ?? '';
  const inVenv =
    (pipPath !== undefined && state.venvs.some((v) => pipPath.startsWith(`${v}/`))) ||
    state.venvs.some((v) => pathEnv.split(':').includes(`${v}/bin`)) ||
    run.commands.some(
      (c) => (c.name === '.' || c.name === 'source') && c.args.some((a) => a.endsWith('/activate')),
    );
  const overridden =
    cmd.args.includes('--break-system-packages') ||
    isTruthy(cmd.assignments.PIP_BREAK_SYSTEM_PACKAGES ?? run.env.PIP_BREAK_SYSTEM_PACKAGES);
  if (
    sub === 'install' &&
    pythonPkg &&
    !inVenv &&
    !overridden &&
    flags.target === undefined &&
    flags.prefix === undefined &&
    isExternallyManaged(state) === true
  )
    rc.fail(
      'pip-externally-managed',
      cmd,
      `This image's python3 is managed by ${state.libc === 'musl' ? 'apk' : 'apt'} (PEP 668), so pip install stops with "error: externally-managed-environment". Add --break-system-packages (fine in a single-purpose image), install into a venv, or use --target.`,
    );
  if (state.record.packages === undefined && !musl(state)) return;
  const hasCompiler = COMPILERS.some((c) => state.packages.has(c));
  const family = musl(state) ? 'alpine' : 'debian';
  const needs = new Set(names.filter((n) => n in SOURCE_ONLY));
  if (musl(state)) for (const n of compilesOnMusl) needs.add(n);
  if (needs.size === 0) return;
  const headers = [...needs].flatMap((n) => SOURCE_ONLY[n]?.[family] ?? []);
  const missingHeaders = headers.length > 0 && !headers.some((h) => state.packages.has(h));
  if (hasCompiler && !missingHeaders) return;
  const what = [
    ...(hasCompiler ? [] : [family === 'alpine' ? 'build-base' : 'gcc']),
    ...(missingHeaders ? [headers[0]] : []),
  ];
  rc.fail(
    'compiler-missing',
    cmd,
    `pip builds ${[...needs].join(', ')} from source here (no wheel for this platform), and this stage has no ${what.join(' or ')}, so the build fails. Install ${what.join(' and ')} in this stage first, or build in a stage that has them.`,
  );
}

function musl(state: StageState): boolean {
  return state.libc === 'musl';
}

function applyPip(cmd: ShellCommand, rc: RunContext): void {
  const { state, stage, run } = rc;
  let args = cmd.args;
  if (cmd.name === 'uv') {
    if (args[0] !== 'pip') {
      if (args[0] === 'sync' || args[0] === 'add')
        unknown(
          rc,
          'command',
          `uv ${args[0]}`,
          'uv project installs are not sized; 0 assumed.',
          0,
          cmd,
        );
      return;
    }
    args = args.slice(1);
  }
  const sub = args.find((a) => !a.startsWith('-'));
  if (sub === 'cache') {
    const what = args[args.indexOf('cache') + 1];
    if (what === 'purge' || what === 'remove') rc.remove(`${home(stage)}/.cache/pip`);
    return;
  }
  if (sub === 'uninstall') {
    for (const a of args.slice(args.indexOf('uninstall') + 1)) {
      const n = requirementName(a);
      if (!n || a.startsWith('-')) continue;
      if (n === 'pip') state.removedManagers.add('pip');
      const venv = n === 'pip' ? venvOfPip(cmd, rc) : undefined;
      if (venv) rc.remove(`${venv}/lib/python*/site-packages/pip`);
      // pip uninstall pip also deletes the files of the OS package that brought pip (py3-pip,
      // python3-pip): in the layer that installed them that shrinks the image, later it hides them.
      const osPip = (x: FsEntry) => n === 'pip' && (x.pkg === 'py3-pip' || x.pkg === 'python3-pip');
      for (const e of state.fs.entries.filter((x) => (x.kind === 'pip' && x.pkg === n) || osPip(x)))
        rc.remove(e.path);
    }
    return;
  }
  if (sub !== 'install' && sub !== 'wheel') return;
  const specs: string[] = [];
  let wheelDir: string | undefined;
  // Distributions installed from built wheels: nothing of theirs compiles here.
  const wheelNames = new Set<string>();
  const flags: { user: boolean; target?: string; prefix?: string } = { user: false };
  let isNoCache = isTruthy(run.env.PIP_NO_CACHE_DIR) || isTruthy(cmd.assignments.PIP_NO_CACHE_DIR);
  let hasLocalProject = false;
  let seenSub = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const opt = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inlineValue = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const value = () => inlineValue ?? args[++i] ?? '';
    if (opt === '--no-cache-dir') isNoCache = true;
    else if (opt === '--user') flags.user = true;
    else if (opt === '-t' || opt === '--target') flags.target = value();
    else if (sub === 'wheel' && (opt === '-w' || opt === '--wheel-dir')) wheelDir = value();
    else if (opt === '--prefix') flags.prefix = value();
    else if (opt === '-r' || opt === '--requirement') {
      const file = value();
      const path = absPath(file, stage);
      const found = findImageFile(path, rc);
      if (found?.content !== undefined) specs.push(...parseRequirements(found.content));
      else if (found)
        unknown(
          rc,
          'pip-package',
          file,
          `\`${file}\` was copied but its content is not known; its packages are not sized.`,
          0,
          cmd,
        );
      else
        unknown(
          rc,
          'pip-package',
          file,
          `\`${file}\` is not in the image at ${path} (COPY it first); its packages are not sized.`,
          0,
          cmd,
        );
    } else if (opt === '-e' || opt === '--editable') {
      value();
      hasLocalProject = true;
    } else if (a.startsWith('-')) {
      if (PIP_VALUE_OPTS.has(opt) && inlineValue === undefined) i++;
    } else if (!seenSub && a === sub) seenSub = true;
    else {
      const n = requirementName(a);
      const wheels = n ? [] : wheelsAt(a, rc);
      if (n) specs.push(n);
      else if (wheels.length) {
        specs.push(...wheels);
        for (const w of wheels) wheelNames.add(w);
      } else if (a.includes('$'))
        unknown(
          rc,
          'variable',
          a,
          `\`${a}\` depends on an unresolved variable; not sized.`,
          0,
          cmd,
        );
      else hasLocalProject = true;
    }
  }
  if (hasLocalProject) {
    unknown(
      rc,
      'pip-package',
      'local project',
      'A local project or file is installed; only its listed dependencies can be sized.',
      0,
      cmd,
    );
  }
  if (!specs.length) return;
  const musl = state.libc === 'musl';
  const result = data.pipInstall(specs, { musl });
  const built = wheelNames.size
    ? data
        .pipInstall(
          specs.filter((n) => !wheelNames.has(n)),
          { musl },
        )
        .packages.filter((p) => !wheelNames.has(p.name))
    : result.packages;
  checkPipBuild(
    cmd,
    rc,
    sub,
    flags,
    built.map((p) => p.name).concat(specs.filter((n) => !wheelNames.has(n))),
    built.filter((p) => p.needsCompileOnMusl && !p.unavailableOnMusl).map((p) => p.name),
  );
  if (sub === 'wheel') {
    // `pip wheel` writes one wheel per distribution (dependencies included) into the wheel
    // directory (default: the working directory); a later `pip install DIR/*.whl` installs them.
    const dir = absPath(wheelDir ?? '.', stage);
    const label = `pip wheel ${specs.slice(0, 4).join(' ')}${specs.length > 4 ? ' …' : ''}`;
    for (const p of [...result.packages, ...result.unknown])
      rc.add({
        path: `${dir}/${p.name}.whl`,
        bytes:
          'wheelBytes' in p
            ? p.wheelBytes
            : Math.round(p.assumedBytes * data.PIP_WHEEL_TO_INSTALLED),
        kind: 'build',
        pkg: p.name,
        item: label,
      });
    return;
  }
  const site = sitePackages(cmd, rc, flags);
  const label = `pip install ${specs.slice(0, 4).join(' ')}${specs.length > 4 ? ` … (${specs.length})` : ''}`;
  const satisfied = satisfiedByOs(rc, site, flags);
  const isInstalled = (p: { name: string }) => {
    const osPkg = satisfied.get(p.name);
    if (osPkg) state.pipSatisfiedByOs.push({ dist: p.name, osPkg, site });
    return !osPkg;
  };
  const installs = result.packages.filter(isInstalled);
  const unknowns = result.unknown.filter(isInstalled);
  const paths = installs.map((p) => `${site}/${p.name}`);
  rc.overwrite(paths);
  let wheelBytes = 0;
  for (const p of installs) {
    rc.add({
      path: `${site}/${p.name}`,
      bytes: p.installedBytes,
      kind: 'pip',
      pkg: p.name,
      item: label,
    });
    wheelBytes += p.wheelBytes;
    if (musl && p.unavailableOnMusl) {
      unknown(
        rc,
        'pip-package',
        p.name,
        `\`${p.name}\` has no musl (Alpine) build and cannot be installed there; the build fails.`,
        0,
        cmd,
      );
      rc.problems.push({
        range: cmd.range,
        severity: 'error',
        message: `pip cannot install ${p.name} on Alpine (musl): no musllinux wheel and no source build.`,
      });
    } else if (musl && p.needsCompileOnMusl) {
      state.compiles.push(p.name);
    }
  }
  for (const u of unknowns) {
    unknown(
      rc,
      'pip-package',
      u.name,
      `Python package \`${u.name}\` is not in the package table; ${fmtMb(u.assumedBytes)} assumed.`,
      u.assumedBytes,
      cmd,
    );
    rc.add({
      path: `${site}/${u.name}`,
      bytes: u.assumedBytes,
      kind: 'pip',
      pkg: u.name,
      item: label,
    });
    wheelBytes += Math.round(u.assumedBytes * data.PIP_WHEEL_TO_INSTALLED);
  }
  if (!isNoCache && wheelBytes > 0) {
    // pip's HTTP cache keeps each downloaded wheel (package-sizes.json caches.pip: ratio 1.0).
    rc.add({
      path: `${home(stage)}/.cache/pip`,
      bytes: Math.round(wheelBytes * data.PIP_CACHE_RATIO),
      kind: 'cache',
      item: 'pip cache (no --no-cache-dir)',
    });
  }
}

/**
 * Python distributions that OS packages put into the system Python's site-packages. Alpine's
 * py3-pip depends on py3-packaging, py3-parsing and py3-setuptools (the apk table sizes them with
 * it: package-sizes.json, py3-pip `includesDeps`).
 */
const OS_PYTHON_DISTS: Record<string, string[]> = {
  'py3-pip': ['pip', 'packaging', 'pyparsing', 'setuptools'],
};

/**
 * Distributions pip finds already installed and skips ("Requirement already satisfied"), each
 * with the OS package that holds it. pip looks at the system Python's site-packages for plain,
 * `--prefix` and `--user` installs; `--target` implies --ignore-installed, and a venv does not see
 * the system's packages.
 */
function satisfiedByOs(
  rc: RunContext,
  site: string,
  flags: { target?: string },
): Map<string, string> {
  const out = new Map<string, string>();
  const { state } = rc;
  // --ignore-installed is no way out: pip writes over apk's files, and apk del removes them.
  const ignoresInstalled =
    flags.target !== undefined || state.venvs.some((v) => site.startsWith(`${v}/`));
  if (state.libc !== 'musl' || ignoresInstalled) return out;
  for (const [osPkg, dists] of Object.entries(OS_PYTHON_DISTS))
    if (state.packages.has(osPkg)) for (const d of dists) out.set(d, osPkg);
  return out;
}

// ---------------------------------------------------------------------------------------- npm / yarn

function isProduction(cmd: ShellCommand, rc: RunContext): boolean {
  const a = cmd.args;
  if (
    a.includes('--production') ||
    a.includes('--omit=dev') ||
    a.includes('--only=prod') ||
    a.includes('--only=production')
  )
    return true;
  const omitIdx = a.indexOf('--omit');
  if (omitIdx >= 0 && a[omitIdx + 1] === 'dev') return true;
  if (a.includes('--include=dev') || a.includes('--production=false')) return false;
  const nodeEnv = cmd.assignments.NODE_ENV ?? rc.run.env.NODE_ENV;
  return nodeEnv === 'production';
}

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackageJson(rc: RunContext, dir: string): PackageJson | undefined | 'unreadable' {
  const f = findImageFile(`${dir}/package.json`, rc);
  if (!f) return undefined;
  return parsePackageJson(f.content);
}

/** Installs node_modules for `prod` (+ `dev`) deps into `dir`; returns the npm cache bytes it leaves. */
function installNodeModules(
  rc: RunContext,
  cmd: ShellCommand,
  dir: string,
  prod: Record<string, string>,
  dev: Record<string, string>,
  label: string,
): number {
  const { state } = rc;
  const prodClosure = data.npmInstall(prod, state.libc);
  const hasDev = Object.keys(dev).length > 0;
  const allClosure = hasDev ? data.npmInstall({ ...dev, ...prod }, state.libc) : prodClosure;
  const prodNames = new Set(prodClosure.packages.map((p) => p.name));
  const base = `${dir}/node_modules`;
  rc.overwrite(allClosure.packages.map((p) => `${base}/${p.name}`));
  const seen = new Set<string>();
  for (const p of allClosure.packages) {
    // A second version of a name nests under its dependant; same size accounting, distinct path.
    const path = seen.has(p.name) ? `${base}/.nested/${p.name}@${seen.size}` : `${base}/${p.name}`;
    seen.add(p.name);
    rc.add({ path, bytes: p.bytes, kind: 'npm', pkg: p.name, item: label });
    if (!prodNames.has(p.name)) {
      state.npmDev.add(path);
      rc.layer.devDependencyBytes = (rc.layer.devDependencyBytes ?? 0) + p.bytes;
    }
  }
  let unknownBytes = 0;
  for (const u of allClosure.unknown) {
    const path = `${base}/${u.name}`;
    unknown(
      rc,
      'npm-package',
      u.name,
      `npm package \`${u.name}\` is not in the package table; ${fmtMb(u.assumedBytes)} assumed.`,
      u.assumedBytes,
      cmd,
    );
    rc.add({ path, bytes: u.assumedBytes, kind: 'npm', pkg: u.name, item: label });
    unknownBytes += u.assumedBytes;
    if (u.name in dev && !(u.name in prod)) {
      state.npmDev.add(path);
      rc.layer.devDependencyBytes = (rc.layer.devDependencyBytes ?? 0) + u.assumedBytes;
    }
  }
  return allClosure.cacheBytes + Math.round(unknownBytes * data.NPM_CACHE_RATIO);
}

function applyNpm(cmd: ShellCommand, rc: RunContext): void {
  const { state, stage } = rc;
  const sub = subcommand(cmd);
  const rest = positional(cmd, 0, OPTS_WITH_VALUE.npm).slice(1);
  const isGlobal = cmd.args.includes('-g') || cmd.args.includes('--global');
  if (sub === 'cache') {
    if (rest[0] === 'clean' || rest[0] === 'rm' || rest[0] === 'clear')
      rc.remove(`${home(stage)}/.npm`);
    return;
  }
  if (sub === 'prune') {
    if (isProduction(cmd, rc))
      for (const p of [...state.npmDev])
        if (isUnder(p, stage.workdir)) {
          rc.remove(p);
          state.npmDev.delete(p);
        }
    return;
  }
  if (sub === 'run' || sub === 'run-script') {
    if (rest[0] === 'build' || (rest[0] ?? '').startsWith('build'))
      return buildOutput(cmd, rc, `npm run ${rest[0]}`);
    return;
  }
  if (sub === 'uninstall' || sub === 'remove' || sub === 'rm' || sub === 'un' || sub === 'r') {
    for (const n of rest) {
      if (isGlobal && npmName(n) === 'npm') state.removedManagers.add('npm');
      rc.remove(`${isGlobal ? '/usr/local/lib' : stage.workdir}/node_modules/${npmName(n)}`);
    }
    return;
  }
  if (!(
    sub === 'ci' ||
    sub === 'install' ||
    sub === 'i' ||
    sub === 'add' ||
    sub === 'clean-install'
  ))
    return;
  const dir = isGlobal ? '/usr/local/lib' : stage.workdir;
  let cacheBytes = 0;
  if (rest.length) {
    const specs = rest.filter((n) => !n.includes('$') && !n.startsWith('.') && !n.startsWith('/'));
    const deps = Object.fromEntries(specs.map((s) => [npmName(s), npmRange(s)]));
    cacheBytes = installNodeModules(
      rc,
      cmd,
      dir,
      deps,
      {},
      `npm install ${specs.slice(0, 4).join(' ')}${specs.length > 4 ? ' …' : ''}`,
    );
  } else {
    const pkg = readPackageJson(rc, stage.workdir);
    const isCi = sub === 'ci' || sub === 'clean-install';
    const lockfiles = ['package-lock.json', 'npm-shrinkwrap.json'];
    if (
      isCi &&
      pkg !== undefined &&
      !lockfiles.some((f) => findImageFile(`${stage.workdir}/${f}`, rc)) &&
      isFollowed(rc, cmd)
    )
      // npm ci refuses to run without a lockfile ("The `npm ci` command can only install with an
      // existing package-lock.json or npm-shrinkwrap.json", npm docs for npm ci).
      rc.fail(
        'npm-ci-without-lockfile',
        cmd,
        `npm ci needs package-lock.json next to package.json in ${stage.workdir}, and none was copied there, so the build fails. COPY package-lock.json with package.json (or use npm install).`,
      );
    if (pkg === undefined) {
      unknown(
        rc,
        'npm-package',
        'package.json',
        `No package.json in ${stage.workdir} (COPY it first); node_modules not sized.`,
        0,
        cmd,
      );
      return;
    }
    if (pkg === 'unreadable') {
      unknown(
        rc,
        'npm-package',
        'package.json',
        'package.json was copied but could not be read; node_modules not sized.',
        0,
        cmd,
      );
      return;
    }
    const prod = { ...(pkg.dependencies ?? {}), ...(pkg.optionalDependencies ?? {}) };
    const dev = isProduction(cmd, rc) ? {} : (pkg.devDependencies ?? {});
    const hasDev = Object.keys(dev).length > 0;
    cacheBytes = installNodeModules(
      rc,
      cmd,
      dir,
      prod,
      dev,
      `${cmd.name} ${sub}${hasDev ? ' (with devDependencies)' : isProduction(cmd, rc) ? ' (production)' : ''}`,
    );
  }
  const cacheFlag = cmd.args.find((a) => a.startsWith('--cache='));
  const cacheDir = cacheFlag
    ? absPath(cacheFlag.slice('--cache='.length), stage)
    : `${home(stage)}/.npm`;
  if (cacheBytes > 0) {
    // Fitted to two installs measured on the data machine (lib/sizes npmCacheBytes).
    rc.add({ path: cacheDir, bytes: cacheBytes, kind: 'cache', item: 'npm cache (not cleaned)' });
  }
}

function npmRange(spec: string): string {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at > 0 ? spec.slice(at + 1) || '*' : '*';
}

function npmName(spec: string): string {
  if (spec.startsWith('@')) {
    const at = spec.indexOf('@', 1);
    return at > 0 ? spec.slice(0, at) : spec;
  }
  const at = spec.indexOf('@');
  return at > 0 ? spec.slice(0, at) : spec;
}

function applyYarn(cmd: ShellCommand, rc: RunContext): void {
  const { stage } = rc;
  if (isVersionQuery(cmd.args)) return;
  const sub = subcommand(cmd) ?? 'install';
  const rest = positional(cmd, 0, OPTS_WITH_VALUE.yarn).slice(1);
  if (sub === 'cache') {
    if (rest[0] === 'clean') rc.remove('/usr/local/share/.cache/yarn');
    return;
  }
  if (sub === 'build' || (sub === 'run' && (rest[0] ?? '').startsWith('build')))
    return buildOutput(cmd, rc, `yarn ${sub}`);
  if (sub !== 'install' && sub !== 'add') return;
  let cacheBytes = 0;
  if (sub === 'add') {
    const deps = Object.fromEntries(rest.map((s) => [npmName(s), npmRange(s)]));
    cacheBytes = installNodeModules(rc, cmd, stage.workdir, deps, {}, `yarn add ${rest.join(' ')}`);
  } else {
    const pkg = readPackageJson(rc, stage.workdir);
    if (!pkg || pkg === 'unreadable') {
      unknown(
        rc,
        'npm-package',
        'package.json',
        `No readable package.json in ${stage.workdir}; node_modules not sized.`,
        0,
        cmd,
      );
      return;
    }
    const prod = pkg.dependencies ?? {};
    const dev = isProduction(cmd, rc) ? {} : (pkg.devDependencies ?? {});
    cacheBytes = installNodeModules(
      rc,
      cmd,
      stage.workdir,
      prod,
      dev,
      `yarn install${Object.keys(dev).length ? ' (with devDependencies)' : ' (production)'}`,
    );
  }
  // Yarn v1 keeps every tarball in its global cache (official node images: /usr/local/share/.cache/yarn);
  // sized like npm's cache.
  if (cacheBytes > 0)
    rc.add({
      path: '/usr/local/share/.cache/yarn',
      bytes: cacheBytes,
      kind: 'cache',
      item: 'yarn cache (not cleaned)',
    });
}

function buildOutput(cmd: ShellCommand, rc: RunContext, label: string): void {
  const { stage, state } = rc;
  // Estimate: a bundler's output is about as big as the sources it bundles (capped); labelled as an estimate.
  let src = 0;
  for (const e of state.fs.under(stage.workdir) as SimEntry[]) {
    if (e.kind !== 'copy') continue;
    const files = e.files ?? [{ path: e.path, bytes: e.bytes }];
    for (const f of files) if (!f.path.includes('/node_modules/')) src += f.bytes;
  }
  const bytes = Math.min(src, 50e6);
  rc.add({
    path: `${stage.workdir}/dist`,
    bytes,
    kind: 'build',
    item: `${label} output (estimate: size of the copied sources)`,
  });
  unknown(
    rc,
    'command',
    label,
    `Build output of \`${label}\` estimated at the size of the copied sources (${fmtMb(bytes)}).`,
    bytes,
    cmd,
  );
}

// ---------------------------------------------------------------------------------------- files

function applyRm(cmd: ShellCommand, rc: RunContext): void {
  for (const a of cmd.args) {
    if (a.startsWith('-') || a === '') continue;
    if (/site-packages\/pip(\*|\/|$)/.test(a)) rc.state.removedManagers.add('pip');
    if (/node_modules\/npm\/?$/.test(a)) rc.state.removedManagers.add('npm');
    if (/\/opt\/yarn|node_modules\/yarn\/?$/.test(a)) rc.state.removedManagers.add('yarn');
    if (a.includes('$')) continue;
    rc.remove(absPath(a, rc.stage));
  }
}

function applyFind(cmd: ShellCommand, rc: RunContext): void {
  if (
    !cmd.args.includes('-delete') &&
    !cmd.args.some((a, i) => a === '-exec' && cmd.args[i + 1] === 'rm')
  )
    return;
  const root =
    cmd.args[0] && !cmd.args[0].startsWith('-') ? absPath(cmd.args[0], rc.stage) : rc.stage.workdir;
  const nameIdx = cmd.args.indexOf('-name');
  const name = nameIdx >= 0 ? cmd.args[nameIdx + 1] : undefined;
  // find ROOT -name '*.pyc' -delete: model the common byte-code and cache clean-ups by pattern.
  if (name) rc.recordDelete(`${root}/**/${name}`);
  else rc.remove(root + '/*');
}

function applyChownR(cmd: ShellCommand, rc: RunContext): void {
  const { state, layer } = rc;
  const targets = positional(cmd)
    .slice(1)
    .map((p) => absPath(p, rc.stage));
  for (const target of targets) {
    const dup = (state.fs.under(target) as SimEntry[]).filter((e) => e.layer !== layer);
    const bytes = sum(dup);
    if (!bytes) continue;
    const files = dup.flatMap((e) => e.files ?? [{ path: e.path, bytes: e.bytes }]);
    rc.overwrite(files.map((f) => f.path).concat(dup.filter((e) => !e.files).map((e) => e.path)));
    rc.add({
      path: target,
      bytes,
      kind: 'copy',
      item: `${cmd.name} -R ${target} (rewrites ${files.length} file(s) into this layer)`,
      files,
    });
  }
}

function applyCopyMove(cmd: ShellCommand, rc: RunContext): void {
  const { state } = rc;
  const paths = positional(cmd).map((p) => absPath(p, rc.stage));
  if (paths.length < 2) return;
  const dest = paths[paths.length - 1];
  for (const src of paths.slice(0, -1)) {
    const found = state.fs.under(src) as SimEntry[];
    if (!found.length) continue;
    const files = found
      .flatMap((e) => e.files ?? [{ path: e.path, bytes: e.bytes }])
      .map((f) => ({
        path: dest + f.path.slice(src.length),
        bytes: f.bytes,
      }));
    rc.add({
      path: dest,
      bytes: sum(files),
      kind: 'copy',
      item: `${cmd.name} ${src} ${dest}`,
      files,
    });
    if (cmd.name === 'mv') rc.remove(src);
  }
}

function distroOf(state: StageState): DistroKind {
  if (state.libc === 'musl') return 'alpine';
  if (state.aptRelease === 'bookworm' || state.aptRelease === 'trixie') return state.aptRelease;
  return 'other';
}

function applyDownload(cmd: ShellCommand, rc: RunContext): void {
  const url = cmd.args.find((x) => /^(https?|ftp):\/\//.test(x) || /^[\w.-]+\.[a-z]{2,}\//.test(x));
  if (url && isSignatureUrl(url)) return;
  const known = url
    ? knownDownload(url, rc.run.env, distroOf(rc.state), rc.state.record.ref)
    : undefined;
  if (known) {
    rc.state.knownDist = { layer: rc.layer, name: known.name };
    rc.add({
      path: `/.dist/${known.name.replace(/\s+/g, '-').toLowerCase()}`,
      bytes: known.bytes,
      kind: 'other',
      item: `${known.name} release, installed (${known.isMeasured ? 'from published image sizes' : 'estimate'})`,
    });
    if (!known.isMeasured)
      unknown(
        rc,
        'command',
        `${cmd.name} ${known.name}`,
        `${known.name} is downloaded and installed here; ${fmtMb(known.bytes)} assumed (${known.source}).`,
        known.bytes,
        cmd,
        known.rangeBytes,
      );
    return;
  }
  let out: string | undefined;
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    if (cmd.name === 'curl' && (a[i] === '-o' || a[i] === '--output')) out = a[i + 1];
    if (cmd.name === 'wget' && (a[i] === '-O' || a[i] === '--output-document')) out = a[i + 1];
    if (cmd.name === 'wget' && a[i].startsWith('--output-document=')) out = a[i].slice(18);
  }
  if (cmd.name === 'curl' && (a.includes('-O') || a.includes('--remote-name')) && !out)
    out = urlBase(a);
  if (cmd.name === 'wget' && !out && !a.includes('-qO-') && !a.includes('-O-')) out = urlBase(a);
  const redirect = cmd.redirects?.find((r) => r.op === '>' || r.op === '>>');
  if (!out && redirect) out = redirect.target;
  if (cmd.pipelinePosition === 0 && !out && !redirect) {
    // Piped into another command (tar, sh): what that command writes is not known.
    unknown(
      rc,
      'command',
      cmd.name,
      `\`${truncate(cmd.text, 60)}\` downloads and pipes into another program; what it writes is not sized.`,
      0,
      cmd,
    );
    return;
  }
  if (!out || out === '-' || out === '/dev/null') return;
  const path = absPath(out, rc.stage);
  rc.add({ path, bytes: 0, kind: 'download', item: `download ${path} (size unknown)` });
  unknown(
    rc,
    'command',
    `${cmd.name} → ${path}`,
    `Download to ${path}: its size is not known; 0 assumed.`,
    0,
    cmd,
  );
}

function urlBase(args: string[]): string | undefined {
  const url = args.find((x) => /^(https?|ftp):\/\//.test(x));
  if (!url) return undefined;
  const clean = url.split(/[?#]/)[0];
  return clean.slice(clean.lastIndexOf('/') + 1) || undefined;
}

/** Typical size of a statically linked Go service binary (hello-world ≈ 2 MB, real services 10–30 MB). */
const GO_BINARY_ESTIMATE_BYTES = 15e6;

function applyGo(cmd: ShellCommand, rc: RunContext): void {
  const sub = cmd.args[0];
  if (sub === 'build' || sub === 'install') {
    const o = cmd.args.indexOf('-o');
    // `-o` with nothing after it (the text halfway through typing) falls back to the default.
    const out =
      (o >= 0 ? cmd.args[o + 1] : undefined) ??
      (sub === 'install' ? '/go/bin/app' : `${rc.stage.workdir}/app`);
    const path = absPath(out, rc.stage);
    rc.add({
      path,
      bytes: GO_BINARY_ESTIMATE_BYTES,
      kind: 'build',
      item: `go ${sub} → ${path} (estimate)`,
    });
    unknown(
      rc,
      'command',
      `go ${sub}`,
      `Go binary ${path} estimated at ${fmtMb(GO_BINARY_ESTIMATE_BYTES)}; Go's build cache is not sized.`,
      GO_BINARY_ESTIMATE_BYTES,
      cmd,
      // hello-world is ~2 MB; large services (kubectl, terraform) 50–100 MB.
      [1.5e6, 120e6],
    );
    return;
  }
  if (sub === 'mod' && cmd.args[1] === 'download') {
    unknown(
      rc,
      'command',
      'go mod download',
      'Downloaded Go modules are not sized (0 assumed).',
      0,
      cmd,
    );
  }
}

/** Re-parses `sh -c '…'` scripts so their commands are modelled too. */
export function nestedScript(cmd: ShellCommand): string | undefined {
  if (!/^(sh|bash|dash|ash|zsh)$/.test(cmd.name)) return undefined;
  const i = cmd.args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
  if (i < 0 || i + 1 >= cmd.args.length) return undefined;
  const script = cmd.args[i + 1];
  return parseShell(script).error ? undefined : script;
}
