/**
 * layerlab CLI: `npm run analyze -- [options] <Dockerfile>...` (or `npx layerlab …`).
 * Exit codes: 0 fine, 1 an estimate is over --max-size, 2 usage or input error.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs as parseArgv } from 'node:util';
import { analyze, createAnalyzerCache, type AnalyzerCache } from '../lib/analyzer/index';
import { compileDockerignore } from '../lib/analyzer/dockerignore';
// The official-image tag index (other tags of measured builds, Windows-only tags): bundled.
import { staticBaseIndex } from '../lib/sizes/base-index-static';
// Which apt package names exist per release (package-not-in-release): fine to load in a CLI.
import { ALL_APT_NAMES } from '../lib/analyzer/apt-names-all';
import type { Report } from '../lib/analyzer/types';
import { ContextError, readContext } from './read-context';
import { formatHuman, printable, toJson } from './format';
import { formatBytes } from '../lib/format';
import { LIMITS } from '../lib/limits';

export const HELP = `Usage: layerlab [options] <Dockerfile>...

Estimates the size of the image each Dockerfile builds (uncompressed, as \`docker images\`
shows it), lists its layers and the findings that would make it smaller, and scores it.

Options:
  --context DIR     build context (default: each Dockerfile's folder, like
                    \`docker build -f DIR/Dockerfile DIR\`); its .dockerignore applies
  --target STAGE    build this stage, like \`docker build --target\`
  --max-size SIZE   exit 1 when an estimate is over SIZE (e.g. 200MB, 1.5GB, 800kB;
                    decimal units as \`docker images\` uses; a bare number is bytes)
  --json            print a JSON array, one report per file in argument order
  -h, --help        show this help

JSON fields: file, sizeBytes, compressedSizeBytes, confidence, baseImage {ref, sizeBytes,
known}, layers [{line, instruction, sizeBytes, wastedBytes}] (shipped layers above the base),
findings [{rule, technique, severity, line, message, savingsBytes}], score, unknowns [...].
Lines are 1-based, as editors show them.

Exit codes: 0 ok, 1 an estimate is over --max-size, 2 bad option, unreadable input (only
regular files are read), a --target that names no stage, or any other error.`;

export interface CliOptions {
  files: string[];
  context?: string;
  target?: string;
  maxSizeBytes?: number;
  json: boolean;
  help: boolean;
}

export class UsageError extends Error {}

const UNITS = new Map<string, number>([
  ['b', 1],
  ['kb', 1e3],
  ['k', 1e3],
  ['mb', 1e6],
  ['m', 1e6],
  ['gb', 1e9],
  ['g', 1e9],
  ['kib', 1024],
  ['mib', 1048576],
  ['gib', 1073741824],
]);

/**
 * Parses `200MB`, `1.5GB`, `800kB`, `123456` (bytes). Undefined when not a size: an unknown
 * unit (`5constructor`), a sign, `NaN`, or a figure too large to be finite.
 */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) return undefined;
  const unit = UNITS.get(m[2].toLowerCase() || 'b');
  if (unit === undefined) return undefined;
  const bytes = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  context: { type: 'string' },
  target: { type: 'string' },
  'max-size': { type: 'string' },
} as const;

/**
 * Reads the command line with `node:util` `parseArgs`. Not strict, so the messages stay ours:
 * an unknown option names the argument as typed, and a value that is missing or is itself an
 * option (`--target --json`) is refused; `--opt=value` and `--` work as usual.
 */
export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { files: [], json: false, help: false };
  const { tokens } = parseArgv({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional') {
      opts.files.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const take = (): string => {
      const v = token.value;
      if (v === undefined || (!token.inlineValue && v.startsWith('--')))
        throw new UsageError(`--${token.name} needs a value`);
      return v;
    };
    if (token.name === 'help') opts.help = true;
    else if (token.name === 'json') opts.json = true;
    else if (token.name === 'context') opts.context = take();
    else if (token.name === 'target') opts.target = take();
    else if (token.name === 'max-size') {
      const raw = take();
      const bytes = parseSize(raw);
      if (bytes === undefined)
        throw new UsageError(`--max-size: "${raw}" is not a size (try 200MB)`);
      opts.maxSizeBytes = bytes;
    } else throw new UsageError(`unknown option ${argv[token.index]}`);
  }
  if (!opts.help && opts.files.length === 0) throw new UsageError('no Dockerfile given');
  return opts;
}

