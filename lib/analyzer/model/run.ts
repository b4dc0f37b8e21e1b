/**
 * RUN: the script (shell form, exec form, heredoc) parsed by a real shell parser into commands
 * with variables expanded and prefixes (`sudo`, `env`, `gosu`...) stripped, its mounts, and the
 * simulation of each command's effects (effects/) into the RUN's layer.
 */
import type { Instruction } from '../parse';
import type { ContextFile, ParseProblem, Position, Range, Unknown } from '../types';
import type { Layer, Mount, RunStep, ShellCommand, Stage, Step } from '../model-types';
import {
  parseShell,
  expandFields,
  expandWord,
  primeShellParses,
  type ParsedScript,
} from '../shell';
import type { AnalyzerCache } from '../cache';
import { newScope } from '../scope';
import { matchSource, hasGlob } from '../context';
import { isUnder, globMatcher, type SimEntry } from '../sim-fs';
import {
  applyCommand,
  absPath,
  nestedScript,
  normalizeAbs,
  programAliases,
  subcommand,
  type RunContext,
  type StageState,
} from '../effects';
import { dpkgRewriteBytes } from '../size-data';
import { isPythonProgram } from '../vocabulary';
import { stageNamed, type ModelBuild } from './build';
import { docOffset, insText, heredocsOf, jsonStrings, toOffset, toPosition } from './document';
import { expandDockerVars } from './variables';
import { accountWaste, finishLayer, newLayer, overwritePaths } from './layers';
import { formatBytes } from '../../format';

interface RunScript {
  form: 'shell' | 'exec' | 'heredoc';
  script: string;
  /** Document offset of script[i]; undefined = map everything to the RUN range. */
  map?: (i: number) => number;
  /** Exec form that is not `sh -c`: the argv itself. */
  argv?: string[];
}

/** Shared empty assignments object of commands without any (never mutated). */
const NO_ASSIGNS: Record<string, string> = Object.freeze(newScope());

const PREFIX_OPTS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-h', '-p', '-r', '-t', '-U', '-D', '-R', '-T']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir']),
  exec: new Set(['-a']),
  nohup: new Set(),
  time: new Set(['-f', '-o']),
  nice: new Set(['-n']),
  ionice: new Set(['-c', '-n']),
  stdbuf: new Set(['-i', '-o', '-e']),
  command: new Set(),
  builtin: new Set(),
  'su-exec': new Set(),
  gosu: new Set(),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
};

function basenameOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** Turns one argv (already expanded) into a ShellCommand: strips prefixes, resolves `python -m pip`. */
function makeCommand(
  argvIn: string[],
  assignmentsIn: Record<string, string>,
  base: Omit<ShellCommand, 'name' | 'args' | 'viaSudo' | 'assignments'>,
): ShellCommand | undefined {
  const first = argvIn.length ? basenameOf(argvIn[0]) : '';
  const hasPrefix = Object.prototype.hasOwnProperty.call(PREFIX_OPTS, first);
  const argv = hasPrefix ? [...argvIn] : argvIn;
  const assignments = hasPrefix ? newScope(assignmentsIn) : assignmentsIn;
  let viaSudo = false;
  for (let guard = 0; hasPrefix && guard < 8 && argv.length; guard++) {
    const head = basenameOf(argv[0]);
    const opts = Object.prototype.hasOwnProperty.call(PREFIX_OPTS, head)
      ? PREFIX_OPTS[head]
      : undefined;
    if (!opts) break;
    if (head === 'command' && (argv[1] === '-v' || argv[1] === '-V')) break;
    if (head === 'sudo') viaSudo = true;
    argv.shift();
    while (argv.length && argv[0].startsWith('-')) {
      const o = argv.shift() as string;
      if (opts.has(o)) argv.shift();
    }
    if (head === 'env' || head === 'sudo') {
      while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
        const a = argv.shift() as string;
        const eq = a.indexOf('=');
        assignments[a.slice(0, eq)] = a.slice(eq + 1);
      }
    }
    if ((head === 'su-exec' || head === 'gosu') && argv.length) argv.shift();
    if (head === 'timeout' && argv.length) argv.shift();
  }
  if (!argv.length) return undefined;
  const program = argv[0];
  let name = program.includes('/') ? basenameOf(program) : program;
  let args = argv.slice(1);
  let invokedAs: string | undefined;
  if (isPythonProgram(name)) {
    const m = args.indexOf('-m');
    if (m >= 0 && args[m + 1] === 'pip') {
      invokedAs = `${name} -m pip`;
      name = 'pip';
      args = args.slice(m + 2);
    }
  }
  const cmd: ShellCommand = {
    name,
    args,
    viaSudo,
    pipeline: base.pipeline,
    pipelinePosition: base.pipelinePosition,
    assignments,
    text: base.text,
    range: base.range,
  };
  if (base.redirects && base.redirects.length) cmd.redirects = base.redirects;
  if (program.includes('/')) cmd.path = program;
  if (invokedAs) cmd.invokedAs = invokedAs;
  return cmd;
}

