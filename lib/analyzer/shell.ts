/**
 * Shell parsing for RUN instructions, with mvdan-sh (the Go shell parser mvdan.cc/sh compiled to
 * JavaScript). The parse result is a variable-independent description of each simple command;
 * `expandWord` turns it into strings for a given environment. Parse results are memoised per
 * script text in a bounded LRU, so re-analysing an edited Dockerfile only parses the RUN that
 * changed.
 */
// mvdan-sh ships no types and is CommonJS; the bundler and tsx both handle the default import.
import mvdanSh from 'mvdan-sh';
import { cacheSlot, type AnalyzerCache } from './cache';
import { LIMITS } from '../limits';
import { lazy } from '../sizes/lazy';

/** One piece of a shell word. `param` parts are expanded from the environment. */
export type WordPart =
  | { kind: 'lit'; value: string }
  | {
      kind: 'param';
      name: string;
      /** `:-`, `-`, `:+`, `+`, `:=`, `=`, or undefined for plain `$X` / `${X}`. */
      op?: string;
      word?: Word;
      /** Source text, kept when the parameter cannot be resolved. */
      text: string;
      /** Inside double quotes: its value is one field, never split on whitespace. */
      quoted?: boolean;
    }
  | { kind: 'raw'; value: string };

export type Word = WordPart[];

export interface ParsedRedirect {
  /** `>`, `>>`, `<`, `<<`, `<<<`, `&>`... */
  op: string;
  target: Word;
  /** Body of a here-document. */
  heredoc?: string;
}

export interface ParsedCommand {
  /** Command words, name first. Empty for a bare assignment (`FOO=1`). */
  words: Word[];
  assigns: { name: string; value: Word }[];
  /** `export`/`declare`/`local`/`readonly` clauses are parsed into assigns. */
  isDecl: boolean;
  /** Pipeline id (shared by commands joined with `|`) and position inside it. */
  pipeline: number;
  pipelinePosition: number;
  redirects: ParsedRedirect[];
  /** Offsets into the parsed script text. */
  start: number;
  end: number;
  /** `[start, end)` offsets of each of `words` in the script, from the parser's own positions. */
  wordSpans: [number, number][];
  /**
   * True when the command runs only on some paths of the script: inside an `if`, or after `||`.
   * Whether it runs depends on what the script finds at build time. A `case` is not counted: in
   * Dockerfiles it nearly always picks by architecture (`case "$dpkgArch" in amd64) …`), where
   * for linux/amd64 one arm runs, and the official images' other arms set variables or build and
   * clean up in the same layer, so applying every arm sizes them right (postgres:18-trixie,
   * +0.9 % with every arm applied, reads low if the amd64 arm is taken as unsure).
   */
  conditional?: boolean;
  /**
   * What the script does when this command fails, where the shell's rules decide it: `'exits'`
   * when the script then ends with a non-zero status (the RUN fails), or the offset where it goes
   * on (the rest of an `&&` chain is skipped). Only for a command whose exit status is that of a
   * top-level pipeline (see `failureOutcomes`); undefined elsewhere.
   */
  onFailure?: 'exits' | number;
}

export interface ParsedScript {
  commands: ParsedCommand[];
  /** Set when the parser rejected the text; `commands` is then empty. */
  error?: string;
}

interface ShNode {
  [key: string]: unknown;
  Pos(): { Offset(): number };
  End(): { Offset(): number };
}

interface ShSyntax {
  NewParser(...opts: unknown[]): { Parse(src: string, name: string): ShNode };
  Walk(node: ShNode, fn: (node: ShNode | null) => boolean): void;
  NodeType(node: ShNode): string;
}

const syntax = (mvdanSh as unknown as { syntax: ShSyntax }).syntax;

/**
 * `syntax.NodeType(node)`, which formats the Go type with fmt.Sprintf("%T") on every call. The
 * GopherJS wrapper of a node keeps the Go pointer, whose constructor names the type
 * (`*syntax.CallExpr`): read that, and fall back to NodeType if the wrapper ever differs.
 * shell.test.ts checks both agree on every node of varied scripts.
 */
export function nodeType(node: ShNode): string {
  const name = (node as { __internal_object__?: { constructor?: { string?: unknown } } })
    .__internal_object__?.constructor?.string;
  if (typeof name === 'string' && name.startsWith('*syntax.')) return name.slice(8);
  return syntax.NodeType(node);
}

/** Calls `fn` with every node of `script`'s syntax tree and both type names (for the test). */
export function walkTypesForTest(script: string, fn: (fast: string, slow: string) => void): void {
  syntax.Walk(shParser().Parse(script, ''), (node) => {
    if (node) fn(nodeType(node), syntax.NodeType(node));
    return true;
  });
}

/**
 * The GopherJS parser object, made on first use and kept: it holds no input between calls (each
 * Parse starts afresh, also after one that threw: shell-parser.test.ts checks it), so no answer
 * depends on it (see `parseUncached`).
 */
const shParser = lazy((): { Parse(src: string, name: string): ShNode } => syntax.NewParser());

