/**
 * Stages: FROM lines split the file into stages, each resolved to its base image or to the stage
 * it builds on (the stage graph), the target and the stages that ship, each stage's starting
 * state (from its base image's record or its parent stage), and the stage-wide settings
 * (WORKDIR, USER, CMD, ENTRYPOINT) and packages at its end.
 */
import { cacheSlot, type AnalyzerCache } from '../cache';
import { typed, unterminatedHeredocs, type Instruction } from '../parse';
import type { Range } from '../types';
import type { Stage } from '../model-types';
import { newScope } from '../scope';
import { StageFs } from '../sim-fs';
import { absPath, type StageState } from '../effects';
import { resolveBase, type ResolvedBase } from '../size-data';
import { listBaseImages } from '../../sizes';
import type { ModelBuild } from './build';
import { insText, jsonStrings } from './document';
import { expandDockerVars, fromScope } from './variables';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Instructions that make no layer and that the model knows (any other is `OTHER`, and a problem). */
export const KNOWN_META = new Set([
  'ENV',
  'ARG',
  'WORKDIR',
  'USER',
  'CMD',
  'ENTRYPOINT',
  'EXPOSE',
  'LABEL',
  'SHELL',
  'HEALTHCHECK',
  'VOLUME',
  'STOPSIGNAL',
  'ONBUILD',
  'MAINTAINER',
]);

/** Problems of what comes before the first FROM: no FROM at all, or another instruction than ARG. */
export function checkPreamble(
  b: ModelBuild,
  instructions: Instruction[],
  firstFrom: number,
  notText: boolean,
  lineCount: number,
): void {
  const { problems } = b;
  if (firstFrom >= instructions.length && !notText) {
    const end = { line: Math.max(0, lineCount - 1), character: 0 };
    problems.push({
      range: { start: { line: 0, character: 0 }, end },
      severity: 'error',
      message: 'No FROM instruction: this is not a buildable Dockerfile.',
    });
  }
  for (const ins of instructions.slice(0, firstFrom)) {
    const kw = ins.getKeyword();
    if (kw !== 'ARG') {
      problems.push({
        range: ins.getRange(),
        severity: 'error',
        message: `${kw} before the first FROM: only ARG may come before FROM.`,
      });
    }
  }
}

/** A stage as the FROM lines split the file: its FROM, its other instructions and its base. */
export interface RawStage {
  from: Instruction;
  body: Instruction[];
  name?: string;
  ref: string;
  unresolved: string[];
}

/** Pass 1: the stages and their instructions (one empty scratch stage when there is no FROM). */
export function splitStages(
  b: ModelBuild,
  instructions: Instruction[],
  firstFrom: number,
  globalArgs: Record<string, string | undefined>,
): RawStage[] {
  const { escape, problems } = b;
  const raw: RawStage[] = [];
  const fromArgs = fromScope(globalArgs);
  for (const ins of instructions.slice(firstFrom)) {
    for (const name of unterminatedHeredocs(ins, insText(b, ins).text))
      problems.push({
        range: ins.getRange(),
        severity: 'error',
        message: `The here-document <<${name} never ends: no line is exactly ${name}, so the build stops ("unterminated heredoc"). Put ${name} alone at the start of a line (<<-${name} allows leading tabs, not spaces).`,
      });
    if (ins.getKeyword() === 'FROM') {
      const tokens = insText(b, ins)
        .text.split(/\s+/)
        .filter((t) => t && !t.startsWith('--'));
      const image = tokens[0] ?? '';
      const asIdx = tokens.findIndex((t) => t.toLowerCase() === 'as');
      const name = asIdx >= 1 ? tokens[asIdx + 1] : undefined;
      const expanded = expandDockerVars(image, fromArgs, escape);
      if (!image)
        problems.push({
          range: ins.getRange(),
          severity: 'error',
          message: 'FROM needs an image.',
        });
      raw.push({ from: ins, body: [], name, ref: expanded.value, unresolved: expanded.unresolved });
    } else {
      raw[raw.length - 1].body.push(ins);
    }
  }
  if (!raw.length) {
    // Nothing to build: a model with one empty scratch stage keeps every consumer simple.
    raw.push({ from: null as unknown as Instruction, body: [], ref: 'scratch', unresolved: [] });
  }
  return raw;
}