/** ShellCommands of a parsed script, with variables expanded from `env` and script assignments. */
function commandsOf(
  cache: AnalyzerCache,
  parsed: ParsedScript,
  script: string,
  env: Record<string, string>,
  rangeOf: (start: number, end: number) => Range,
  pipelineBase: number,
  depth = 0,
  mapped = true,
): ShellCommand[] {
  const local: Record<string, string> = newScope(env);
  const out: ShellCommand[] = [];
  for (const pc of parsed.commands) {
    const assigns: Record<string, string> = pc.assigns.length ? newScope() : NO_ASSIGNS;
    for (const a of pc.assigns) assigns[a.name] = expandWord(a.value, local);
    if (pc.words.length === 0 || pc.isDecl) {
      Object.assign(local, assigns);
      if (pc.words.length === 0) continue;
    }
    const words = pc.words.flatMap((w) => expandFields(w, local));
    const range = rangeOf(pc.start, pc.end);
    const cmd = makeCommand(words, pc.isDecl ? newScope() : assigns, {
      pipeline: pipelineBase + pc.pipeline,
      pipelinePosition: pc.pipelinePosition,
      text: script.slice(pc.start, pc.end),
      range,
      redirects: pc.redirects.length
        ? pc.redirects.map((r) => ({ op: r.op, target: expandWord(r.target, local) }))
        : undefined,
    });
    if (!cmd) continue;
    if (pc.conditional) cmd.conditional = true;
    if (pc.onFailure === 'exits') cmd.onFailure = 'exits';
    else if (pc.onFailure !== undefined && mapped)
      cmd.onFailure = { resumesAt: rangeOf(pc.onFailure, pc.onFailure).start };
    if (pc.isDecl && pc.assigns.length) cmd.exported = assigns;
    if (mapped)
      cmd.sourceWords = pc.words.map((w, i) => {
        const literal = w.every((p) => p.kind === 'lit')
          ? w.map((p) => p.value).join('')
          : undefined;
        const r = rangeOf(pc.wordSpans[i][0], pc.wordSpans[i][1]);
        return literal === undefined ? { range: r } : { literal, range: r };
      });
    out.push(cmd);
    const nested = depth < 2 ? nestedScript(cmd, cache) : undefined;
    if (nested !== undefined) {
      const inner = parseShell(nested, cache);
      const innerCmds = commandsOf(
        cache,
        inner,
        nested,
        local,
        () => range,
        pipelineBase + 10_000 * (depth + 1) + pc.start,
        depth + 1,
        false,
      );
      for (const c of innerCmds) {
        // `sh -c 'SCRIPT'` exits as its script does: an inner command that ends the script
        // ends the RUN when the `sh -c` does; where an inner script goes on is not in the RUN's text.
        const { onFailure, ...rest } = c;
        out.push({
          ...rest,
          invokedAs: c.invokedAs ?? `${cmd.name} -c`,
          ...(cmd.conditional ? { conditional: true } : {}),
          ...(onFailure === 'exits' && cmd.onFailure === 'exits' ? { onFailure } : {}),
        });
      }
    }
  }
  return out;
}