// Operator numbers of mvdan.cc/sh/v3 syntax (token.go), checked against mvdan-sh 0.10.1 here.
const BIN_AND = 10;
const BIN_OR = 11;
const BIN_PIPE = 12;
const BIN_PIPE_ALL = 13;
const REDIRECT_OPS: Record<number, string> = {
  54: '>',
  55: '>>',
  56: '<',
  57: '<>',
  58: '<&',
  59: '>&',
  60: '>|',
  61: '<<',
  62: '<<-',
  63: '<<<',
  64: '&>',
  65: '&>>',
};
const PARAM_OPS: Record<number, string> = {
  68: '+',
  69: ':+',
  70: '-',
  71: ':-',
  72: '?',
  73: ':?',
  74: '=',
  75: ':=',
};

/** Output redirection operators (the command writes to the target). */
export const WRITE_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);

/**
 * Scripts the memo keeps: a RUN takes at least a line, so this holds every RUN of the longest
 * file the analyzer reads, and the `sh -c` scripts inside them, for the next analysis (with 512,
 * re-analysing a 5,000-line file of 782 RUNs found none of them: an LRU read in order that is
 * smaller than the file evicts each script just before it is asked for again).
 */
const MEMO_LIMIT = 2 * LIMITS.analyzer.lines;
/** Parsed scripts by text, least recently used first (an LRU of MEMO_LIMIT scripts). */
const SHELL_PARSES = cacheSlot('shell parses', () => new Map<string, ParsedScript>());

/**
 * Parses `script` as a POSIX/bash script. Never throws: a syntax error returns `{ commands: [],
 * error }`. With a cache, results are memoised in it (an LRU, see MEMO_LIMIT); treat them as read-only.
 */
export function parseShell(script: string, cache?: AnalyzerCache): ParsedScript {
  if (!cache) return parseUncached(script);
  const memo = cache.get(SHELL_PARSES);
  const hit = memo.get(script);
  if (hit) {
    memo.delete(script);
    memo.set(script, hit);
    return hit;
  }
  const result = parseUncached(script);
  memo.set(script, result);
  if (memo.size > MEMO_LIMIT) {
    const oldest = memo.keys().next().value;
    if (oldest !== undefined) memo.delete(oldest);
  }
  return result;
}

/**
 * Parses, in as few calls of the parser as it takes, every script of `scripts` that `cache` does
 * not hold yet, and memoises the results: `parseShell` then finds them. The answers are the ones
 * `parseShell` gives for each script alone (shell-batch.test.ts compares them on the corpus).
 *
 * Why: each call of mvdan-sh's `Parse` costs about 70 µs before it reads a character (it wraps the
 * resulting file for JavaScript, and allocates its buffers anew), about as much again as
 * parsing a typical RUN; one call for all the RUNs of a file pays it once.
 */
export function primeShellParses(scripts: readonly string[], cache: AnalyzerCache): void {
  const memo = cache.get(SHELL_PARSES);
  const todo: string[] = [];
  const queued = new Set<string>();
  for (const script of scripts) {
    if (memo.has(script) || queued.has(script) || !isBatchable(script)) continue;
    queued.add(script);
    todo.push(script);
  }
  if (todo.length < 2) return;
  for (const [script, parsed] of parseBatch(todo)) {
    memo.set(script, parsed);
    if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  }
}

/** `parseBatch` of the batchable scripts among `scripts`, without a cache (for the tests). */
export function parseBatchForTest(scripts: readonly string[]): Map<string, ParsedScript> {
  return parseBatch([...new Set(scripts)].filter(isBatchable));
}

/**
 * Whether a script parses the same followed by a newline and more text: not when a here-document
 * may read on into the next script (its body belongs to no statement's range, so the check in
 * `parseBatch` would not see it), nor when a final backslash joins the next line to this one.
 * Over the caps, the script is never parsed at all.
 */
function isBatchable(script: string): boolean {
  return (
    script.trim() !== '' &&
    !script.includes('<<') &&
    !script.endsWith('\\') &&
    tooComplex(script) === undefined
  );
}

/**
 * The scripts, joined by newlines, parsed in one call and read per script. When the batch does
 * not parse, or a statement spans two scripts (one of them could not be parsed alone), each half
 * is tried again; a single script left over is not answered here (`parseShell` parses it alone,
 * and its error message then reads as for that script).
 */
function parseBatch(scripts: string[]): Map<string, ParsedScript> {
  const out = new Map<string, ParsedScript>();
  if (scripts.length < 2) return out;
  const text = scripts.join('\n');
  const starts: number[] = [];
  let at = 0;
  for (const script of scripts) {
    starts.push(at);
    at += script.length + 1;
  }
  const split = () => {
    const half = scripts.length >> 1;
    for (const part of [scripts.slice(0, half), scripts.slice(half)])
      for (const [script, parsed] of parseBatch(part)) out.set(script, parsed);
    return out;
  };
  let raw: unknown;
  try {
    raw = (shParser().Parse(text, '') as { __internal_object__?: unknown }).__internal_object__;
  } catch {
    return split();
  }
  if (!isRawNode(raw)) return out;
  const charAt = byteToChar(text);
  const stmts = rawItems(raw.Stmts);
  const owned: RawNode[][] = scripts.map(() => []);
  let i = 0;
  for (const stmt of stmts) {
    const s = charAt(stmt.Pos().Offset());
    const e = charAt(stmt.End().Offset());
    while (i < scripts.length - 1 && s >= starts[i + 1]) i++;
    if (s < starts[i] || e > starts[i] + scripts[i].length) return split();
    owned[i].push(stmt);
  }
  try {
    scripts.forEach((script, k) =>
      out.set(
        script,
        readRaw(owned[k], script, true, (b) => charAt(b) - starts[k]),
      ),
    );
  } catch {
    out.clear();
  }
  return out;
}

