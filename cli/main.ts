/**
 * layerlab CLI: `npm run analyze -- [options] <Dockerfile>...` (or `npx layerlab …`).
 * Exit codes: 0 fine, 1 an estimate is over --max-size, 2 usage or input error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyze } from '../lib/analyzer/index';
// The official-image tag index (other tags of measured builds, Windows-only tags), installed once.
import '../lib/sizes/base-index-static';
import type { Report } from '../lib/analyzer/types';
import ignore from '@balena/dockerignore';
import { ContextError, readContext } from './read-context';
import { formatHuman, toJson } from './format';

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

Exit codes: 0 ok, 1 an estimate is over --max-size, 2 bad option or unreadable input.`;

export interface CliOptions {
  files: string[];
  context?: string;
  target?: string;
  maxSizeBytes?: number;
  json: boolean;
  help: boolean;
}

export class UsageError extends Error {}

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  k: 1e3,
  mb: 1e6,
  m: 1e6,
  gb: 1e9,
  g: 1e9,
  kib: 1024,
  mib: 1048576,
  gib: 1073741824,
};

/** Parses `200MB`, `1.5GB`, `800kB`, `123456` (bytes). Undefined when not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (!m) return undefined;
  const unit = m[2].toLowerCase() || 'b';
  if (!(unit in UNITS)) return undefined;
  return Math.round(Number(m[1]) * UNITS[unit]);
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { files: [], json: false, help: false };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const take = () => (inline !== undefined ? inline : value(i++, name));
    if (name === '--help' || name === '-h') opts.help = true;
    else if (name === '--json') opts.json = true;
    else if (name === '--context') opts.context = take();
    else if (name === '--target') opts.target = take();
    else if (name === '--max-size') {
      const raw = take();
      const bytes = parseSize(raw);
      if (bytes === undefined)
        throw new UsageError(`--max-size: "${raw}" is not a size (try 200MB)`);
      opts.maxSizeBytes = bytes;
    } else if (a === '--') {
      opts.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else opts.files.push(a);
  }
  if (!opts.help && opts.files.length === 0) throw new UsageError('no Dockerfile given');
  return opts;
}

export class InputError extends Error {}

/** Reads a Dockerfile as text; InputError when missing, a folder, or binary. */
export function readDockerfile(path: string): string {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    throw new InputError(
      `${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  if (st.isDirectory())
    throw new InputError(
      `${path}: is a folder, not a Dockerfile (give the file, e.g. ${path.replace(/\/$/, '')}/Dockerfile)`,
    );
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    throw new InputError(
      `${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
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

/** Analyses one Dockerfile with its context. Throws InputError/ContextError on unreadable input. */
export function analyzeFile(
  file: string,
  opts: Pick<CliOptions, 'context' | 'target'>,
): FileResult {
  const dockerfile = readDockerfile(file);
  const contextDir = resolve(opts.context ?? dirname(file));
  if (!existsSync(contextDir) || !statSync(contextDir).isDirectory())
    throw new ContextError(`${contextDir}: the build context is not a folder`);
  // BuildKit reads <Dockerfile>.dockerignore before the context's .dockerignore.
  const ignoreFile = [`${file}.dockerignore`, resolve(contextDir, '.dockerignore')].find((p) =>
    existsSync(p),
  );
  let dockerignore: string | undefined;
  if (ignoreFile) {
    try {
      dockerignore = readFileSync(ignoreFile, 'utf8');
    } catch (err) {
      throw new InputError(
        `${ignoreFile}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      );
    }
  }
  const unreadable: string[] = [];
  const { context, warnings } = readContext(contextDir, unreadable);
  if (unreadable.length) {
    const matcher = ignore({ ignorecase: false }).add(dockerignore ?? '');
    const sent = unreadable.filter((p) => !matcher.ignores(p));
    if (sent.length)
      throw new ContextError(
        `cannot read ${sent.slice(0, 3).join(', ')}${sent.length > 3 ? ` and ${sent.length - 3} more` : ''} in the build context ${contextDir} (Docker would fail too; exclude them in .dockerignore)`,
      );
  }
  const report = analyze({
    dockerfile,
    dockerignore,
    context,
    ...(opts.target ? { target: opts.target } : {}),
  });
  return { file, report, warnings };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The whole CLI as a function (tests call it; bin and npm run call main()). */
export function run(argv: string[]): RunResult {
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
  for (const file of opts.files) {
    try {
      results.push(analyzeFile(file, opts));
    } catch (err) {
      if (err instanceof InputError || err instanceof ContextError) {
        stderr += `layerlab: ${err.message}\n`;
        code = 2;
        continue;
      }
      throw err;
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
      stderr += `layerlab: ${r.file}: estimated ${(r.report.size.bytes / 1e6).toFixed(1)} MB is over --max-size ${((opts.maxSizeBytes as number) / 1e6).toFixed(1)} MB\n`;
  }
  return { code, stdout, stderr };
}

function main(): void {
  const result = run(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

const invokedDirectly = (() => {
  const entry = process.argv[1] ?? '';
  return /cli[\\/]main\.(ts|js|mjs)$/.test(entry);
})();
if (invokedDirectly) main();
