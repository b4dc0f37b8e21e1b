/**
 * Generated inputs for the analyzer's robustness checks (the unit suite's fuzz test and
 * `npm run fuzz`): the pathological families of issue 12 (half-typed commands, odd manifests,
 * `*`/`**` globs, 1,000 `&&`, deep `$( )`, long here-documents, CR/CRLF, grouped programs,
 * prototype names, binary junk), each kept under the workbench's live-analysis cap, and
 * `checkReport`, the invariants every report must hold.
 */
import fc from 'fast-check';
import type { AnalyzeInput, ContextFile, Range, Report } from './types';
import { LIMITS } from '../limits';

/** The workbench's live-analysis cap (lib/limits). */
export const { lines: LIVE_MAX_LINES, chars: LIVE_MAX_CHARS } = LIMITS.live;

const SEEDS = [
  'FROM python:3.12-slim\nWORKDIR /app\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
  'FROM node:22 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:22-slim\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n',
  'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
  'FROM alpine:3.20\nARG V=1\nENV PATH=/opt/bin:$PATH\nRUN apk add curl git && \\\n    rm -rf /var/cache/apk/*\nCOPY src/ /app/src/\nUSER 1000\n',
  'FROM ubuntu:24.04\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\nCOPY --chown=1000 . /srv\nHEALTHCHECK CMD curl -f http://localhost/\n',
];

const FILES: ContextFile[] = [
  { path: 'src/abcdefghijklmnopqrstuvwx.js', sizeBytes: 100 },
  { path: 'src/index.js', sizeBytes: 2_000 },
  { path: 'src/lib/a.py', sizeBytes: 300 },
  { path: 'app.py', sizeBytes: 1_000 },
  { path: 'requirements.txt', sizeBytes: 20, content: 'flask==3.0\nrequests\n' },
  { path: 'package-lock.json', sizeBytes: 20, content: '{"lockfileVersion":3}' },
  { path: '.git/HEAD', sizeBytes: 20 },
  { path: 'node_modules/x/index.js', sizeBytes: 5_000 },
  { path: 'cmd/app/main.go', sizeBytes: 800 },
];

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

/** Odd manifest contents: null, JSON of every shape, broken text. */
const manifestContent: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('null', '[]', '"x"', '4', 'true', '{', '{"dependencies":"x"}'),
  fc.constantFrom(
    '{"dependencies":{"express":4}}',
    '{"dependencies":{"__proto__":"1"},"devDependencies":null}',
    '{"scripts":{"build":7},"dependencies":{"constructor":{"a":1}}}',
    '{"packages":{"":{"dependencies":[1]}}}',
  ),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
);

const withManifests: fc.Arbitrary<AnalyzeInput> = fc
  .record({
    pkg: manifestContent,
    lock: manifestContent,
    req: manifestContent,
    tool: fc.constantFrom('npm ci', 'npm install', 'pip install -r requirements.txt', 'yarn'),
  })
  .map(({ pkg, lock, req, tool }) => ({
    dockerfile: `FROM node:22\nCOPY package.json package-lock.json requirements.txt ./\nRUN ${tool}\nCOPY . .\n`,
    context: {
      files: [
        { path: 'package.json', sizeBytes: 10, content: pkg },
        { path: 'package-lock.json', sizeBytes: 10, content: lock },
        { path: 'requirements.txt', sizeBytes: 10, content: req },
        ...FILES,
      ] as ContextFile[],
    },
  }));

const stars = fc.integer({ min: 1, max: 60 }).map((n) => '*'.repeat(n));
const globs: fc.Arbitrary<AnalyzeInput> = fc
  .record({
    a: stars,
    b: fc.integer({ min: 1, max: 150 }),
    c: fc.integer({ min: 1, max: 1000 }),
    tail: fc.constantFrom('x', 'b', '.js', '[a-', '?'),
  })
  .map(({ a, b, c, tail }) => ({
    dockerfile: `FROM alpine\nCOPY src/${a}${tail} /app/\nCOPY . /app\nRUN rm -rf /app/src/${a}${tail} /app/**/${a}x\n`,
    dockerignore: `${'**/'.repeat(b)}x\n${'*'.repeat(c)}b\n[\n!src/${a}\n`,
    context: { files: FILES },
  }));