/** Creates every stage (base image or parent stage, platform, name) into `b.stages` and `b.byName`. */
export function createStages(b: ModelBuild, raw: RawStage[]): void {
  const { stages, byName, unknowns } = b;
  const resolveBaseCached = (ref: string) => resolveBaseMemo(ref, b.cache);

  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const range: Range = r.from
      ? {
          start: r.from.getRange().start,
          end: (r.body.length ? r.body[r.body.length - 1] : r.from).getRange().end,
        }
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const parent = byName.get(r.ref.toLowerCase());
    const stage: Stage = {
      cache: b.cache,
      index: i,
      name: r.name,
      range,
      baseRef: r.ref,
      baseStage: parent,
      baseImage: parent ? parent.baseImage : resolveBaseCached(r.ref).summary,
      steps: [],
      runs: [],
      copies: [],
      isShipped: false,
      isTarget: false,
      copiedFromBy: [],
      packages: new Set(),
      fs: new StageFs(),
      user: 'root',
      workdir: '/',
      env: newScope(),
    };
    if (r.unresolved.length && r.from) {
      unknowns.push({
        kind: 'variable',
        name: r.unresolved.join(', '),
        line: r.from.getRange().start.line,
        message: `FROM uses ${r.unresolved.map((n) => '$' + n).join(', ')} without a default; the base image is a guess.`,
        assumedBytes: 0,
      });
    }
    const platformFlag = r.from
      ? (
          typed(r.from) as unknown as {
            getPlatformFlag(): { getValue(): string | null; getRange(): Range } | null;
          }
        ).getPlatformFlag()
      : null;
    if (platformFlag)
      stage.platform = { value: platformFlag.getValue() ?? '', range: platformFlag.getRange() };
    if (
      r.from &&
      !insText(b, r.from)
        .text.split(/\s+/)
        .find((t) => t && !t.startsWith('--'))
        ?.includes('$')
    ) {
      const imageRange = (
        typed(r.from) as unknown as { getImageRange(): Range | null }
      ).getImageRange();
      if (imageRange) stage.baseRefRange = imageRange;
    }
    stages.push(stage);
    if (r.name) byName.set(r.name.toLowerCase(), stage);
  }
}

/** The target stage (`--target`, else the last) and the stages that ship: it and its parents. */
export function pickTarget(b: ModelBuild, requested: string | undefined): Stage {
  const { stages, byName, problems } = b;
  let target = stages[stages.length - 1];
  if (requested !== undefined && requested !== '') {
    const t = requested.toLowerCase();
    const found = byName.get(t) ?? (/^\d+$/.test(t) ? stages[Number(t)] : undefined);
    if (found) target = found;
    else
      problems.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        message: `Target stage "${requested}" does not exist; analysed the last stage instead.`,
      });
  }
  target.isTarget = true;
  for (let s: Stage | undefined = target; s; s = s.baseStage) s.isShipped = true;
  return target;
}

/**
 * WORKDIR, USER, CMD and ENTRYPOINT: what the stage runs as, where and what. False for any other
 * instruction.
 */
export function applyStageSetting(
  ins: Instruction,
  kw: string,
  text: string,
  range: Range,
  stage: Stage,
  body: Instruction[],
  escape: string,
): boolean {
  if (kw === 'WORKDIR') {
    const dir = expandDockerVars(text.trim(), stage.env, escape).value;
    if (dir) stage.workdir = absPath(dir, stage);
  } else if (kw === 'USER') {
    stage.user = expandDockerVars(text.trim(), stage.env, escape).value || stage.user;
  } else if (kw === 'CMD' || kw === 'ENTRYPOINT') {
    const json = jsonStrings(ins, text);
    const value = json
      ? { form: 'exec' as const, args: json, range }
      : {
          form: 'shell' as const,
          args: text.trim().split(/\s+/).filter(Boolean),
          range,
        };
    if (kw === 'CMD') stage.cmd = value;
    else {
      stage.entrypoint = value;
      // Docker resets an inherited CMD when ENTRYPOINT is set in the same image.
      if (!body.some((b) => b.getKeyword() === 'CMD')) stage.cmd = undefined;
    }
  } else return false;
  return true;
}

/** What the stage holds at its end, copied from the simulation state. */
export function finishStage(stage: Stage, state: StageState): void {
  stage.packages = state.packages;
  stage.fs = state.fs;
  stage.pythonVersion = state.pythonVersion;
  stage.nodeVersion = state.nodeVersion;
  stage.compiles = state.compiles;
  stage.pipSatisfiedByOs = state.pipSatisfiedByOs;
  stage.packageManagers = [...packageManagersOf(state)].sort();
}

