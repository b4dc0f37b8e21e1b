/**
 * `npm run snapshot:reports -- --out FILE`: analyses every input the project keeps (each lesson's
 * start, solution, alternatives and broken variants; the bench inputs; the real-world regression
 * cases; the CLI fixtures; the Dockerfiles of the article the course grew from) and writes one
 * deterministic file: one JSON record per input and pass, keys sorted, timings dropped.
 *
 * A record holds the full `analyze()` report, the CLI's JSON object and human text, the layers
 * each context path rebuilds (`invalidatedBy`) and, for lesson inputs, the goal results. Two
 * passes: first as the web page runs before its tag index loads (no tag index, no apt name registry),
 * then as the CLI runs (the CLI's cache with the tag index with the apt name registry; the CLI fixtures are read in that pass only). Used to prove that a refactoring changes no report: take a snapshot
 * before, one after, and compare them with `cmp`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, createAnalyzerCache, type AnalyzerCache } from '../lib/analyzer/index';
import type { AnalyzeInput } from '../lib/analyzer/types';
import { parseCase } from '../lib/analyzer/regression/case';
import { projectContext, type Lesson } from '../lib/lessons/types';
import { lessons } from '../content/lessons/generated';
import { ALTERNATIVES, BROKEN } from '../content/lessons/variants';
import { SMALL, makeFile } from './bench-analyzer';
import { formatHuman, toJson } from '../cli/format';

export interface Input {
  name: string;
  input?: AnalyzeInput;
  /** A CLI fixture folder: analysed through the CLI's own file reader. */
  file?: string;
  lesson?: Lesson;
}

const df = (lines: string[]) => `${lines.join('\n')}\n`;

/**
 * The Dockerfiles of "Docker Image Optimization: 7 Essential Techniques" (10/9/2025), the article
 * the course grew from, as it prints them (the seed examples).
 */
const SEED: [string, string][] = [
  [
    'single-stage',
    df([
      'FROM ubuntu:20.04',
      'RUN apt-get update && \\',
      'apt-get install -y --no-install-recommends python3 python3-pip && \\',
      'apt-get clean && \\',
      'rm -rf /var/lib/apt/lists/*',
      'COPY requirements.txt .',
      'RUN pip3 install --no-cache-dir -r requirements.txt',
      'COPY . /app',
      'WORKDIR /app',
      'RUN useradd -m appuser && chown -R appuser:appuser /app',
      'USER appuser',
      'EXPOSE 5000',
      'CMD ["python3", "app.py"]',
    ]),
  ],
  [
    'multi-stage distroless',
    df([
      'FROM ubuntu:20.04 AS builder',
      'RUN apt-get update && \\',
      'apt-get install -y --no-install-recommends python3 python3-pip gcc && \\',
      'apt-get clean && \\',
      'rm -rf /var/lib/apt/lists/*',
      'COPY requirements.txt .',
      'RUN pip3 install --no-cache-dir --user -r requirements.txt',
      '# Production stage - Distroless for minimal attack surface',
      'FROM gcr.io/distroless/python3',
      'COPY --from=builder /root/.local /root/.local',
      'COPY . /app',
      'WORKDIR /app',
      'CMD ["app.py"]',
    ]),
  ],
  [
    'separate RUNs',
    df([
      'FROM ubuntu:20.04',
      'RUN apt-get update',
      'RUN apt-get install -y curl',
      'RUN apt-get install -y wget',
      'RUN apt-get clean',
      'RUN rm -rf /var/lib/apt/lists/*',
    ]),
  ],
  [
    'combined RUN',
    df([
      'FROM ubuntu:20.04',
      'RUN apt-get update && \\',
      'apt-get install -y curl wget && \\',
      'apt-get clean && \\',
      'rm -rf /var/lib/apt/lists/*',
    ]),
  ],
  [
    'apk del',
    df(['FROM alpine:3.15', 'RUN apk add --no-cache python3 py3-pip', 'RUN apk del py3-pip']),
  ],
  [
    'copy only what you need',
    df([
      'FROM node:16-alpine',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --only=production',
      'COPY src/ ./src/',
    ]),
  ],
];

const SEED_CONTEXT = {
  files: [
    { path: 'requirements.txt', sizeBytes: 40, content: 'flask==3.1.1\ngunicorn==23.0.0\n' },
    { path: 'app.py', sizeBytes: 2_000 },
    { path: 'package.json', sizeBytes: 60, content: '{"name":"x","dependencies":{"express":"4"}}' },
    { path: 'package-lock.json', sizeBytes: 30_000 },
    { path: 'src/index.js', sizeBytes: 4_000 },
    { path: 'node_modules/express/index.js', sizeBytes: 200_000 },
    { path: '.git/HEAD', sizeBytes: 30 },
  ],
};