const manyCommands = fc
  .record({ n: fc.integer({ min: 300, max: 1000 }), op: fc.constantFrom(' && ', '; ', ' | ') })
  .map(({ n, op }) => `FROM alpine\nRUN ${lines(n, (i) => `apk add p${i}`).join(op)}\n`);

const deepNesting = fc
  .record({
    n: fc.integer({ min: 1, max: 200 }),
    open: fc.constantFrom('$(', '(', '{ ', '`', 'if true; then '),
  })
  .map(({ n, open }) => {
    const close = { '$(': ')', '(': ')', '{ ': '; }', '`': '`', 'if true; then ': '; fi' }[open];
    return `FROM alpine\nRUN echo ${open.repeat(n)}apk add x${close!.repeat(n)}\n`;
  });

const heredocs = fc
  .record({ n: fc.integer({ min: 10, max: LIVE_MAX_LINES - 10 }), dash: fc.boolean() })
  .map(
    ({ n, dash }) =>
      `FROM debian:bookworm\nRUN <<${dash ? '-' : ''}EOF\n${lines(n, (i) => (i % 3 ? `echo ${i}` : `apt-get install -y p${i}`)).join('\n')}\nEOF\nCOPY <<EOF /etc/x\n${lines(n >> 2, (i) => `line ${i}`).join('\n')}\nEOF\n`,
  );

/** `{ …; }`, `( … )`, `then` programs over package-manager commands. */
const grouped = fc
  .array(
    fc.constantFrom(
      '{ apk add curl; }',
      '( apt-get install curl )',
      'if true; then apt-get install -y git; fi',
      'for p in a b; do pip install $p; done',
      'case x in x) npm ci;; esac',
      'while false; do apk add y; done',
      'f() { apk add z; }; f',
      'apk add --virtual .b gcc && apk del .b',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom(' && ', '; ', ' || ', ' && \\\n  '), {
        minLength: parts.length,
        maxLength: parts.length,
      })
      .map(
        (ops) =>
          `FROM debian:bookworm\nRUN ${parts.map((p, i) => (i ? ops[i] : '') + p).join('')}\n`,
      ),
  );

const protoNames = fc
  .record({ a: fc.constantFrom(...PROTO_NAMES), b: fc.constantFrom(...PROTO_NAMES) })
  .map(
    ({ a, b }) =>
      `ARG ${a}\nFROM $${a} AS ${b}\nFROM alpine:\${${a}}\nARG ${b}=1\nENV ${a}=x ${b}=$${a}\nCOPY --from=${b} /${a} /${b}\nRUN ${a}=1 apk add ${b} && echo $${a}\nLABEL ${a}=${b}\nWORKDIR /$${b}\nUSER ${a}\n`,
  );

const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.uint8Array({ maxLength: 600 }).map((b) => String.fromCharCode(...b)),
  fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => `FROM ${s}\nRUN ${s}\nCOPY ${s}`),
);

