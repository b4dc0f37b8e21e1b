/**
 * What every effect module works with: the simulated state of a stage, the context of the RUN a
 * command belongs to, and the helpers they share (paths, unknowns, options, certain failures).
 */
import { formatBytes } from '../../format';
import type { ContextFile, ParseProblem, Unknown } from '../types';
import type { BuildFailureKind, Layer, RunStep, ShellCommand, Stage } from '../model-types';
import type { StageFs, SimEntry } from '../sim-fs';
import type * as data from '../size-data';
import type { BaseImageRecord } from '../../sizes/types';
import { homeOf } from '../vocabulary';

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
  /**
   * Release installs of the current RUN whose size is an estimate: where each went and the
   * unknown it raised, dropped when the same RUN deletes the install.
   */
  estimatedDists?: { layer: Layer; path: string; unknown: Unknown }[];
  /** An `apt-get` with no such operation in the current RUN, and the operation it is a typo of. */
  aptInvalid?: { layer: Layer; word: string; meant?: string };
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
  /**
   * Records that `cmd` certainly fails when it runs (whether the build then fails is its
   * `onFailure`): the commands its failure skips are not run, so nothing reports them.
   */
  failsAlways(cmd: ShellCommand): void;
  /** Deletes what `pattern` names (absolute, may glob) and accounts waste; records the deletion. */
  remove(pattern: string): void;
  /** Bytes `add` has put in the layer so far in this RUN. */
  readonly addedBytes: number;
  /** Adds an entry to this layer unless a cache/tmpfs mount covers its path. */
  add(entry: Omit<SimEntry, 'layer'>): void;
  /** Marks earlier entries at these exact paths as overwritten (waste) and drops them. */
  overwrite(paths: string[]): void;
  /** Records that this RUN deletes `pattern` (for `RunStep.deletes`) without touching the FS. */
  recordDelete(pattern: string): void;
}

/** Programs known to write something we do not size; listed as unknowns with 0 bytes assumed. */
export const WRITERS_NOTE = 'runs a program whose output size is not modelled; 0 bytes assumed';

/** The home directory of the stage's user. */
export function home(stage: Stage): string {
  return homeOf(stage.user);
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

/** `name` inside the absolute directory `dir`, with one slash between them (`/` + `x` → `/x`). */
export function inDir(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
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

export function unknown(
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
export function addUnsizedPackage(
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

export function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

/**
 * True when the model follows everything before `cmd` in its stage chain: a measured base image
 * and no unmodelled command since the chain's first FROM (a script could have done anything).
 */
export function isFollowed(rc: RunContext, cmd: ShellCommand): boolean {
  if (!rc.stage.baseImage.known) return false;
  let root = rc.stage;
  while (root.baseStage) root = root.baseStage;
  const from = root.range.start.line;
  const to = cmd.range.start.line;
  return !rc.unknowns.some(
    (u) => u.kind === 'command' && u.line !== undefined && u.line >= from && u.line <= to,
  );
}

export function findImageFile(path: string, rc: RunContext): ContextFile | undefined {
  return rc.boundFiles.get(path) ?? rc.state.files.get(path);
}

export function fmtMb(bytes: number): string {
  return formatBytes(bytes);
}