/** The simulation state a stage starts from: its parent stage's (copied), or its base image's. */
export function initState(
  stage: Stage,
  all: Map<Stage, StageState>,
  resolve: (ref: string) => ResolvedBase,
): StageState {
  if (stage.baseStage) {
    const p = all.get(stage.baseStage) as StageState;
    const parent = stage.baseStage;
    stage.user = parent.user;
    stage.workdir = parent.workdir;
    stage.env = newScope(parent.env);
    stage.cmd = parent.cmd;
    stage.entrypoint = parent.entrypoint;
    if (parent.baseEntrypoint) stage.baseEntrypoint = parent.baseEntrypoint;
    if (parent.baseCmd) stage.baseCmd = parent.baseCmd;
    return {
      ...p,
      fs: p.fs.clone(),
      packages: p.packages,
      packagesShared: true,
      aptGroups: p.aptGroups.map((g) => ({
        requested: new Set(g.requested),
        packages: [...g.packages],
      })),
      apkVirtual: new Map(p.apkVirtual),
      compiles: [...p.compiles],
      pipSatisfiedByOs: [...p.pipSatisfiedByOs],
      files: new Map(p.files),
      venvs: [...p.venvs],
      removedManagers: new Set(p.removedManagers),
      npmDev: new Set(p.npmDev),
    };
  }
  const { record } = resolve(stage.baseRef);
  stage.user = record.defaultUser || 'root';
  if (record.entrypoint) stage.baseEntrypoint = record.entrypoint;
  if (record.cmd) stage.baseCmd = record.cmd;
  stage.env = newScope({ PATH: DEFAULT_PATH });
  if (record.runtimes.python) stage.env.PYTHON_VERSION = record.runtimes.python;
  if (record.runtimes.node) stage.env.NODE_VERSION = record.runtimes.node;
  return {
    fs: new StageFs(),
    packages: basePackages(record, stage.cache),
    packagesShared: true,
    record,
    aptRelease: record.aptRelease,
    excludesDocs: record.excludesDocs,
    isNoRecommendsConfig: false,
    libc: record.libc,
    pythonVersion: record.runtimes.python ? minorOf(record.runtimes.python) : osPython(record),
    nodeVersion: record.runtimes.node,
    aptGroups: [],
    apkVirtual: new Map(),
    compiles: [],
    pipSatisfiedByOs: [],
    files: new Map(),
    venvs: [],
    removedManagers: new Set(),
    npmDev: new Set(),
  };
}

const BASES = cacheSlot('resolved bases', () => new Map<string, ResolvedBase>());

/** resolveBase is a pure function of the reference: memoised in the cache (bounded). */
export function resolveBaseMemo(ref: string, cache: AnalyzerCache): ResolvedBase {
  const baseMemo = cache.get(BASES);
  let hit = baseMemo.get(ref);
  if (!hit) {
    if (baseMemo.size > 200) baseMemo.clear();
    hit = resolveBase(ref, listBaseImages, cache.baseIndex);
    baseMemo.set(ref, hit);
  }
  return hit;
}

const BASE_PACKAGE_SETS = cacheSlot('base package sets', () => new WeakMap<object, Set<string>>());

/**
 * The base image's package set, built once per record and shared by every stage on that base
 * (read-only: effects/run-context.ts copies it on the first install or removal, see `ownPackages`).
 */
function basePackages(record: { packages: string[] | null }, cache: AnalyzerCache): Set<string> {
  const basePackageSets = cache.get(BASE_PACKAGE_SETS);
  let set = basePackageSets.get(record);
  if (!set) {
    set = new Set(record.packages ?? []);
    basePackageSets.set(record, set);
  }
  return set;
}

function minorOf(version: string): string {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}` : version;
}

/** Python that an OS image carries as a package (Debian's python3 in buildpack-deps images, distroless python3). */
function osPython(record: {
  packages: string[] | null;
  osFamily: string;
  aptRelease?: string;
  ref: string;
}): string | undefined {
  const pkgs = record.packages ?? [];
  const explicit = pkgs.map((p) => /^python(3\.\d+)(-minimal)?$/.exec(p)).find(Boolean);
  if (explicit) return explicit[1];
  if (record.osFamily === 'distroless' && /python3/.test(record.ref)) {
    // gcr.io/distroless/python3-debian12 ships Debian 12's python3.11 (GoogleContainerTools/distroless README).
    return /debian11/.test(record.ref) ? '3.9' : /debian13/.test(record.ref) ? '3.13' : '3.11';
  }
  return undefined;
}

/** Package managers present at the end of a stage, from its packages and base image. */
function packageManagersOf(state: StageState): Set<string> {
  const out = new Set<string>();
  const pk = state.packages;
  const record = state.record;
  if (pk.has('apt')) out.add('apt');
  if (pk.has('dpkg')) out.add('dpkg');
  if (pk.has('apk-tools')) out.add('apk');
  if (!record.packages) {
    // No package list for this base (distroless): trust its declared package manager.
    if (record.packageManager === 'apt') out.add('apt').add('dpkg');
    if (record.packageManager === 'apk') out.add('apk');
  }
  const rt = record.runtimes;
  const removed = state.removedManagers;
  if (
    (rt.pip || pk.has('python3-pip') || pk.has('py3-pip') || state.venvs.length > 0) &&
    !removed.has('pip')
  )
    out.add('pip');
  if ((rt.npm || pk.has('npm')) && !removed.has('npm')) out.add('npm');
  if ((rt.yarn || pk.has('yarn') || pk.has('yarnpkg')) && !removed.has('yarn')) out.add('yarn');
  return out;
}