function parseMount(value: string): Mount {
  const mount: Mount = { type: 'bind' };
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq >= 0 ? part.slice(0, eq) : part).trim().toLowerCase();
    const val = eq >= 0 ? part.slice(eq + 1).trim() : '';
    if (key === 'type' && ['cache', 'secret', 'bind', 'tmpfs', 'ssh'].includes(val))
      mount.type = val as Mount['type'];
    else if (key === 'target' || key === 'dst' || key === 'destination') mount.target = val;
    else if (key === 'source' || key === 'src') mount.source = val;
    else if (key === 'from') mount.from = val;
    else if (key === 'id' && !mount.source) mount.source = val;
  }
  if (mount.type === 'secret' && !mount.target && mount.source)
    mount.target = `/run/secrets/${mount.source}`;
  return mount;
}

const EMPTY_BOUND: Map<string, ContextFile> = new Map();

/** A RUN step; methods live on the prototype so each RUN costs one object. */
class RunStepImpl implements RunStep {
  readonly kind = 'RUN' as const;
  index: number;
  stage: Stage;
  range: Range;
  keywordRange: Range;
  text: string;
  layer: Layer | undefined = undefined;
  form: RunStep['form'];
  commands: ShellCommand[];
  mounts: Mount[];
  env: Record<string, string>;
  parseError: string | undefined;
  script: string;
  private readonly deleted: string[];
  private readonly mountTargets: string[];

  constructor(
    base: { index: number; stage: Stage; range: Range; keywordRange: Range; text: string },
    form: RunStep['form'],
    commands: ShellCommand[],
    mounts: Mount[],
    env: Record<string, string>,
    script: string,
    deleted: string[],
    mountTargets: string[],
    parseError: string | undefined,
  ) {
    this.index = base.index;
    this.stage = base.stage;
    this.range = base.range;
    this.keywordRange = base.keywordRange;
    this.text = base.text;
    this.form = form;
    this.commands = commands;
    this.mounts = mounts;
    this.env = env;
    this.parseError = parseError;
    this.script = script;
    this.deleted = deleted;
    this.mountTargets = mountTargets;
  }

  calls(name: string, sub?: string): boolean {
    const names = programAliases(name);
    return this.commands.some(
      (c) => names.includes(c.name) && (sub === undefined || subcommand(c) === sub),
    );
  }

  deletes(path: string): boolean {
    const p = normalizeAbs(path);
    return this.deleted.some((d) => {
      const base = d.endsWith('/*') ? d.slice(0, -2) : d;
      if (isUnder(p, base)) return true;
      return hasGlob(d) && globMatcher(d, this.stage.cache).test(p);
    });
  }

  mountsCover(path: string): boolean {
    if (!this.mountTargets.length) return false;
    const p = normalizeAbs(path);
    return this.mountTargets.some((t) => isUnder(p, t));
  }
}