export class InputError extends Error {}

/** Dockerfiles and .dockerignore files above this size are refused (real ones are a few kB). */
export const MAX_INPUT_BYTES = LIMITS.cliInputBytes;

const errCode = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);

/** What a non-regular file is, for the message. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a regular file of at most MAX_INPUT_BYTES. InputError when missing, a folder, a FIFO,
 * device or socket (refused before reading, so `/dev/zero` or a pipe cannot block or fill
 * memory), too large, or unreadable. Opened non-blocking and checked again on the open file, so
 * a path swapped for a pipe after the check cannot block either.
 */
export function readRegularFile(path: string): Buffer {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    if (errCode(err) === 'ENOENT') throw new InputError(`${path}: no such file`);
    throw new InputError(`${path}: cannot read (${errCode(err)})`);
  }
  if (st.isDirectory())
    throw new InputError(
      `${path}: is a folder, not a Dockerfile (give the file, e.g. ${path.replace(/\/$/, '')}/Dockerfile)`,
    );
  if (!st.isFile()) throw new InputError(`${path}: is ${kindOf(st)}; only regular files are read`);
  const tooLarge = (bytes: number) =>
    new InputError(
      `${path}: too large (${formatBytes(bytes)}; at most ${formatBytes(MAX_INPUT_BYTES)} is read)`,
    );
  if (st.size > MAX_INPUT_BYTES) throw tooLarge(st.size);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new InputError(`${path}: cannot read (${errCode(err)})`);
  }
  try {
    const open = fstatSync(fd);
    if (!open.isFile())
      throw new InputError(`${path}: is ${kindOf(open)}; only regular files are read`);
    if (open.size > MAX_INPUT_BYTES) throw tooLarge(open.size);
    // One byte more than allowed tells a file that grew since the stat from one that did not.
    const buf = Buffer.alloc(Math.min(open.size, MAX_INPUT_BYTES) + 1);
    let read = 0;
    for (let n; read < buf.length && (n = readSync(fd, buf, read, buf.length - read, null)) > 0;)
      read += n;
    if (read > MAX_INPUT_BYTES) throw tooLarge(read);
    return buf.subarray(0, read);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: cannot read (${errCode(err)})`);
  } finally {
    closeSync(fd);
  }
}

/** Reads a Dockerfile as text; InputError when not a readable regular text file (see above). */
export function readDockerfile(path: string): string {
  const buf = readRegularFile(path);
  if (isBinary(buf)) throw new InputError(`${path}: looks like a binary file, not a Dockerfile`);
  return buf.toString('utf8');
}

/** A NUL byte, or many bytes that are neither text nor UTF-8, in the first 8 KB. */
export function isBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return true;
  const text = head.toString('utf8');
  let bad = 0;
  for (const ch of text) if (ch === '\uFFFD') bad++;
  return head.length > 0 && bad / head.length > 0.05;
}

export interface FileResult {
  file: string;
  report: Report;
  warnings: string[];
}

/** The analyzer memory of one CLI run, with every apt release's name filter and the tag index. */
export function cliCache(): AnalyzerCache {
  return createAnalyzerCache({ aptNames: ALL_APT_NAMES, baseIndex: staticBaseIndex() });
}

/**
 * Analyses one Dockerfile with its context (in `cache`: one per run). Throws
 * InputError/ContextError on unreadable input.
 */
export function analyzeFile(
  file: string,
  opts: Pick<CliOptions, 'context' | 'target'>,
  cache: AnalyzerCache = cliCache(),
): FileResult {
  const dockerfile = readDockerfile(file);
  const contextDir = resolve(opts.context ?? dirname(file));
  if (!existsSync(contextDir) || !statSync(contextDir).isDirectory())
    throw new ContextError(`${contextDir}: the build context is not a folder`);
  // BuildKit reads <Dockerfile>.dockerignore before the context's .dockerignore.
  const ignoreFile = [`${file}.dockerignore`, resolve(contextDir, '.dockerignore')].find((p) =>
    existsSync(p),
  );
  const dockerignore = ignoreFile ? readRegularFile(ignoreFile).toString('utf8') : undefined;
  const unreadable: string[] = [];
  const { context, warnings } = readContext(contextDir, unreadable);
  if (unreadable.length) {
    // The analyzer's own matcher: Docker's semantics in bounded time (an invalid line is skipped).
    const matcher = compileDockerignore(dockerignore ?? '');
    const sent = unreadable.filter((p) => !matcher.ignores(p));
    if (sent.length)
      throw new ContextError(
        `cannot read ${sent.slice(0, 3).join(', ')}${sent.length > 3 ? ` and ${sent.length - 3} more` : ''} in the build context ${contextDir} (Docker would fail too; exclude them in .dockerignore)`,
      );
  }
  const report = analyze(
    {
      dockerfile,
      dockerignore,
      context,
      ...(opts.target ? { target: opts.target } : {}),
    },
    { cache },
  );
  if (opts.target && !namesStage(report, opts.target)) {
    const names = report.stages.map((s) => s.name ?? String(s.index));
    throw new InputError(
      `${file}: --target ${opts.target}: no stage of that name (docker build would fail); stages: ${names.join(', ')}`,
    );
  }
  return { file, report, warnings };
}

/** True when `target` names a stage of the report, as the analyzer matches it (name or index). */
function namesStage(report: Report, target: string): boolean {
  const t = target.toLowerCase();
  return report.stages.some(
    (s) => s.name?.toLowerCase() === t || (/^\d+$/.test(t) && Number(t) === s.index),
  );
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The whole CLI as a function (tests call it; bin and npm run call main()). Never throws: an
 * unexpected error becomes one line on stderr and exit 2 (exit 1 means "over --max-size" only).
 */
export function run(argv: string[]): RunResult {
  try {
    const r = runUnchecked(argv);
    return { ...r, stderr: r.stderr.split('\n').map(printable).join('\n') };
  } catch (err) {
    return { code: 2, stdout: '', stderr: `layerlab: ${printable(oneLine(err))}\n` };
  }
}

/** An error as one line of text. */
function oneLine(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return `unexpected error: ${text.split('\n')[0]}`;
}

function runUnchecked(argv: string[]): RunResult {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    return {
      code: 2,
      stdout: '',
      stderr: `layerlab: ${(err as Error).message}\nRun layerlab --help for usage.\n`,
    };
  }
  if (opts.help) return { code: 0, stdout: HELP + '\n', stderr: '' };
  const results: FileResult[] = [];
  let stderr = '';
  let code = 0;
  const cache = cliCache();
  for (const file of opts.files) {
    try {
      results.push(analyzeFile(file, opts, cache));
    } catch (err) {
      stderr +=
        err instanceof InputError || err instanceof ContextError
          ? `layerlab: ${err.message}\n`
          : `layerlab: ${file}: ${oneLine(err)}\n`;
      code = 2;
    }
  }
  for (const r of results) for (const w of r.warnings) stderr += `layerlab: ${r.file}: ${w}\n`;
  const over =
    opts.maxSizeBytes !== undefined
      ? results.filter((r) => r.report.size.bytes > (opts.maxSizeBytes as number))
      : [];
  let stdout: string;
  if (opts.json)
    stdout =
      JSON.stringify(
        results.map((r) => toJson(r.file, r.report)),
        null,
        2,
      ) + '\n';
  else stdout = results.map((r) => formatHuman(r.file, r.report, opts.maxSizeBytes)).join('\n');
  if (code === 0 && over.length) {
    code = 1;
    for (const r of over)
      stderr += `layerlab: ${r.file}: estimated ${overText(r.report.size.bytes, opts.maxSizeBytes as number)}\n`;
  }
  return { code, stdout, stderr };
}

/**
 * `12.3 MB is over --max-size 1 kB`, each size in a unit that shows it; in bytes when the two
 * would print the same at that precision.
 */
export function overText(bytes: number, maxBytes: number): string {
  const [a, b] =
    formatBytes(bytes) === formatBytes(maxBytes)
      ? [bytes, maxBytes].map(exactBytes)
      : [formatBytes(bytes), formatBytes(maxBytes)];
  return `${a} is over --max-size ${b}`;
}

const exactBytes = (n: number) => `${n.toLocaleString('en')} B`;

/** Runs the CLI on the process arguments and sets the exit code (the bin calls it). */
export function main(argv = process.argv.slice(2)): void {
  const result = run(argv);
  try {
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    process.exitCode = result.code;
  } catch (err) {
    process.stderr.write(`layerlab: ${printable(oneLine(err))}\n`);
    process.exitCode = 2;
  }
}

const invokedDirectly = /cli[\\/]main\.(ts|js|mjs)$/.test(process.argv[1] ?? '');
if (invokedDirectly) main();