/** Most command separators (`&&`, `||`, `;`, `|`, newlines) one RUN may hold before it is "too complex". */
export const SHELL_SEPARATOR_CAP = 400;
/** Deepest nesting of `$(`, `(` and `{` one RUN may hold. */
export const SHELL_DEPTH_CAP = 32;

/**
 * The reason a script is over the caps above, or undefined. Decided on the text alone, so the
 * answer is the same in every process state (the parser's recursive walk would otherwise
 * overflow the stack at a depth that depends on the caller).
 */
export function tooComplex(script: string): string | undefined {
  let separators = 0;
  let depth = 0;
  let maxDepth = 0;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === '\n' || c === ';' || c === '|' || (c === '&' && script[i + 1] === '&')) separators++;
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth = Math.max(0, depth - 1);
    if (depth > maxDepth) maxDepth = depth;
  }
  if (separators > SHELL_SEPARATOR_CAP)
    return `too complex to analyse (more than ${SHELL_SEPARATOR_CAP} commands)`;
  if (maxDepth > SHELL_DEPTH_CAP)
    return `too complex to analyse (nested more than ${SHELL_DEPTH_CAP} deep)`;
  return undefined;
}

function parseUncached(script: string, prune = true, via: 'raw' | 'walk' = 'raw'): ParsedScript {
  const complex = tooComplex(script);
  if (complex) return { commands: [], error: complex };
  let file: ShNode;
  try {
    file = shParser().Parse(script, '');
  } catch (err) {
    return { commands: [], error: errorMessage(err) };
  }
  const raw = (file as { __internal_object__?: unknown }).__internal_object__;
  if (via === 'raw' && isRawNode(raw)) {
    try {
      return readRaw([raw], script, prune);
    } catch (err) {
      return { commands: [], error: errorMessage(err) };
    }
  }
  return readByWalk(file, script, prune);
}

/**
 * The commands of a parsed file through mvdan-sh's JavaScript API (`syntax.Walk` and the node
 * wrappers). Every node handed to JavaScript is wrapped anew, about 0.2 ms each, so this is the
 * fallback and the test's reference; `readRaw` reads the same tree directly.
 */
function readByWalk(file: ShNode, script: string, prune: boolean): ParsedScript {
  const commands: ParsedCommand[] = [];
  const redirsByCmd = new Map<number, ParsedRedirect[]>();
  // Each pipe BinaryCmd node's start offset maps to its pipeline id, so nested `a | b | c` share one.
  const pipeRoots: { start: number; end: number; id: number }[] = [];
  const branches: { start: number; end: number }[] = [];
  const skipped: { start: number; end: number }[] = [];
  try {
    syntax.Walk(file, (node) => {
      if (!node) return true;
      const type = nodeType(node);
      if (type === 'Stmt') {
        const redirs = node.Redirs as ShNode[] | undefined;
        const cmd = node.Cmd as ShNode | null;
        if (cmd && redirs && redirs.length > 0) {
          redirsByCmd.set(
            cmd.Pos().Offset(),
            redirs.map((r) => ({
              op: REDIRECT_OPS[r.Op as number] ?? '?',
              target: r.Word ? toWord(r.Word as ShNode, script) : [],
              heredoc: r.Hdoc ? sliceOf(r.Hdoc as ShNode, script) : undefined,
            })),
          );
        }
      } else if (type === 'BinaryCmd') {
        const op = node.Op as number;
        if (op === BIN_PIPE || op === BIN_PIPE_ALL) {
          const start = node.Pos().Offset();
          const end = node.End().Offset();
          const inside = pipeRoots.find((p) => p.start <= start && end <= p.end);
          if (!inside) pipeRoots.push({ start, end, id: -1 });
        } else if (op === BIN_OR && node.Y) {
          const y = node.Y as ShNode;
          branches.push({ start: y.Pos().Offset(), end: y.End().Offset() });
        }
      } else if (type === 'IfClause') {
        branches.push({ start: node.Pos().Offset(), end: node.End().Offset() });
      } else if (type === 'CaseClause' && node.Word) {
        const items = ((node.Items as ShNode[] | undefined) ?? []).map((item) => ({
          patterns: ((item.Patterns as ShNode[] | undefined) ?? []).map((w) => sliceOf(w, script)),
          start: item.Pos().Offset(),
          end: item.End().Offset(),
        }));
        skipped.push(...armsNotTaken(sliceOf(node.Word as ShNode, script), items));
      } else if (type === 'CallExpr' || type === 'DeclClause') {
        const start = node.Pos().Offset();
        const end = node.End().Offset();
        const isDecl = type === 'DeclClause';
        const args = (node.Args as ShNode[]) ?? [];
        const words: Word[] = [];
        const wordSpans: [number, number][] = [];
        const span = (n: ShNode): [number, number] => [n.Pos().Offset(), n.End().Offset()];
        const assigns: { name: string; value: Word }[] = [];
        if (isDecl) {
          const variant = node.Variant as ShNode | null;
          words.push([{ kind: 'lit', value: variant ? String(variant.Value) : 'declare' }]);
          wordSpans.push(variant ? span(variant) : [start, start]);
          for (const a of args) {
            const name = a.Name as ShNode | null;
            if (name)
              assigns.push({
                name: String(name.Value),
                value: a.Value ? toWord(a.Value as ShNode, script) : [],
              });
            else if (a.Value) {
              words.push(toWord(a.Value as ShNode, script));
              wordSpans.push(span(a.Value as ShNode));
            }
          }
        } else {
          for (const a of args) {
            words.push(toWord(a, script));
            wordSpans.push(span(a));
          }
          for (const a of (node.Assigns as ShNode[]) ?? []) {
            const name = a.Name as ShNode | null;
            if (name)
              assigns.push({
                name: String(name.Value),
                value: a.Value ? toWord(a.Value as ShNode, script) : [],
              });
          }
        }
        commands.push({
          words,
          assigns,
          isDecl,
          pipeline: -1,
          pipelinePosition: 0,
          redirects: [],
          start,
          end,
          wordSpans,
        });
        // Only a command or process substitution nests statements inside a command; without
        // one in its text, the walk below it would visit nothing but words.
        return !isDecl && (!prune || mayNest(script, start, end));
      }
      return true;
    });
  } catch (err) {
    return { commands: [], error: errorMessage(err) };
  }
  const view: TreeView<ShNode> = {
    type: nodeType,
    child: (n, f) => (n[f] as ShNode | null | undefined) ?? undefined,
    children: (n, f) => (n[f] as ShNode[] | undefined) ?? [],
    field: (n, f) => n[f],
    start: (n) => n.Pos().Offset(),
  };
  return finish(commands, redirsByCmd, pipeRoots, branches, topLists([file], view), skipped);
}