function runScriptOf(b: ModelBuild, ins: Instruction): RunScript {
  const { text, starts } = b;
  const info = insText(b, ins);
  const json = jsonStrings(ins, info.text);
  if (json) {
    if (
      json.length >= 3 &&
      /^(\/bin\/)?(ba)?sh$/.test(json[0]) &&
      /^-[a-z]*c[a-z]*$/.test(json[1])
    ) {
      return { form: 'exec', script: json[2] };
    }
    return { form: 'exec', script: '', argv: json };
  }
  const startOff = info.start;
  const endOff = info.end;
  const rawText = text.slice(startOff, endOff);
  if (rawText.startsWith('<<') && /^<<-?["']?[A-Za-z_]/.test(rawText)) {
    const docs = heredocsOf(ins);
    const first = docs[0];
    const firstLineEnd = rawText.indexOf('\n');
    const after = (firstLineEnd >= 0 ? rawText.slice(0, firstLineEnd) : rawText)
      .replace(/^<<-?["']?[A-Za-z_][A-Za-z0-9_]*["']?/, '')
      .trim();
    if (first && first.content && (after === '' || /^(\/bin\/)?(ba)?sh\b/.test(after))) {
      const cs = toOffset(starts, first.content.start);
      const ce = toOffset(starts, first.content.end);
      return { form: 'heredoc', script: text.slice(cs, ce), map: (i) => cs + i };
    }
    if (!first || !first.content) return { form: 'heredoc', script: '' };
  }
  if (rawText.includes('<<') && heredocsOf(ins).length) {
    // A command fed by a here-document (`python3 <<EOF`): the shell parser reads it as written.
    return { form: 'heredoc', script: rawText, map: (i) => startOff + i };
  }
  const joined = info.joined;
  const at = info.argsAt;
  return { form: 'shell', script: joined.text.slice(at), map: (i) => docOffset(joined, i + at) };
}

/**
 * Parses the scripts of all these RUN instructions ahead, in one call of the shell parser where
 * it can (see `primeShellParses`), so that `buildRun` finds them in the cache.
 */
export function primeRunScripts(b: ModelBuild, instructions: readonly Instruction[]): void {
  const scripts: string[] = [];
  for (const ins of instructions) {
    if (ins.getKeyword() !== 'RUN') continue;
    const src = runScriptOf(b, ins);
    if (!src.argv) scripts.push(src.script);
  }
  primeShellParses(scripts, b.cache);
}

/** Builds a RUN step, parses its script and applies each command to the stage's state. */
export function buildRun(
  b: ModelBuild,
  ins: Instruction,
  baseStep: Omit<
    RunStep,
    'kind' | 'form' | 'commands' | 'mounts' | 'env' | 'calls' | 'deletes' | 'mountsCover'
  >,
  stage: Stage,
  state: StageState,
): RunStep {
  const { starts, escape, problems, unknowns, ctx, buildFailures } = b;
  const mounts = insText(b, ins)
    .flags.filter((f) => f.name.toLowerCase() === 'mount')
    .map((f) => parseMount(expandDockerVars(f.value ?? '', stage.env, escape).value));
  const env = newScope(stage.env);
  const src = runScriptOf(b, ins);
  const rangeOf = (s: number, e: number): Range =>
    src.map
      ? { start: toPosition(starts, src.map(s)), end: toPosition(starts, src.map(e)) }
      : baseStep.range;
  let commands: ShellCommand[] = [];
  let parseError: string | undefined;
  if (src.argv) {
    const c = makeCommand(src.argv, newScope(), {
      pipeline: 0,
      pipelinePosition: 0,
      text: src.argv.join(' '),
      range: baseStep.range,
    });
    // An exec-form RUN is the one program: its exit status is the RUN's.
    if (c) commands = [{ ...c, onFailure: 'exits' }];
  } else if (src.script.trim() !== '') {
    const parsed = parseShell(src.script, b.cache);
    if (parsed.error) {
      parseError = parsed.error;
      problems.push({
        range: baseStep.range,
        severity: 'error',
        message: `Shell syntax error in RUN: ${parsed.error}`,
      });
      unknowns.push({
        kind: 'parse',
        name: 'RUN',
        line: baseStep.range.start.line,
        message: `RUN could not be parsed (${parsed.error}); its effects are not sized.`,
        assumedBytes: 0,
      });
    } else
      commands = commandsOf(b.cache, parsed, src.script, env, rangeOf, 0, 0, src.map !== undefined);
  }
  const mountTargets = mounts
    .filter((m) => (m.type === 'cache' || m.type === 'tmpfs' || m.type === 'secret') && m.target)
    .map((m) => absPath(m.target as string, stage));
  const deletes: string[] = [];
  const run = new RunStepImpl(
    baseStep,
    src.form,
    commands,
    mounts,
    env,
    src.argv ? src.argv.join(' ') : src.script,
    deletes,
    mountTargets,
    parseError,
  );
  const layer = newLayer(run, stage);
  run.layer = layer;
  const bound = mounts.length ? new Map<string, ContextFile>() : EMPTY_BOUND;
  for (const m of mounts) {
    if (m.type !== 'bind' || m.from || !m.target) continue;
    const match = matchSource(ctx, m.source ?? '.');
    const t = absPath(m.target, stage);
    for (const f of match.files) bound.set(match.isDir ? `${t}/${f.relDest}` : t, f.file);
  }
  const stageMounts: RunContext['stageMounts'] = [];
  for (const m of mounts) {
    if (m.type !== 'bind' || !m.from || !m.target) continue;
    const from = stageNamed(b, m.from);
    if (!from || from.index >= stage.index) continue;
    stageMounts.push({
      target: absPath(m.target, stage),
      source: normalizeAbs(`/${m.source ?? ''}`),
      stage: from,
    });
  }
  const rc = makeRc(stage, state, run, layer, bound, stageMounts, unknowns, problems);
  rc.fail = (kind, command, message) =>
    buildFailures.push({ kind, run, command, range: command.range, message });
  // The command that certainly failed last (apt-get with no such operation).
  const failing: { cmd?: ShellCommand } = {};
  rc.failsAlways = (command) => {
    failing.cmd = command;
  };
  const noShell = shellMissing(stage, state, run, unknowns);
  if (noShell && commands[0]) rc.fail('command-not-found', commands[0], noShell);
  const deletesRef = layer.deletes;
  if (
    /Install-Recommends\W+(false|0|no)\b/i.test(run.script ?? '') &&
    commands.some((c) => c.redirects?.some((r) => r.target.startsWith('/etc/apt/apt.conf.d')))
  ) {
    state.isNoRecommendsConfig = true;
  }
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i];
    if (
      c.redirects?.some((r) => r.target.startsWith('/etc/apt/apt.conf.d')) &&
      /Install-Recommends\W+(false|0|no)\b/i.test(run.script ?? '')
    ) {
      state.isNoRecommendsConfig = true;
    }
    const failed = buildFailures.length;
    const addedBefore = rc.addedBytes;
    failing.cmd = undefined;
    applyCommandIsolated(c, rc, problems);
    const added = rc.addedBytes - addedBefore;
    if (c.conditional && added > 0) {
      // Whether a branch runs depends on what the script finds at build time: the estimate
      // counts it, and the range reaches down to the image without it.
      unknowns.push({
        kind: 'command',
        name: c.name,
        line: c.range.start.line,
        message: `\`${c.text.length > 60 ? c.text.slice(0, 59) + '…' : c.text}\` runs only on some paths of the script (inside an if, or after ||); its ${formatBytes(added)} are counted as if it ran.`,
        assumedBytes: added,
        rangeBytes: [0, added],
      });
    }
    // The build stops at a program that is not there (the effect model only says so when the
    // RUN's exit status follows it): neither it nor what comes after it runs, so no rule
    // reports them. The failure keeps its own range.
    if (
      buildFailures.length > failed &&
      buildFailures.slice(failed).some((f) => f.kind === 'command-not-found' && f.command === c)
    ) {
      commands.length = i;
      break;
    }
    // A command that always fails: where the shell's rules say the RUN stops, nothing after it
    // runs; where it goes on, the rest of the command's `&&` chain is skipped. The command itself
    // stays (its rule reports it).
    const alwaysFails = (failing.cmd as ShellCommand | undefined) === c;
    if (alwaysFails && c.onFailure === 'exits') {
      commands.length = i + 1;
      break;
    }
    if (alwaysFails && c.onFailure && c.onFailure !== 'exits') {
      const at = c.onFailure.resumesAt;
      let n = i + 1;
      while (n < commands.length && isBefore(commands[n].range.start, at)) n++;
      commands.splice(i + 1, n - i - 1);
    }
  }
  for (const d of state.estimatedDists ?? []) {
    // An install deleted in the RUN that made it (a toolchain used only to build) ships nothing,
    // so its size is no longer in doubt.
    if (d.layer !== layer || state.fs.under(d.path).length > 0) continue;
    const i = unknowns.indexOf(d.unknown);
    if (i >= 0) unknowns.splice(i, 1);
  }
  if (state.dpkgChanges?.layer === layer && state.record.packageManager === 'apt') {
    rc.add({
      path: '/var/lib/dpkg/status',
      bytes: dpkgRewriteBytes(state.packages.size, state.dpkgChanges.installed),
      kind: 'apt',
      item: 'dpkg database and logs (rewritten by every layer that runs dpkg)',
    });
  }
  deletes.push(...deletesRef);
  finishLayer(layer, state);
  return run;
}

/** True when position `a` comes before `b` in the document. */
function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * Why a shell-form RUN cannot start, when that is certain: the stage's base image has no shell
 * (distroless, scratch) and nothing before it could have added one (a SHELL instruction, an
 * unsized copy, /bin/sh put there by a COPY). Undefined otherwise.
 */
function shellMissing(
  stage: Stage,
  state: StageState,
  run: RunStep,
  unknowns: Unknown[],
): string | undefined {
  if (run.form === 'exec' || state.record.hasShell || !stage.baseImage.known) return undefined;
  if (state.record.osFamily === 'windows') return undefined;
  let root = stage;
  while (root.baseStage) root = root.baseStage;
  const from = root.range.start.line;
  const to = run.range.start.line;
  const before = stepsBefore(stage, run);
  if (before.some((s) => s.kind === 'SHELL')) return undefined;
  if (unknowns.some((u) => u.line !== undefined && u.line >= from && u.line < to)) return undefined;
  if (['/bin/sh', '/busybox/sh', '/bin/bash'].some((p) => state.fs.has(p))) return undefined;
  return `${stage.baseImage.resolvedRef ?? stage.baseRef} has no shell, so this RUN cannot start ("/bin/sh: no such file or directory"). Run the command in a build stage and copy its result here, or use the image's :debug tag while you debug.`;
}

/** The steps of `stage` and of the stages it inherits from, in order, up to (not including) `run`. */
function stepsBefore(stage: Stage, run: RunStep): Step[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.baseStage) chain.unshift(s);
  const out: Step[] = [];
  for (const s of chain)
    for (const st of s.steps) {
      if (st === run) return out;
      out.push(st);
    }
  return out;
}