/** Every input the snapshot analyses (parse.test.ts reads their Dockerfiles too). */
export function inputs(): Input[] {
  const out: Input[] = [];
  for (const lesson of lessons) {
    const base = {
      context: projectContext(lesson.project),
    };
    const ignore = lesson.solutionDockerignore ?? lesson.startDockerignore ?? '';
    out.push({
      name: `lesson ${lesson.slug} start`,
      lesson,
      input: {
        ...base,
        dockerfile: lesson.startDockerfile,
        dockerignore: lesson.startDockerignore ?? '',
      },
    });
    out.push({
      name: `lesson ${lesson.slug} solution`,
      lesson,
      input: { ...base, dockerfile: lesson.solutionDockerfile, dockerignore: ignore },
    });
    for (const alt of ALTERNATIVES[lesson.slug] ?? [])
      out.push({
        name: `lesson ${lesson.slug} alternative ${alt.name}`,
        lesson,
        input: { ...base, dockerfile: alt.dockerfile, dockerignore: alt.dockerignore ?? ignore },
      });
    for (const broken of BROKEN[lesson.slug] ?? [])
      out.push({
        name: `lesson ${lesson.slug} broken ${broken.name}`,
        lesson,
        input: {
          ...base,
          dockerfile: broken.dockerfile,
          dockerignore: broken.dockerignore ?? ignore,
        },
      });
  }
  SMALL.forEach((dockerfile, i) => out.push({ name: `bench small ${i}`, input: { dockerfile } }));
  for (const lines of [100, 1000, 5000])
    out.push({ name: `bench ${lines} lines`, input: { dockerfile: makeFile(lines) } });
  const casesDir = new URL('../lib/analyzer/regression/cases', import.meta.url).pathname;
  for (const f of readdirSync(casesDir)
    .filter((n) => n.endsWith('.Dockerfile'))
    .sort()) {
    const c = parseCase(f, readFileSync(join(casesDir, f), 'utf8'));
    out.push({ name: `case ${f}`, input: c.input });
  }
  const fixtures = new URL('../cli/fixtures', import.meta.url).pathname;
  for (const d of readdirSync(fixtures).sort())
    out.push({ name: `cli fixture ${d}`, file: join(fixtures, d, 'Dockerfile') });
  for (const [name, dockerfile] of SEED) {
    out.push({ name: `seed ${name}`, input: { dockerfile } });
    out.push({ name: `seed ${name} with a context`, input: { dockerfile, context: SEED_CONTEXT } });
  }
  return out;
}

/** JSON with every object's keys sorted, so a record does not depend on insertion order. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      out[key] = sorted((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

type Cli = Pick<typeof import('../cli/main'), 'analyzeFile' | 'cliCache'>;

function record(item: Input, pass: string, cli?: Cli): string {
  // The CLI pass analyses as the CLI does: its cache carries the apt name registry.
  const newCache = (): AnalyzerCache => (cli ? cli.cliCache() : createAnalyzerCache());
  let report;
  const input = item.input;
  let file = item.name;
  if (item.file) {
    if (!cli) throw new Error('a CLI fixture is read in the CLI pass only');
    file = item.file.slice(item.file.indexOf('cli/fixtures/'));
    try {
      report = cli.analyzeFile(item.file, {}).report;
    } catch (err) {
      // The CLI refuses some fixtures (a binary file): its message is the record, with the
      // checkout's own path cut off so two checkouts compare equal.
      const error = String(err)
        .split(item.file.slice(0, item.file.indexOf('cli/fixtures/')))
        .join('');
      return JSON.stringify({ error, name: item.name, pass });
    }
  } else {
    report = analyze(input as AnalyzeInput, { cache: newCache() });
  }
  delete report.elapsedMs;
  const rec: Record<string, unknown> = {
    pass,
    name: item.name,
    report,
    cliJson: toJson(file, report),
    cliText: formatHuman(file, report),
  };
  if (input) {
    const paths = [
      ...(input.context?.files.map((f) => f.path) ?? []),
      'Dockerfile',
      'src/index.js',
      'requirements.txt',
      'package.json',
    ];
    // One cache for the record: the goals and rebuilds below reuse the model of the first call.
    const cache = newCache();
    const answered = analyze(input as AnalyzeInput, {
      rebuildPaths: [...new Set(paths)],
      cache,
    });
    rec.rebuilds = Object.fromEntries(
      (answered.rebuilds ?? []).map((r) => [
        r.path,
        r.layers.map((l) => [l.stage, l.line, l.sizeBytes]),
      ]),
    );
    if (item.lesson)
      rec.goals = analyze(input as AnalyzeInput, { goals: item.lesson.goals, cache }).goals;
  }
  return JSON.stringify(sorted(rec));
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--out');
  const out = i >= 0 ? process.argv[i + 1] : undefined;
  if (!out) {
    process.stderr.write('usage: npm run snapshot:reports -- --out FILE\n');
    process.exit(2);
  }
  const all = inputs();
  const lines: string[] = [];
  for (const item of all) if (!item.file) lines.push(record(item, 'web'));
  // The CLI pass analyses with the CLI's cache: the official-tag index and the apt name registry.
  const cli = await import('../cli/main');
  for (const item of all) lines.push(record(item, 'cli', cli));
  writeFileSync(out, lines.join('\n') + '\n');
  process.stdout.write(`${lines.length} records (${all.length} inputs, two passes) → ${out}\n`);
}

if (process.argv[1]?.includes('report-snapshot')) void main();
