/**
 * buildModel(): Dockerfile text (+ .dockerignore + context) → ImageModel. Parses with
 * dockerfile-ast, resolves ARG/ENV, splits stages and works out which ship, parses every RUN with
 * a real shell parser (shell.ts), and simulates each stage's file system to size its layers
 * (effects.ts, sim-fs.ts, size-data.ts).
 */
import type { Instruction } from 'dockerfile-ast';
import { parseDockerfile, typed, unterminatedHeredocs } from './parse';
import type {
  AnalyzeInput,
  BuildContext,
  ContextFile,
  ParseProblem,
  Position,
  Range,
  Unknown,
} from './types';
import type {
  ArgDecl,
  BuildFailure,
  CopyStep,
  EnvDecl,
  ImageModel,
  Layer,
  MetaStep,
  Mount,
  RunStep,
  ShellCommand,
  Stage,
  Step,
} from './model-types';
import { isNotText } from './text-kind';
import { normalizeLineEndings } from './line-endings';
import { parseShell, expandFields, expandWord, type ParsedScript } from './shell';
import { lookup, newScope } from './scope';
import { compilePathGlob } from './glob';
import { matchSource, normalizeContextPath, resolveContext, hasGlob, basename } from './context';
import {
  StageFs,
  isUnder,
  globBase,
  globMatcher,
  sum,
  type SimEntry,
  type EntryFile,
} from './sim-fs';
import {
  applyCommand,
  absPath,
  nestedScript,
  normalizeAbs,
  programAliases,
  subcommand,
  type RunContext,
  type StageState,
} from './effects';
import { dpkgRewriteBytes, resolveBase, type ResolvedBase } from './size-data';
import { listBaseImages } from '../sizes';

/**
 * Size cap: beyond 10,000 lines or 1,000,000 characters only the beginning is analysed and a
 * problem says so. Real Dockerfiles are a few hundred lines at most; the cap keeps a pasted
 * megabyte from freezing the editor (analysis stays linear, measured in scripts/bench-analyzer.ts).
 */
export const MAX_LINES = 10_000;
export const MAX_CHARS = 1_000_000;
/**
 * Most files one analysis follows through COPY and ADD, summed over every instruction (the CLI
 * reads contexts of up to 200,000 files). Past it a copy is listed as not sized, so the work stays
 * bounded: 2,000 `COPY src/*` lines over a 400-file context took 2.1 s of CPU without it.
 */
export const COPY_FILE_BUDGET = 100_000;

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface DfVarResult {
  value: string;
  unresolved: string[];
}