/**
 * Applies one command's effects; a command the effect model cannot handle (a bug, or input no
 * one foresaw) becomes a problem and an unknown for that command alone, never a crash.
 */
function applyCommandIsolated(cmd: ShellCommand, rc: RunContext, problems: ParseProblem[]): void {
  try {
    applyCommand(cmd, rc);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    problems.push({
      range: cmd.range,
      severity: 'info',
      message: `\`${cmd.name}\` could not be modelled (${reason}); its effects may be missing.`,
    });
    rc.unknowns.push({
      kind: 'command',
      name: cmd.name,
      line: cmd.range.start.line,
      message: `\`${cmd.name}\` could not be modelled; what it writes is not sized.`,
      assumedBytes: 0,
    });
  }
}

function makeRc(
  stage: Stage,
  state: StageState,
  run: RunStep,
  layer: Layer,
  boundFiles: Map<string, ContextFile>,
  stageMounts: RunContext['stageMounts'],
  unknowns: Unknown[],
  problems: ParseProblem[],
): RunContext {
  const deleted: string[] = [];
  const hasCoverMounts = run.mounts.length > 0;
  // Bytes this RUN's commands have added so far (what a conditional command adds is measured by it).
  let added = 0;
  return {
    state,
    stage,
    run,
    layer,
    unknowns,
    problems,
    boundFiles,
    stageMounts,
    fail() {},
    failsAlways() {},
    remove(pattern) {
      deleted.push(pattern);
      layer.deletes.push(pattern);
      state.fs.remove(pattern, (e, bytes) => {
        if (e.layer !== layer) accountWaste(e.layer, bytes, stage);
      });
    },
    recordDelete(pattern) {
      deleted.push(pattern);
      layer.deletes.push(pattern);
    },
    get addedBytes() {
      return added;
    },
    add(entry) {
      if (hasCoverMounts && run.mountsCover(entry.path)) return;
      (entry as SimEntry).layer = layer;
      state.fs.add(entry as SimEntry);
      added += entry.bytes;
    },
    overwrite(paths) {
      overwritePaths(state, new Set(paths), layer, stage);
    },
  };
}