/** What an architecture reads as on the platform the analyzer models (linux/amd64). */
const AMD64_NAMES = ['amd64', 'x86_64', 'x86-64', 'x64', 'linux/amd64'];

/**
 * The arms a `case` on the machine's architecture does not take on linux/amd64: official
 * images dispatch on `dpkgArch="$(dpkg --print-architecture)"` (or apk's, uname -m,
 * BuildKit's TARGETARCH), and the arm for other architectures (postgres builds from source
 * there) never runs on amd64. Any other `case` keeps every arm.
 */
function armsNotTaken(
  word: string,
  items: { patterns: string[]; start: number; end: number }[],
): { start: number; end: number }[] {
  const isArch =
    /^"?\$(\{(dpkgArch|apkArch|rpmArch|arch|ARCH|TARGETARCH|TARGETPLATFORM|BUILDARCH)(##\*-)?\}|(dpkgArch|apkArch|rpmArch|arch|ARCH|TARGETARCH|TARGETPLATFORM|BUILDARCH))"?$/.test(
      word,
    ) || /\$\((dpkg --print-architecture|apk --print-arch|uname -m|arch)\)/.test(word);
  if (!isArch) return [];
  const matches = (pattern: string) => {
    const text = pattern.replace(/^['"]|['"]$/g, '');
    if (/[$`\\[]/.test(text)) return undefined;
    const re = new RegExp(
      `^${text
        .replace(/[.+^(){}|]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    return AMD64_NAMES.some((n) => re.test(n));
  };
  let taken = -1;
  for (let i = 0; i < items.length && taken < 0; i++) {
    const results = items[i].patterns.map(matches);
    // A pattern the model cannot read: keep every arm rather than guess.
    if (results.includes(undefined)) return [];
    if (results.includes(true)) taken = i;
  }
  return items.filter((_, i) => i !== taken).map(({ start, end }) => ({ start, end }));
}

/** Sorts the commands and gives them their redirections, pipeline ids and failure outcomes. */
function finish(
  commands: ParsedCommand[],
  redirsByCmd: Map<number, ParsedRedirect[]>,
  pipeRoots: { start: number; end: number; id: number }[],
  branches: { start: number; end: number }[],
  lists: TopList[],
  skipped: { start: number; end: number }[] = [],
): ParsedScript {
  let nextPipeline = 0;
  if (skipped.length > 0) {
    const kept = commands.filter(
      (cmd) => !skipped.some((r) => r.start <= cmd.start && cmd.end <= r.end),
    );
    commands.length = 0;
    commands.push(...kept);
  }
  commands.sort((a, b) => a.start - b.start);
  for (const cmd of commands) {
    cmd.redirects = redirsByCmd.get(cmd.start) ?? [];
    if (branches.some((b) => b.start <= cmd.start && cmd.end <= b.end)) cmd.conditional = true;
    const root = pipeRoots.find((p) => p.start <= cmd.start && cmd.end <= p.end);
    if (root) {
      if (root.id < 0) root.id = nextPipeline++;
      cmd.pipeline = root.id;
    } else {
      cmd.pipeline = nextPipeline++;
    }
  }
  const positions = new Map<number, number>();
  for (const cmd of commands) {
    const n = positions.get(cmd.pipeline) ?? 0;
    cmd.pipelinePosition = n;
    positions.set(cmd.pipeline, n + 1);
  }
  failureOutcomes(commands, lists);
  return { commands };
}

/** One pipeline of a top-level and-or list (`a && b || c`). */
interface ListItem {
  start: number;
  /** The operator before it; undefined for the first. */
  op?: 'and' | 'or';
  /** Start of the simple command whose exit status is the pipeline's (its last command); undefined when none is (negated, in the background, a compound command). */
  status?: number;
}

/** A top-level statement of the script, as the list of its pipelines. */
interface TopList {
  start: number;
  items: ListItem[];
}

/** The accessors `topLists` needs, over the raw Go tree or mvdan-sh's wrappers. */
interface TreeView<N> {
  type(n: N): string;
  child(n: N, field: string): N | undefined;
  children(n: N, field: string): N[];
  field(n: N, name: string): unknown;
  start(n: N): number;
}

/** The top-level statements of `roots` (a File node, or the statements of one script). */
function topLists<N>(roots: N[], view: TreeView<N>): TopList[] {
  const stmts =
    roots.length === 1 && view.type(roots[0]) === 'File' ? view.children(roots[0], 'Stmts') : roots;
  const isFlat = (s: N) =>
    view.field(s, 'Negated') !== true &&
    view.field(s, 'Background') !== true &&
    view.field(s, 'Coprocess') !== true;
  const statusOf = (s: N): number | undefined => {
    if (!isFlat(s)) return undefined;
    const cmd = view.child(s, 'Cmd');
    if (!cmd) return undefined;
    const type = view.type(cmd);
    if (type === 'CallExpr' || type === 'DeclClause') return view.start(cmd);
    const op = view.field(cmd, 'Op');
    if (type === 'BinaryCmd' && (op === BIN_PIPE || op === BIN_PIPE_ALL)) {
      const y = view.child(cmd, 'Y');
      return y ? statusOf(y) : undefined;
    }
    return undefined;
  };
  const flatten = (s: N, op: ListItem['op'], items: ListItem[]): void => {
    const cmd = view.child(s, 'Cmd');
    const bop = cmd && view.type(cmd) === 'BinaryCmd' ? view.field(cmd, 'Op') : undefined;
    const x = cmd && view.child(cmd, 'X');
    const y = cmd && view.child(cmd, 'Y');
    if ((bop === BIN_AND || bop === BIN_OR) && isFlat(s) && x && y) {
      flatten(x, op, items);
      flatten(y, bop === BIN_AND ? 'and' : 'or', items);
      return;
    }
    items.push({ start: view.start(s), op, status: statusOf(s) });
  };
  return stmts.map((s) => {
    const items: ListItem[] = [];
    flatten(s, undefined, items);
    return { start: view.start(s), items };
  });
}

/** The literal text of a word, or undefined when it holds an expansion. */
function literalOf(word: Word | undefined): string | undefined {
  if (!word || !word.every((p) => p.kind === 'lit')) return undefined;
  return word.map((p) => p.value).join('');
}

/**
 * errexit after `set ARGS` (`-e`, `-eux`, `-euo pipefail`, `-o errexit`, `+e`, `+o errexit`), or
 * undefined when an argument is not a literal.
 */
function errexitAfter(args: Word[], before: boolean): boolean | undefined {
  let on = before;
  for (let i = 0; i < args.length; i++) {
    const a = literalOf(args[i]);
    if (a === undefined) return undefined;
    if (a === '--' || a === '-') break;
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      if (a.slice(1).includes('e')) on = a[0] === '-';
      if (a.slice(1).includes('o')) {
        const name = literalOf(args[i + 1]);
        if (name === undefined) return undefined;
        if (name === 'errexit') on = a[0] === '-';
        i++;
      }
    } else break;
  }
  return on;
}

/**
 * Sets `onFailure` on the commands whose exit status is a top-level pipeline's, by the POSIX
 * rules for `sh -c`: a failed pipeline skips the `&&` pipelines after it up to the next `||`,
 * where the script goes on; with no `||` after it the statement fails, and the script exits with
 * that status when the statement is the last, or, under `set -e`, when the pipeline is the
 * statement's last (errexit ignores every pipeline of an and-or list but the last, so
 * `set -e; false && true; echo` goes on). A pipeline after a `||` is not sure to run: none.
 * A `set` anywhere else (inside an `if`, a function) or a `trap` leaves errexit or the exit status
 * open: then only the last statement's status counts, and after a trap nothing.
 */
function failureOutcomes(commands: ParsedCommand[], lists: TopList[]): void {
  if (!lists.length) return;
  const byStart = new Map<number, ParsedCommand>();
  for (const c of commands) if (!byStart.has(c.start)) byStart.set(c.start, c);
  const statuses = new Set<number>();
  for (const l of lists)
    for (const it of l.items) if (it.status !== undefined) statuses.add(it.status);
  const nameOf = (c: ParsedCommand) => literalOf(c.words[0]);
  // errexit is known only when every `set` is a top-level pipeline of its own.
  let errexit: boolean | undefined = commands.some(
    (c) => nameOf(c) === 'set' && !statuses.has(c.start),
  )
    ? undefined
    : false;
  let trapped = false;
  lists.forEach((list, k) => {
    const isLast = k === lists.length - 1;
    let orBefore = false;
    list.items.forEach((item, i) => {
      if (item.op === 'or') orBefore = true;
      const cmd = item.status === undefined ? undefined : byStart.get(item.status);
      if (!cmd || orBefore) return;
      const nextOr = list.items.findIndex((it, j) => j > i && it.op === 'or');
      if (nextOr >= 0) cmd.onFailure = list.items[nextOr].start;
      else if (!trapped && (isLast || (errexit === true && i === list.items.length - 1)))
        cmd.onFailure = 'exits';
      else if (!isLast && (errexit === false || i < list.items.length - 1))
        cmd.onFailure = lists[k + 1].start;
      const name = nameOf(cmd);
      if (name === 'trap') trapped = true;
      if (name === 'set' && errexit !== undefined)
        errexit = errexitAfter(cmd.words.slice(1), errexit);
    });
  });
}

/**
 * Parses without the memo, with or without skipping the walk below plain commands, reading the
 * tree directly or through mvdan-sh's Walk (for the tests).
 */
export function parseForTest(
  script: string,
  prune: boolean,
  via: 'raw' | 'walk' = 'raw',
): ParsedScript {
  return parseUncached(script, prune, via);
}

/**
 * A node (or other struct, such as an `Expansion`) of mvdan-sh's syntax tree as GopherJS keeps it (`wrapper.__internal_object__`): Go
 * struct fields as properties, slices as `{ $array, $offset, $length }`, strings as UTF-8 byte
 * strings, positions as byte offsets, nil pointers as the type's `nil` object.
 */
interface RawNode {
  [field: string]: unknown;
  constructor: { string?: string; nil?: unknown };
  Pos(): { Offset(): number };
  End(): { Offset(): number };
}
interface RawSlice {
  $array: unknown[];
  $offset: number;
  $length: number;
}

function isRawNode(v: unknown): v is RawNode {
  if (v === null || typeof v !== 'object') return false;
  const c = (v as { constructor?: { string?: unknown; nil?: unknown } }).constructor;
  const t = c?.string;
  return typeof t === 'string' && t.startsWith('*syntax.') && t !== '*syntax.Pos' && c!.nil !== v;
}

function isRawSlice(v: unknown): v is RawSlice {
  return v !== null && typeof v === 'object' && Array.isArray((v as RawSlice).$array);
}

/** The nodes of a raw slice, in order. */
function rawItems(v: unknown): RawNode[] {
  const out: RawNode[] = [];
  if (!isRawSlice(v)) return out;
  for (let i = 0; i < v.$length; i++) {
    const item = v.$array[v.$offset + i];
    if (isRawNode(item)) out.push(item);
  }
  return out;
}

const rawType = (n: RawNode) => (n.constructor.string as string).slice(8);

/** A Go (UTF-8 byte) string as a JavaScript string. */
function decodeUtf8(bytes: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII is every code unit below 0x80
  if (/^[\x00-\x7f]*$/.test(bytes)) return bytes;
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes.charCodeAt(i);
    const n = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
    let cp = n === 0 ? b : b & (0x3f >> n);
    let ok = n > 0 || b < 0x80;
    for (let k = 1; k <= n; k++) {
      const c = bytes.charCodeAt(i + k);
      if ((c & 0xc0) !== 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3f);
    }
    out += ok ? String.fromCodePoint(cp) : '\ufffd';
    i += ok ? n + 1 : 1;
  }
  return out;
}

/**
 * Maps the parser's byte offsets to offsets in `script` (they differ once a character is not
 * ASCII). A lone surrogate counts as three bytes, as U+FFFD in UTF-8.
 */
function byteToChar(script: string): (byteOffset: number) => number {
  // eslint-disable-next-line no-control-regex -- ASCII is every code unit below 0x80
  if (/^[\x00-\x7f]*$/.test(script)) return (b) => b;
  const map: number[] = [];
  for (let i = 0; i < script.length;) {
    const cp = script.codePointAt(i) as number;
    const units = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) map.push(i);
    i += units;
  }
  map.push(script.length);
  return (b) => map[Math.max(0, Math.min(b, map.length - 1))];
}

/**
 * The commands of a parsed file, read from the Go tree itself (GopherJS's objects) without a
 * JavaScript wrapper per node: the same result as `readByWalk`, hundreds of times faster
 * (shell.test.ts compares both). `roots` are the file node, or the statements of one script of
 * a batch (`charAt` then maps the batch's byte offsets to offsets in `script`). The walk keeps
 * its own stack: no recursion, so no depth at which it overflows.
 */
function readRaw(
  roots: RawNode[],
  script: string,
  prune: boolean,
  charAt: (byteOffset: number) => number = byteToChar(script),
): ParsedScript {
  const start = (n: RawNode) => charAt(n.Pos().Offset());
  const end = (n: RawNode) => charAt(n.End().Offset());
  const slice = (n: RawNode) => script.slice(start(n), end(n));
  const lit = (n: unknown) => (isRawNode(n) ? decodeUtf8(String(n.Value)) : undefined);

  const toRawWord = (word: RawNode): Word => {
    const out: Word = [];
    for (const part of rawItems(word.Parts)) appendRawPart(out, part, false);
    return out;
  };
  const appendRawPart = (out: Word, part: RawNode, quoted: boolean): void => {
    const type = rawType(part);
    if (type === 'Lit')
      out.push({ kind: 'lit', value: unescapeLit(decodeUtf8(String(part.Value))) });
    else if (type === 'SglQuoted') out.push({ kind: 'lit', value: decodeUtf8(String(part.Value)) });
    else if (type === 'DblQuoted') {
      for (const inner of rawItems(part.Parts)) appendRawPart(out, inner, true);
    } else if (type === 'ParamExp') {
      const param = isRawNode(part.Param) ? part.Param : undefined;
      const exp = isRawNode(part.Exp) ? part.Exp : undefined;
      const complex =
        isRawNode(part.Index) ||
        isRawNode(part.Slice) ||
        isRawNode(part.Repl) ||
        part.Length === true ||
        part.Excl === true ||
        part.Width === true;
      const op = exp ? PARAM_OPS[exp.Op as number] : undefined;
      if (!param || complex || (exp && !op)) {
        out.push({ kind: 'raw', value: slice(part) });
        return;
      }
      out.push({
        kind: 'param',
        name: decodeUtf8(String(param.Value)),
        op,
        word: exp && isRawNode(exp.Word) ? toRawWord(exp.Word) : undefined,
        text: slice(part),
        ...(quoted ? { quoted } : {}),
      });
    } else out.push({ kind: 'raw', value: slice(part) });
  };

  const commands: ParsedCommand[] = [];
  const redirsByCmd = new Map<number, ParsedRedirect[]>();
  const pipeRoots: { start: number; end: number; id: number }[] = [];
  const branches: { start: number; end: number }[] = [];
  const skipped: { start: number; end: number }[] = [];
  const stack: RawNode[] = [...roots].reverse();
  const pushChildren = (node: RawNode) => {
    const children: RawNode[] = [];
    for (const key of Object.keys(node)) {
      if (key === '$val') continue;
      const v = node[key];
      if (isRawNode(v)) children.push(v);
      else if (isRawSlice(v)) children.push(...rawItems(v));
    }
    // Pre-order, left to right, as syntax.Walk visits.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  };
  while (stack.length) {
    const node = stack.pop() as RawNode;
    const type = rawType(node);
    if (type === 'Lit' || type === 'Comment') continue;
    if (type === 'Stmt') {
      const redirs = rawItems(node.Redirs);
      const cmd = isRawNode(node.Cmd) ? node.Cmd : undefined;
      if (cmd && redirs.length > 0) {
        redirsByCmd.set(
          start(cmd),
          redirs.map((r) => ({
            op: REDIRECT_OPS[r.Op as number] ?? '?',
            target: isRawNode(r.Word) ? toRawWord(r.Word) : [],
            heredoc: isRawNode(r.Hdoc) ? slice(r.Hdoc) : undefined,
          })),
        );
      }
    } else if (type === 'BinaryCmd') {
      const op = node.Op as number;
      if (op === BIN_PIPE || op === BIN_PIPE_ALL) {
        const s = start(node);
        const e = end(node);
        if (!pipeRoots.some((p) => p.start <= s && e <= p.end))
          pipeRoots.push({ start: s, end: e, id: -1 });
      } else if (op === BIN_OR && isRawNode(node.Y)) {
        branches.push({ start: start(node.Y), end: end(node.Y) });
      }
    } else if (type === 'IfClause') {
      branches.push({ start: start(node), end: end(node) });
    } else if (type === 'CaseClause' && isRawNode(node.Word)) {
      const items = rawItems(node.Items).map((item) => ({
        patterns: rawItems(item.Patterns).map(slice),
        start: start(item),
        end: end(item),
      }));
      skipped.push(...armsNotTaken(slice(node.Word), items));
    } else if (type === 'CallExpr' || type === 'DeclClause') {
      const s = start(node);
      const e = end(node);
      const isDecl = type === 'DeclClause';
      const words: Word[] = [];
      const wordSpans: [number, number][] = [];
      const assigns: { name: string; value: Word }[] = [];
      const assignOf = (a: RawNode) => ({
        name: lit(a.Name) as string,
        value: isRawNode(a.Value) ? toRawWord(a.Value) : [],
      });
      if (isDecl) {
        const variant = isRawNode(node.Variant) ? node.Variant : undefined;
        words.push([{ kind: 'lit', value: variant ? (lit(variant) as string) : 'declare' }]);
        wordSpans.push(variant ? [start(variant), end(variant)] : [s, s]);
        for (const a of rawItems(node.Args)) {
          if (isRawNode(a.Name)) assigns.push(assignOf(a));
          else if (isRawNode(a.Value)) {
            words.push(toRawWord(a.Value));
            wordSpans.push([start(a.Value), end(a.Value)]);
          }
        }
      } else {
        for (const a of rawItems(node.Args)) {
          words.push(toRawWord(a));
          wordSpans.push([start(a), end(a)]);
        }
        for (const a of rawItems(node.Assigns)) if (isRawNode(a.Name)) assigns.push(assignOf(a));
      }
      commands.push({
        words,
        assigns,
        isDecl,
        pipeline: -1,
        pipelinePosition: 0,
        redirects: [],
        start: s,
        end: e,
        wordSpans,
      });
      if (isDecl || (prune && !mayNest(script, s, e))) continue;
    }
    pushChildren(node);
  }
  const view: TreeView<RawNode> = {
    type: rawType,
    child: (n, f) => (isRawNode(n[f]) ? (n[f] as RawNode) : undefined),
    children: (n, f) => rawItems(n[f]),
    field: (n, f) => n[f],
    start,
  };
  return finish(commands, redirsByCmd, pipeRoots, branches, topLists(roots, view), skipped);
}

/** True when script[start, end) could hold `$(…)`, backquotes or `<(…)`/`>(…)`. */
function mayNest(script: string, start: number, end: number): boolean {
  const text = script.slice(start, end);
  return text.includes('$(') || text.includes('`') || text.includes('<(') || text.includes('>(');
}

function errorMessage(err: unknown): string {
  if (
    err &&
    typeof err === 'object' &&
    'Error' in err &&
    typeof (err as { Error: unknown }).Error === 'function'
  ) {
    return String((err as { Error: () => string }).Error());
  }
  return err instanceof Error ? err.message : String(err);
}

function sliceOf(node: ShNode, script: string): string {
  return script.slice(node.Pos().Offset(), node.End().Offset());
}

function toWord(word: ShNode, script: string): Word {
  const parts = (word.Parts as ShNode[]) ?? [];
  const out: Word = [];
  for (const part of parts) appendPart(out, part, script);
  return out;
}

function appendPart(out: Word, part: ShNode, script: string, quoted = false): void {
  const type = nodeType(part);
  if (type === 'Lit') {
    out.push({ kind: 'lit', value: unescapeLit(String(part.Value)) });
  } else if (type === 'SglQuoted') {
    out.push({ kind: 'lit', value: String(part.Value) });
  } else if (type === 'DblQuoted') {
    for (const inner of (part.Parts as ShNode[]) ?? []) appendPart(out, inner, script, true);
  } else if (type === 'ParamExp') {
    const param = part.Param as ShNode | null;
    const exp = part.Exp as ShNode | null;
    const complex = part.Index || part.Slice || part.Repl || part.Length || part.Excl || part.Width;
    const op = exp ? PARAM_OPS[exp.Op as number] : undefined;
    if (!param || complex || (exp && !op)) {
      out.push({ kind: 'raw', value: sliceOf(part, script) });
      return;
    }
    out.push({
      kind: 'param',
      name: String(param.Value),
      op,
      word: exp && exp.Word ? toWord(exp.Word as ShNode, script) : undefined,
      text: sliceOf(part, script),
      ...(quoted ? { quoted } : {}),
    });
  } else {
    out.push({ kind: 'raw', value: sliceOf(part, script) });
  }
}

function unescapeLit(value: string): string {
  return value.includes('\\') ? value.replace(/\\(.)/g, '$1') : value;
}

/**
 * Expands a word with `env`. Unset variables keep their source text (`$HOME`, `${VERSION}`),
 * so callers can tell what was not resolvable; command substitutions stay as written.
 */
export function expandWord(word: Word, env: Record<string, string>): string {
  if (word.length === 1 && word[0].kind === 'lit') return word[0].value;
  let s = '';
  for (const part of word) s += part.kind === 'param' ? expandParam(part, env) : part.value;
  return s;
}

type ParamPart = Extract<WordPart, { kind: 'param' }>;

function expandParam(part: ParamPart, env: Record<string, string>): string {
  const value = Object.prototype.hasOwnProperty.call(env, part.name) ? env[part.name] : undefined;
  const alt = part.word ? expandWord(part.word, env) : '';
  switch (part.op) {
    case ':-':
    case ':=':
      return value ? value : alt;
    case '-':
    case '=':
      return value !== undefined ? value : alt;
    case ':+':
      return value ? alt : '';
    case '+':
      return value !== undefined ? alt : '';
    default:
      return value !== undefined ? value : part.text;
  }
}

/**
 * Expands a word into the fields the shell passes to a command: like `expandWord`, but the value
 * of an unquoted `$VAR` / `${VAR:-a b}` is split on spaces, tabs and newlines (the default IFS), so
 * `apt-get install $BUILD_DEPS` sees one argument per package. An unquoted variable that is empty
 * yields no field; an unresolved one stays as written, unsplit.
 */
export function expandFields(word: Word, env: Record<string, string>): string[] {
  if (!word.some((p) => p.kind === 'param' && !p.quoted)) return [expandWord(word, env)];
  const fields: string[] = [];
  let cur = '';
  let has = false;
  for (const part of word) {
    if (part.kind !== 'param' || part.quoted) {
      cur += part.kind === 'param' ? expandParam(part, env) : part.value;
      has = true;
      continue;
    }
    const v = expandParam(part, env);
    // Unresolved, or a command substitution kept as written: one field, as the text stands.
    if ((v === part.text && part.op === undefined) || v.includes('$(') || v.includes('`')) {
      cur += v;
      has = true;
      continue;
    }
    const pieces = v.split(/[ \t\n]+/);
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0 && has) {
        fields.push(cur);
        cur = '';
        has = false;
      }
      if (pieces[i] !== '') {
        cur += pieces[i];
        has = true;
      }
    }
  }
  if (has) fields.push(cur);
  return fields;
}

/** True when the expanded word still contains an unresolved `$` expansion. */
export function isUnresolved(word: Word, env: Record<string, string>): boolean {
  return word.some(
    (p) =>
      p.kind === 'raw' ||
      (p.kind === 'param' &&
        !Object.prototype.hasOwnProperty.call(env, p.name) &&
        p.op === undefined),
  );
}