/** Expands `$X`, `${X}`, `${X:-w}`, `${X:+w}` (and `-`, `+`) as Docker does in instructions. */
export function expandDockerVars(
  text: string,
  env: Record<string, string | undefined>,
  escape = '\\',
): DfVarResult {
  if (!text.includes('$')) return { value: text, unresolved: [] };
  const unresolved: string[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escape && text[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?$/s.exec(inner);
      if (!m) {
        out += text.slice(i, close + 1);
      } else {
        const [, name, op, word] = m;
        const v = lookup(env, name);
        const has = v !== undefined;
        const nonEmpty = has && v !== '';
        if (op === ':-') out += nonEmpty ? v : expandDockerVars(word ?? '', env, escape).value;
        else if (op === '-') out += has ? v : expandDockerVars(word ?? '', env, escape).value;
        else if (op === ':+')
          out += nonEmpty ? expandDockerVars(word ?? '', env, escape).value : '';
        else if (op === '+') out += has ? expandDockerVars(word ?? '', env, escape).value : '';
        else if (has) out += v;
        else {
          unresolved.push(name);
          out += text.slice(i, close + 1);
        }
      }
      i = close;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (!m) {
      out += '$';
      continue;
    }
    const v = lookup(env, m[0]);
    if (v !== undefined) out += v;
    else {
      unresolved.push(m[0]);
      out += '$' + m[0];
    }
    i += m[0].length;
  }
  return { value: out, unresolved };
}

/** Line-start offsets of a text, for offset → position conversion. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function toOffset(starts: number[], pos: Position): number {
  return (starts[pos.line] ?? starts[starts.length - 1]) + pos.character;
}

function toPosition(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Text with continuations joined, and where each piece of it sits in the document. */
interface Joined {
  text: string;
  /** Piece starts: joined offset `n[k]` is document offset `d[k]`, and so on until the next piece. */
  n: number[];
  d: number[];
  /** Document offset of the end of the region. */
  end: number;
}

/** Document offset of joined offset `i`. */
function docOffset(j: Joined, i: number): number {
  if (i >= j.text.length) return j.end;
  let lo = 0;
  let hi = j.n.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (j.n[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return j.d[lo] + (i - j.n[lo]);
}

/**
 * Joins Dockerfile line continuations (escape + newline) and drops comment and empty lines inside
 * them, as Docker does before handing the text to the shell.
 */
function joinContinuations(doc: string, start: number, end: number, escape: string): Joined {
  const n: number[] = [0];
  const d: number[] = [start];
  let text = '';
  let pieceStart = start;
  let i = doc.indexOf(escape, start);
  while (i >= 0 && i < end) {
    let j = i + 1;
    while (j < end && (doc[j] === ' ' || doc[j] === '\t')) j++;
    if (doc[j] === '\r') j++;
    if (doc[j] !== '\n') {
      i = doc.indexOf(escape, i + 1);
      continue;
    }
    text += doc.slice(pieceStart, i);
    j++;
    // Skip comment lines and blank lines that follow a continuation.
    for (;;) {
      let k = j;
      while (k < end && (doc[k] === ' ' || doc[k] === '\t')) k++;
      if (doc[k] === '#') {
        const nl = doc.indexOf('\n', k);
        if (nl < 0 || nl >= end) {
          j = end;
          break;
        }
        j = nl + 1;
      } else if (k < end && (doc[k] === '\n' || (doc[k] === '\r' && doc[k + 1] === '\n'))) {
        j = doc[k] === '\r' ? k + 2 : k + 1;
      } else break;
    }
    pieceStart = j;
    n.push(text.length);
    d.push(j);
    i = doc.indexOf(escape, j);
  }
  text += doc.slice(pieceStart, end);
  return { text, n, d, end };
}

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
  if (/^python(\d(\.\d+)?)?$/.test(name)) {
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
    if (mapped)
      cmd.sourceWords = pc.words.map((w, i) => {
        const literal = w.every((p) => p.kind === 'lit')
          ? w.map((p) => p.value).join('')
          : undefined;
        const r = rangeOf(pc.wordSpans[i][0], pc.wordSpans[i][1]);
        return literal === undefined ? { range: r } : { literal, range: r };
      });
    out.push(cmd);
    const nested = depth < 2 ? nestedScript(cmd) : undefined;
    if (nested !== undefined) {
      const inner = parseShell(nested);
      const innerCmds = commandsOf(
        inner,
        nested,
        local,
        () => range,
        pipelineBase + 10_000 * (depth + 1) + pc.start,
        depth + 1,
        false,
      );
      for (const c of innerCmds) out.push({ ...c, invokedAs: c.invokedAs ?? `${cmd.name} -c` });
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

function jsonStrings(ins: Instruction, content: string): string[] | undefined {
  if (!content.startsWith('[')) return undefined;
  try {
    const parsed = JSON.parse(content) as unknown;
    if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string'))
      return parsed as string[];
  } catch {
    // Not strict JSON: fall back to dockerfile-ast's reading.
  }
  const j = typed(ins) as unknown as { getJSONStrings?: () => { getJSONValue(): string }[] };
  if (!j.getJSONStrings) return undefined;
  const strings = j.getJSONStrings();
  return strings.length ? strings.map((s) => s.getJSONValue()) : undefined;
}

function heredocsOf(ins: Instruction): { name: string; content: Range | null }[] {
  const h = typed(ins) as unknown as {
    getHeredocs?: () => { getName(): string; getContentRange(): Range | null }[];
  };
  if (!h.getHeredocs) return [];
  try {
    return h.getHeredocs().map((d) => ({ name: d.getName(), content: d.getContentRange() }));
  } catch {
    return [];
  }
}

const EMPTY_BOUND: Map<string, ContextFile> = new Map();

const KNOWN_META = new Set([
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

const ARCHIVE_RE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
/** Extracted/archive size for ADD of a local archive: gzip'd software tarballs expand ~2.5–3×; plain tar 1×. */
function archiveExpansion(name: string): number {
  return /\.tar$/i.test(name) ? 1 : 2.7;
}

/**
 * `ENV a=1 b="two words"` or the legacy `ENV key value with spaces`. Quotes are removed; a value
 * entirely in single quotes is `literal` (Docker does not expand it). dockerfile-ast's
 * getProperties() gives the same pairs at many times the cost.
 */
export function parseEnvPairs(
  text: string,
  escape = '\\',
): { name: string; value: string; literal: boolean }[] {
  const t = text.trim();
  const firstSpace = t.search(/\s/);
  const firstEq = t.indexOf('=');
  if (firstEq < 0 || (firstSpace >= 0 && firstSpace < firstEq)) {
    if (firstSpace < 0) return t ? [{ name: t, value: '', literal: false }] : [];
    return [{ name: t.slice(0, firstSpace), value: t.slice(firstSpace).trim(), literal: false }];
  }
  const out: { name: string; value: string; literal: boolean }[] = [];
  let i = 0;
  while (i < t.length) {
    while (i < t.length && /\s/.test(t[i])) i++;
    if (i >= t.length) break;
    const eq = t.indexOf('=', i);
    if (eq < 0) break;
    const name = t.slice(i, eq);
    i = eq + 1;
    let value = '';
    let literal = t[i] === "'";
    let quote: string | undefined;
    for (; i < t.length; i++) {
      const ch = t[i];
      if (quote) {
        if (ch === quote) quote = undefined;
        else if (quote === '"' && ch === escape && i + 1 < t.length) value += t[++i];
        else value += ch;
      } else if (ch === '"' || ch === "'") {
        if (ch === '"') literal = false;
        quote = ch;
      } else if (ch === escape && i + 1 < t.length) {
        value += t[++i];
      } else if (/\s/.test(ch)) break;
      else {
        literal = false;
        value += ch;
      }
    }
    if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) out.push({ name, value, literal });
  }
  return out;
}

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
      return hasGlob(d) && globMatcher(d).test(p);
    });
  }

  mountsCover(path: string): boolean {
    if (!this.mountTargets.length) return false;
    const p = normalizeAbs(path);
    return this.mountTargets.some((t) => isUnder(p, t));
  }
}

/** Builds the image model. Never throws for any text; problems are reported in `model.problems`. */
export function buildModel(input: AnalyzeInput): ImageModel {
  const problems: ParseProblem[] = [];
  const unknowns: Unknown[] = [];
  // Files still allowed to be copied in this analysis: a bound on the work COPY can cause.
  let copyBudget = COPY_FILE_BUDGET;
  const overBudget = (s: string, line: number): Unknown => ({
    kind: 'copy-source',
    name: s,
    line,
    message: `${s} is not sized: this Dockerfile copies more than ${COPY_FILE_BUDGET.toLocaleString('en-US')} files in all, more than the analysis follows.`,
    assumedBytes: 0,
  });
  const buildFailures: BuildFailure[] = [];
  // CRLF and lone CR become LF once, here: positions (line, character) are the same in both texts.
  let text = normalizeLineEndings(
    typeof input.dockerfile === 'string' ? input.dockerfile : '',
  ).text;
  let truncatedAtLine: number | undefined;
  {
    let cut = -1;
    if (text.length > MAX_CHARS) cut = text.lastIndexOf('\n', MAX_CHARS);
    let count = 0;
    for (
      let i = text.indexOf('\n');
      i >= 0 && i < (cut >= 0 ? cut : text.length);
      i = text.indexOf('\n', i + 1)
    ) {
      if (++count >= MAX_LINES) {
        cut = i;
        break;
      }
    }
    if (cut >= 0) {
      text = text.slice(0, cut);
      truncatedAtLine = lineStarts(text).length;
      problems.push({
        range: {
          start: { line: truncatedAtLine - 1, character: 0 },
          end: { line: truncatedAtLine - 1, character: 0 },
        },
        severity: 'warning',
        message: `Too large: only the first ${truncatedAtLine} lines (${MAX_LINES.toLocaleString('en')} lines / ${MAX_CHARS.toLocaleString('en')} characters at most) were analysed.`,
      });
    }
  }
  // A binary file: say so once, and analyse nothing rather than echo its bytes back as lines.
  const notText = isNotText(text);
  if (notText) {
    text = '';
    problems.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'error',
      message:
        'This is not a text file (it holds NUL bytes or control characters): nothing was analysed. Open or paste the Dockerfile as text.',
    });
  }
  const starts = lineStarts(text);
  const lines = text.split(/\r?\n/);
  const df = parseDockerfile(text);
  const escape = df.getEscapeCharacter();
  const ctx = resolveContext(input.context, input.dockerignore);

  // dockerfile-ast's argument accessors re-scan the document on every call; reading the
  // arguments from our own copy of the text (after the keyword and flags) is many times cheaper.
  interface InsText {
    /** Document offsets of the arguments (after keyword and flags). */
    start: number;
    end: number;
    /** Arguments with continuations joined, trimmed. */
    text: string;
    /** `--name=value` flags before the arguments, in order. */
    flags: { name: string; value: string | null }[];
    joined: Joined;
    /** Offset in `joined.text` where the arguments start. */
    argsAt: number;
  }
  const insTexts = new Map<Instruction, InsText>();
  function insText(ins: Instruction): InsText {
    let hit = insTexts.get(ins);
    if (hit) return hit;
    const end = toOffset(starts, ins.getRange().end);
    const joined = joinContinuations(
      text,
      toOffset(starts, ins.getInstructionRange().end),
      end,
      escape,
    );
    const flags: { name: string; value: string | null }[] = [];
    const j = joined.text;
    let i = 0;
    for (;;) {
      while (i < j.length && (j[i] === ' ' || j[i] === '\t')) i++;
      if (j[i] !== '-' || j[i + 1] !== '-') break;
      let k = i + 2;
      while (k < j.length && j[k] !== ' ' && j[k] !== '\t' && j[k] !== '\n') k++;
      const token = j.slice(i + 2, k);
      const eq = token.indexOf('=');
      flags.push(
        eq >= 0
          ? { name: token.slice(0, eq), value: token.slice(eq + 1) }
          : { name: token, value: null },
      );
      i = k;
    }
    const rest = j.slice(i);
    const textOut = rest.trim();
    const lead = rest.length - rest.trimStart().length;
    hit = {
      start: docOffset(joined, i + lead),
      end,
      text: textOut,
      flags,
      joined,
      argsAt: i + lead,
    };
    insTexts.set(ins, hit);
    return hit;
  }

  const args: ArgDecl[] = [];
  const envs: EnvDecl[] = [];

  // Global ARGs (before the first FROM): visible to FROM lines, and to stages that redeclare them.
  const globalArgs: Record<string, string | undefined> = newScope();
  const instructions = df.getInstructions();
  let firstFrom = instructions.findIndex((i) => i.getKeyword() === 'FROM');
  if (firstFrom < 0) firstFrom = instructions.length;
  for (const ins of instructions.slice(0, firstFrom)) {
    if (ins.getKeyword() !== 'ARG') continue;
    for (const { name, value } of argProps(ins)) {
      const v = value === null ? undefined : expandDockerVars(value, globalArgs, escape).value;
      globalArgs[name] = v;
      args.push({ name, value: v, range: ins.getRange(), isGlobal: true });
    }
  }
  if (firstFrom >= instructions.length && !notText) {
    const end = { line: Math.max(0, lines.length - 1), character: 0 };
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

  // Pass 1: stages and their instructions.
  interface RawStage {
    from: Instruction;
    body: Instruction[];
    name?: string;
    ref: string;
    unresolved: string[];
  }
  const raw: RawStage[] = [];
  for (const ins of instructions.slice(firstFrom)) {
    for (const name of unterminatedHeredocs(ins, insText(ins).text))
      problems.push({
        range: ins.getRange(),
        severity: 'error',
        message: `The here-document <<${name} never ends: no line is exactly ${name}, so the build stops ("unterminated heredoc"). Put ${name} alone at the start of a line (<<-${name} allows leading tabs, not spaces).`,
      });
    if (ins.getKeyword() === 'FROM') {
      const tokens = insText(ins)
        .text.split(/\s+/)
        .filter((t) => t && !t.startsWith('--'));
      const image = tokens[0] ?? '';
      const asIdx = tokens.findIndex((t) => t.toLowerCase() === 'as');
      const name = asIdx >= 1 ? tokens[asIdx + 1] : undefined;
      const expanded = expandDockerVars(image, globalArgs, escape);
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

  const stages: Stage[] = [];
  const byName = new Map<string, Stage>();
  const resolveBaseCached = resolveBaseMemo;

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
          r.from as unknown as {
            getPlatformFlag(): { getValue(): string | null; getRange(): Range } | null;
          }
        ).getPlatformFlag()
      : null;
    if (platformFlag)
      stage.platform = { value: platformFlag.getValue() ?? '', range: platformFlag.getRange() };
    if (
      r.from &&
      !insText(r.from)
        .text.split(/\s+/)
        .find((t) => t && !t.startsWith('--'))
        ?.includes('$')
    ) {
      const imageRange = (r.from as unknown as { getImageRange(): Range | null }).getImageRange();
      if (imageRange) stage.baseRefRange = imageRange;
    }
    stages.push(stage);
    if (r.name) byName.set(r.name.toLowerCase(), stage);
  }

  // Target and what ships.
  let target = stages[stages.length - 1];
  if (input.target !== undefined && input.target !== '') {
    const t = input.target.toLowerCase();
    const found = byName.get(t) ?? (/^\d+$/.test(t) ? stages[Number(t)] : undefined);
    if (found) target = found;
    else
      problems.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        message: `Target stage "${input.target}" does not exist; analysed the last stage instead.`,
      });
  }
  target.isTarget = true;
  for (let s: Stage | undefined = target; s; s = s.baseStage) s.isShipped = true;

  // Pass 2: simulate each stage in order.
  const states = new Map<Stage, StageState>();
  const layers: Layer[] = [];
  const steps: Step[] = [];
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    const r = raw[i];
    const state = initState(stage, states, resolveBaseCached);
    states.set(stage, state);
    const stageArgs = new Set<string>();
    for (const ins of r.body) {
      const kw = ins.getKeyword();
      const range = ins.getRange();
      const baseStep = {
        index: stage.steps.length,
        stage,
        range,
        keywordRange: ins.getInstructionRange(),
        text: insText(ins).text,
      };
      if (kw === 'RUN') {
        const run = buildRun(ins, baseStep, stage, state);
        stage.steps.push(run);
        stage.runs.push(run);
        steps.push(run);
        layers.push(run.layer as Layer);
        continue;
      }
      if (kw === 'COPY' || kw === 'ADD') {
        const copy = buildCopy(ins, kw, baseStep, stage, state);
        stage.steps.push(copy);
        stage.copies.push(copy);
        steps.push(copy);
        layers.push(copy.layer as Layer);
        continue;
      }
      const meta: MetaStep = {
        index: baseStep.index,
        stage,
        range,
        keywordRange: baseStep.keywordRange,
        text: baseStep.text,
        layer: undefined,
        kind: (KNOWN_META.has(kw) ? kw : 'OTHER') as MetaStep['kind'],
      };
      stage.steps.push(meta);
      steps.push(meta);
      if (kw === 'ARG') {
        for (const { name, value } of argProps(ins)) {
          const v =
            value !== null
              ? expandDockerVars(value, stage.env, escape).value
              : lookup(globalArgs, name);
          stageArgs.add(name);
          if (v !== undefined) stage.env[name] = v;
          args.push({ name, value: v, range, isGlobal: false, stage });
        }
      } else if (kw === 'ENV') {
        const snapshot = newScope(stage.env);
        for (const p of parseEnvPairs(baseStep.text, escape)) {
          // Docker expands variables in ENV values except inside single quotes.
          const value = p.literal ? p.value : expandDockerVars(p.value, snapshot, escape).value;
          stage.env[p.name] = value;
          envs.push({ name: p.name, value, range, stage });
        }
      } else if (kw === 'WORKDIR') {
        const dir = expandDockerVars(baseStep.text.trim(), stage.env, escape).value;
        if (dir) stage.workdir = absPath(dir, stage);
      } else if (kw === 'USER') {
        stage.user = expandDockerVars(baseStep.text.trim(), stage.env, escape).value || stage.user;
      } else if (kw === 'CMD' || kw === 'ENTRYPOINT') {
        const json = jsonStrings(ins, baseStep.text);
        const value = json
          ? { form: 'exec' as const, args: json, range }
          : {
              form: 'shell' as const,
              args: baseStep.text.trim().split(/\s+/).filter(Boolean),
              range,
            };
        if (kw === 'CMD') stage.cmd = value;
        else {
          stage.entrypoint = value;
          // Docker resets an inherited CMD when ENTRYPOINT is set in the same image.
          if (!r.body.some((b) => b.getKeyword() === 'CMD')) stage.cmd = undefined;
        }
      } else if (!KNOWN_META.has(kw)) {
        problems.push({
          range: ins.getInstructionRange(),
          severity: 'error',
          message: `Unknown instruction ${kw}.`,
        });
      }
    }
    stage.packages = state.packages;
    stage.fs = state.fs;
    stage.pythonVersion = state.pythonVersion;
    stage.nodeVersion = state.nodeVersion;
    stage.compiles = state.compiles;
    stage.pipSatisfiedByOs = state.pipSatisfiedByOs;
    stage.packageManagers = [...packageManagersOf(state)].sort();
  }

  // ---------------------------------------------------------------------------- step builders

  function runScriptOf(ins: Instruction): RunScript {
    const info = insText(ins);
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

  function buildRun(
    ins: Instruction,
    baseStep: Omit<
      RunStep,
      'kind' | 'form' | 'commands' | 'mounts' | 'env' | 'calls' | 'deletes' | 'mountsCover'
    >,
    stage: Stage,
    state: StageState,
  ): RunStep {
    const mounts = insText(ins)
      .flags.filter((f) => f.name.toLowerCase() === 'mount')
      .map((f) => parseMount(expandDockerVars(f.value ?? '', stage.env, escape).value));
    const env = newScope(stage.env);
    const src = runScriptOf(ins);
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
      if (c) commands = [c];
    } else if (src.script.trim() !== '') {
      const parsed = parseShell(src.script);
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
      } else commands = commandsOf(parsed, src.script, env, rangeOf, 0, 0, src.map !== undefined);
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
      const from =
        byName.get(m.from.toLowerCase()) ??
        (/^\d+$/.test(m.from) ? stages[Number(m.from)] : undefined);
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
    const deletesRef = layer.deletes;
    if (
      /Install-Recommends\W+(false|0|no)\b/i.test(run.script ?? '') &&
      commands.some((c) => c.redirects?.some((r) => r.target.startsWith('/etc/apt/apt.conf.d')))
    ) {
      state.isNoRecommendsConfig = true;
    }
    for (const c of commands) {
      if (
        c.redirects?.some((r) => r.target.startsWith('/etc/apt/apt.conf.d')) &&
        /Install-Recommends\W+(false|0|no)\b/i.test(run.script ?? '')
      ) {
        state.isNoRecommendsConfig = true;
      }
      applyCommandIsolated(c, rc, problems);
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

  function buildCopy(
    ins: Instruction,
    kw: 'COPY' | 'ADD',
    baseStep: { index: number; stage: Stage; range: Range; keywordRange: Range; text: string },
    stage: Stage,
    state: StageState,
  ): CopyStep {
    const flags = insText(ins).flags;
    const flag = (n: string) => flags.find((f) => f.name.toLowerCase() === n);
    const fromRaw = flag('from')?.value ?? undefined;
    const from =
      fromRaw !== undefined ? expandDockerVars(fromRaw, stage.env, escape).value : undefined;
    const json = jsonStrings(ins, baseStep.text);
    const heredocs = baseStep.text.includes('<<') ? heredocsOf(ins) : [];
    let words: string[];
    if (json) words = json;
    else if (heredocs.length) {
      const firstLine = (baseStep.text.split('\n')[0] ?? '').trim();
      words = firstLine.split(/\s+/).filter(Boolean);
    } else words = baseStep.text.split(/\s+/).filter(Boolean);
    words = words.map((w) => expandDockerVars(w, stage.env, escape).value);
    const destRaw = words.length >= 2 ? words[words.length - 1] : (words[0] ?? '.');
    const sources = words.length >= 2 ? words.slice(0, -1) : [];
    const destAbs = absPath(destRaw, stage);
    let fromStage: Stage | undefined;
    if (from !== undefined) {
      fromStage =
        byName.get(from.toLowerCase()) ?? (/^\d+$/.test(from) ? stages[Number(from)] : undefined);
      if (fromStage && fromStage.index >= stage.index) fromStage = undefined;
      if (fromStage && !fromStage.copiedFromBy.includes(stage)) fromStage.copiedFromBy.push(stage);
    }
    const chownFlag = flag('chown');
    const chmodFlag = flag('chmod');
    // All fields always present (undefined when absent): one object shape keeps V8 fast.
    const copy: CopyStep = {
      index: baseStep.index,
      stage: baseStep.stage,
      range: baseStep.range,
      keywordRange: baseStep.keywordRange,
      text: baseStep.text,
      layer: undefined,
      kind: kw,
      sources,
      dest: destRaw,
      from,
      fromStage,
      chown: chownFlag ? (chownFlag.value ?? '') : undefined,
      chmod: chmodFlag ? (chmodFlag.value ?? '') : undefined,
      link: !!flag('link'),
      contextFiles: [],
      missingSources: [],
      excludedSources: [],
      isWholeContext: sources.some((s) => s === '*' || normalizeContextPath(s) === ''),
      isRemote: false,
      isArchive: false,
    };
    const layer = newLayer(copy, stage);
    copy.layer = layer;
    const line = baseStep.range.start.line;
    // Docker copies into a directory when the destination ends with `/`, names the working
    // directory (`.`), or when several sources are given; an existing directory counts too.
    const destIsDir =
      destRaw.endsWith('/') ||
      destRaw === '.' ||
      sources.length > 1 ||
      destAbs === stage.workdir ||
      state.fs.isDirectory(destAbs);
    const newEntries: SimEntry[] = [];
    const label = `${kw} ${sources.join(' ')} ${destRaw}`.slice(0, 120);

    if (heredocs.length && !json) {
      for (const h of heredocs) {
        const bytes = h.content
          ? toOffset(starts, h.content.end) - toOffset(starts, h.content.start) + 1
          : 0;
        const path = sources.length > 1 || destIsDir ? `${destAbs}/${h.name}` : destAbs;
        newEntries.push({ path, bytes, kind: 'copy', item: label, layer });
      }
    } else if (from !== undefined && !fromStage) {
      for (const s of sources) {
        unknowns.push({
          kind: 'copy-source',
          name: `${from}:${s}`,
          line,
          message: `COPY --from=${from} copies ${s} from another image; its size is not known (0 assumed).`,
          assumedBytes: 0,
        });
        newEntries.push({
          path: destIsDir ? `${destAbs}/${basename(s)}` : destAbs,
          bytes: 0,
          kind: 'copy',
          item: label,
          layer,
        });
      }
    } else if (fromStage) {
      const srcFs = fromStage.fs as StageFs;
      for (const s of sources) {
        const srcAbs = normalizeAbs('/' + s);
        const isGlob = hasGlob(srcAbs);
        const root = isGlob ? globBase(srcAbs) : srcAbs;
        const re = isGlob ? globMatcher(srcAbs) : undefined;
        const found = (srcFs.under(root) as SimEntry[]).filter(
          (e) => !re || re.test(e.path) || (e.files ?? []).some((f) => re.test(f.path)),
        );
        if (!found.length) {
          unknowns.push({
            kind: 'copy-source',
            name: `${fromStage.name ?? fromStage.index}:${s}`,
            line,
            message: `${s} in stage ${fromStage.name ?? fromStage.index} comes from its base image or from a command that is not modelled; its size is not known (0 assumed).`,
            assumedBytes: 0,
          });
          newEntries.push({
            path: destIsDir || destRaw.endsWith('/') ? `${destAbs}/${basename(srcAbs)}` : destAbs,
            bytes: 0,
            kind: 'copy',
            item: label,
            layer,
          });
          continue;
        }
        // A download or a build output in the builder has no measured size: the copy inherits
        // that doubt (the builder's own unknown is not listed, since the builder does not ship).
        const unsized = found.filter((e) => e.kind === 'download' || e.kind === 'build');
        if (unsized.length) {
          const guessed = sum(unsized);
          unknowns.push({
            kind: 'copy-source',
            name: `${fromStage.name ?? fromStage.index}:${s}`,
            line,
            message: `${s} in stage ${fromStage.name ?? fromStage.index} holds ${unsized.length === 1 ? 'a download or build output' : 'downloads or build outputs'} whose size is not measured (${(guessed / 1e6).toFixed(1)} MB assumed).`,
            assumedBytes: guessed,
            rangeBytes: [guessed * 0.1, Math.max(guessed * 5, 200e6)],
          });
        }
        const count = found.reduce((n, e) => n + (e.files?.length ?? 1), 0);
        if (count > copyBudget) {
          copyBudget = 0;
          unknowns.push(overBudget(s, line));
          continue;
        }
        copyBudget -= count;
        const single = found.length === 1 && found[0].path === srcAbs && !found[0].files && !isGlob;
        const files: EntryFile[] = [];
        const targetRoot = single
          ? destIsDir
            ? `${destAbs}/${basename(srcAbs)}`
            : destAbs
          : destAbs;
        for (const e of found) {
          const parts = e.files ?? [{ path: e.path, bytes: e.bytes }];
          for (const f of parts) {
            const rel = f.path === root ? '' : f.path.slice(root.length);
            files.push({
              path: single ? targetRoot : normalizeAbs(targetRoot + rel),
              bytes: f.bytes,
            });
          }
        }
        newEntries.push({
          path: targetRoot,
          bytes: sum(files),
          kind: 'copy',
          item: label,
          layer,
          files,
        });
      }
    } else {
      for (const s of sources) {
        if (kw === 'ADD' && (/^(https?|ftp):\/\//i.test(s) || /^git@|\.git(#.*)?$/.test(s))) {
          copy.isRemote = true;
          unknowns.push({
            kind: 'copy-source',
            name: s,
            line,
            message: `ADD downloads ${s}; its size is not known (0 assumed).`,
            assumedBytes: 0,
          });
          newEntries.push({
            path: destIsDir ? `${destAbs}/${basename(s)}` : destAbs,
            bytes: 0,
            kind: 'download',
            item: label,
            layer,
          });
          continue;
        }
        if (!ctx.isKnown) {
          unknowns.push({
            kind: 'copy-source',
            name: s,
            line,
            message: `No build context was given: ${s} cannot be sized.`,
            assumedBytes: 0,
          });
          continue;
        }
        if (copyBudget <= 0) {
          unknowns.push(overBudget(s, line));
          continue;
        }
        const match = matchSource(ctx, s);
        if (match.files.length > copyBudget) {
          copyBudget = 0;
          unknowns.push(overBudget(s, line));
          continue;
        }
        copyBudget -= match.files.length;
        if (!match.files.length) {
          if (match.exists) copy.excludedSources.push(s);
          else copy.missingSources.push(s);
          continue;
        }
        const asDir = destIsDir || match.isDir;
        const files: EntryFile[] = [];
        for (const { file, relDest } of match.files) {
          const path = asDir ? normalizeAbs(`${destAbs}/${relDest}`) : destAbs;
          files.push({ path, bytes: file.sizeBytes });
          copy.contextFiles.push(file);
          state.files.set(path, file);
        }
        if (kw === 'ADD' && !match.isDir && ARCHIVE_RE.test(s)) {
          copy.isArchive = true;
          const ratio = archiveExpansion(s);
          const bytes = Math.round(sum(files) * ratio);
          unknowns.push({
            kind: 'copy-source',
            name: s,
            line,
            message: `ADD extracts ${s}; extracted size estimated at ${ratio}× the archive.`,
            assumedBytes: bytes,
          });
          newEntries.push({
            path: destAbs,
            bytes,
            kind: 'copy',
            item: `${label} (extracted, estimate)`,
            layer,
          });
          continue;
        }
        const entryPath = asDir ? destAbs : destAbs;
        newEntries.push({
          path: entryPath,
          bytes: sum(files),
          kind: 'copy',
          item: label,
          layer,
          files,
          contextFiles: match.files.map((m) => m.file),
        });
      }
    }
    const overwritten = new Set<string>();
    for (const e of newEntries)
      for (const f of e.files ?? [{ path: e.path }]) overwritten.add(f.path);
    overwritePaths(state, overwritten, layer, stage);
    for (const e of newEntries) state.fs.add(e);
    finishLayer(layer, state);
    return copy;
  }

  // ---------------------------------------------------------------------------- invalidation

  function invalidatedBy(pathIn: string): Layer[] {
    const path = normalizeContextPath(pathIn);
    if (!path || ctx.isIgnored(path)) return [];
    const dirtyFrom = new Map<Stage, number>();
    const out: Layer[] = [];
    for (const stage of stages) {
      let from = stage.baseStage && dirtyFrom.has(stage.baseStage) ? 0 : Infinity;
      for (let i = 0; i < stage.steps.length && i < from; i++) {
        const step = stage.steps[i];
        if (step.kind === 'COPY' || step.kind === 'ADD') {
          if (copyIncludes(step, path) || (step.fromStage && dirtyFrom.has(step.fromStage)))
            from = i;
        } else if (step.kind === 'RUN') {
          const fromDirty = step.mounts.some(
            (m) =>
              m.from &&
              [...dirtyFrom.keys()].some(
                (s) =>
                  s.name?.toLowerCase() === m.from?.toLowerCase() || String(s.index) === m.from,
              ),
          );
          if (runBindsPath(step, path) || fromDirty) from = i;
        }
      }
      if (from === Infinity) continue;
      dirtyFrom.set(stage, from);
      for (const step of stage.steps.slice(from)) if (step.layer) out.push(step.layer);
    }
    return out;
  }

  const shippedStages = stages.filter((s) => s.isShipped);
  const shippedRuns = shippedStages.flatMap((s) => s.runs);
  const shippedCopies = shippedStages.flatMap((s) => s.copies);
  const shippedFiles = uniqueFiles(shippedCopies.flatMap((c) => c.contextFiles));
  return {
    stages,
    target,
    shippedStages,
    shippedRuns,
    shippedCopies,
    steps,
    layers,
    args,
    envs,
    context: { ...ctx.summary, files: ctx.files, shippedFiles },
    ...(input.dockerignore !== undefined ? { dockerignore: input.dockerignore } : {}),
    unknowns,
    lines,
    invalidatedBy,
    problems,
    buildFailures,
    ...(truncatedAtLine !== undefined ? { truncatedAtLine } : {}),
    isBuildable: firstFrom < instructions.length && !notText,
  };
}

// Step helpers that need nothing from buildModel's scope live here: a nested function is a new
// closure per analysis (and, under tsx, a keepNames call each).

function initState(
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
    packages: basePackages(record),
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

function newLayer(step: RunStep | CopyStep, stage: Stage): Layer {
  return {
    step,
    stage,
    sizeBytes: 0,
    wastedBytes: 0,
    items: [],
    adds: [],
    deletes: [],
    isShipped: stage.isShipped,
  };
}

function accountWaste(owner: Layer, bytes: number, by: Stage): void {
  if (owner.stage === by || by.isShipped) owner.wastedBytes += bytes;
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
    add(entry) {
      if (hasCoverMounts && run.mountsCover(entry.path)) return;
      (entry as SimEntry).layer = layer;
      state.fs.add(entry as SimEntry);
    },
    overwrite(paths) {
      overwritePaths(state, new Set(paths), layer, stage);
    },
  };
}

function overwritePaths(state: StageState, set: Set<string>, layer: Layer, stage: Stage): void {
  if (!set.size) return;
  state.fs.overwrite(set, (e, bytes) => {
    if (e.layer !== layer) accountWaste(e.layer, bytes, stage);
  });
}

function finishLayer(layer: Layer, state: StageState): void {
  const adds = state.fs.byLayer(layer);
  layer.adds = adds;
  layer.sizeBytes = sum(adds);
  const items = new Map<string, { label: string; bytes: number; kind: SimEntry['kind'] }>();
  for (const e of adds) {
    const it = items.get(e.item);
    if (it) it.bytes += e.bytes;
    else items.set(e.item, { label: e.item, bytes: e.bytes, kind: e.kind });
  }
  layer.items = [...items.values()];
}

function argProps(ins: Instruction): { name: string; value: string | null }[] {
  const p = ins as unknown as {
    getProperties?: () => { getName(): string; getValue(): string | null }[];
  };
  return p.getProperties
    ? p.getProperties().map((x) => ({ name: x.getName(), value: x.getValue() }))
    : [];
}

function copyIncludes(copy: CopyStep, path: string): boolean {
  if (copy.fromStage || copy.from !== undefined || copy.isRemote) return false;
  if (copy.contextFiles.some((f) => f.path === path)) return true;
  return copy.sources.some((s) => {
    const src = normalizeContextPath(s);
    if (src === '') return true;
    if (!hasGlob(src)) return isUnder(path, src);
    return compilePathGlob(src, { escapes: true }).test(path);
  });
}

function runBindsPath(run: RunStep, path: string): boolean {
  return run.mounts.some((m) => {
    if (m.type !== 'bind' || m.from) return false;
    const src = normalizeContextPath(m.source ?? '.');
    return src === '' || isUnder(path, src);
  });
}

const baseMemo = new Map<string, ResolvedBase>();

/** resolveBase is a pure function of the reference: memoised across analyses (bounded). */
function resolveBaseMemo(ref: string): ResolvedBase {
  let hit = baseMemo.get(ref);
  if (!hit) {
    if (baseMemo.size > 200) baseMemo.clear();
    hit = resolveBase(ref, listBaseImages);
    baseMemo.set(ref, hit);
  }
  return hit;
}

const basePackageSets = new WeakMap<object, Set<string>>();

/**
 * The base image's package set, built once per record and shared by every stage on that base
 * (read-only: effects.ts copies it on the first install or removal, see `ownPackages`).
 */
function basePackages(record: { packages: string[] | null }): Set<string> {
  let set = basePackageSets.get(record);
  if (!set) {
    set = new Set(record.packages ?? []);
    basePackageSets.set(record, set);
  }
  return set;
}

function uniqueFiles(files: ContextFile[]): ContextFile[] {
  const seen = new Set<string>();
  const out: ContextFile[] = [];
  for (const f of files) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    out.push(f);
  }
  return out;
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

export { resolveContext };
export type { BuildContext };