/** A seed Dockerfile cut at any point (as when typing), or with junk spliced in. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    insert: fc.oneof(
      fc.constantFrom(
        '\\',
        '"',
        "'",
        '$(',
        '${',
        '<<EOF',
        '\n',
        ' && ',
        '[',
        '-o',
        '--from=',
        '# escape=`\n',
        '\u0000',
        '\u001b[31m',
      ),
      fc.string({ maxLength: 12 }),
    ),
    keepTail: fc.boolean(),
  })
  .map(({ seed, cut, at, insert, keepTail }) => {
    const i = Math.floor(at * seed.length);
    const spliced = seed.slice(0, i) + insert + seed.slice(i);
    return keepTail ? spliced : spliced.slice(0, Math.floor(cut * spliced.length));
  });

const halfTyped = fc.constantFrom(
  'FROM golang:1.23\nRUN go build -o',
  'FROM golang:1.23\nRUN go build -o ',
  'FROM node:22\nRUN npm ci --',
  'FROM python:3.12\nRUN pip install -r',
  'FROM alpine\nCOPY --from=',
  'FROM alpine\nRUN apk add --virtual',
  'FROM debian\nRUN apt-get install -y \\',
  'FROM alpine\nRUN <<EOF',
  'FROM alpine AS',
  'FROM',
  'ARG',
  'FROM alpine\nENV A=',
  'FROM alpine\nRUN --mount=type=cache,target=',
);

type Ending = '\n' | '\r\n' | '\r';

/** Every family, as analyzer inputs; the text keeps its own line endings or gets CR/CRLF ones. */
export const fuzzInputs: fc.Arbitrary<AnalyzeInput> = fc
  .record({
    input: fc.oneof(
      withManifests,
      globs,
      fc
        .oneof(halfTyped, mutated, manyCommands, deepNesting, heredocs, grouped, protoNames, junk)
        .map((dockerfile) => ({ dockerfile, context: { files: FILES } })),
    ),
    ending: fc.constantFrom<Ending>('\n', '\n', '\r\n', '\r'),
    target: fc.option(fc.constantFrom('build', '0', '__proto__', 'nope'), { nil: undefined }),
  })
  .map(({ input, ending, target }) => ({
    ...input,
    dockerfile: ending === '\n' ? input.dockerfile : input.dockerfile.replace(/\n/g, ending),
    ...(target !== undefined ? { target } : {}),
  }));

/** The report without its timing: two analyses of one input give the same string. */
export function stableJson(report: Report): string {
  return JSON.stringify({ ...report, elapsedMs: undefined });
}

/**
 * The invariants of one report of `dockerfile`: every range inside the text (lines counted as
 * the editor counts them), sizes that add up, a range around the estimate. Returns the broken
 * ones (empty when all hold).
 */
export function checkReport(dockerfile: string, report: Report): string[] {
  const bad: string[] = [];
  const lineLengths = dockerfile.split(/\r\n|\r|\n/).map((l) => l.length);
  const inside = (what: string, r: Range) => {
    const ok = (p: Range['start']) =>
      Number.isInteger(p.line) &&
      Number.isInteger(p.character) &&
      p.line >= 0 &&
      p.line < lineLengths.length &&
      p.character >= 0 &&
      p.character <= lineLengths[p.line];
    const ordered =
      r.start.line < r.end.line ||
      (r.start.line === r.end.line && r.start.character <= r.end.character);
    if (!ok(r.start) || !ok(r.end) || !ordered) bad.push(`${what} range ${JSON.stringify(r)}`);
  };
  for (const f of report.findings) {
    inside(`finding ${f.rule}`, f.range);
    for (const fix of f.fixes) for (const e of fix.edits) inside(`fix of ${f.rule}`, e.range);
  }
  for (const p of report.problems) inside('problem', p.range);
  for (const l of report.layers) inside('layer', l.range);
  for (const s of report.stages) inside('stage', s.range);
  const size = report.size;
  const shipped = report.layers.filter((l) => l.isShipped).reduce((n, l) => n + l.sizeBytes, 0);
  if (size.bytes !== size.baseBytes + size.layersBytes)
    bad.push(`total ${size.bytes} ≠ base ${size.baseBytes} + layers ${size.layersBytes}`);
  if (shipped !== size.layersBytes)
    bad.push(`shipped layers add up to ${shipped}, not ${size.layersBytes}`);
  for (const [name, n] of [
    ['total', size.bytes],
    ['compressed', size.compressedBytes],
    ['wasted', size.wastedBytes],
  ] as const)
    if (!Number.isFinite(n) || n < 0) bad.push(`${name} bytes ${n}`);
  const [lo, hi] = size.sizeRange;
  if (!(lo <= size.bytes && size.bytes <= hi)) bad.push(`range [${lo}, ${hi}] ∌ ${size.bytes}`);
  return bad;
}
