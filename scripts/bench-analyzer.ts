/**
 * `npm run bench`: analyze() against dockerfile-utils' validate() and dockerfilelint on the same
 * corpus, in one process: small real-world-shaped files, and 100-, 1,000- and 5,000-line files
 * built from varied realistic units. Prints per-file medians and ratios, cold (a new
 * AnalyzerCache for every analysis) and warm (one cache kept, as in the editor while typing: the
 * text differs by a comment line each time, so the last analysis is not simply reused).
 *
 *   npm run bench -- [--rounds N] [--quick] [--multi-stage] [--cpu]
 *
 * `--cpu` times each call by this process's CPU time (`process.cpuUsage()`, user + system, its
 * GC threads included) instead of the wall clock: on a machine shared with other jobs the wall
 * clock also counts the time this process waited for a core, which moved the ratios by up to 2×
 * between runs here.
 *
 * `parse floor` is what every cold analyze() pays before it models anything: the Dockerfile parse
 * and the shell parse of its RUN scripts (mvdan-sh, batched as analyze() does), with a new cache.
 * `validate/floor` above 1× is the best ratio a cold analysis could reach with these parsers.
 */
import { validate } from 'dockerfile-utils';
import { createRequire } from 'node:module';
import { analyze, buildModel, createAnalyzerCache } from '../lib/analyzer/index';
import { parseDockerfile } from '../lib/analyzer/parse';
import { primeShellParses } from '../lib/analyzer/shell';
import { seededRandom } from './seeded-random';

const require = createRequire(import.meta.url);
const dockerfilelint = require('dockerfilelint') as {
  run(configPath: string, content: string): unknown[];
};
/** A folder without .dockerfilelintrc, so dockerfilelint runs its default checks. */
const LINT_CONFIG_DIR = new URL('.', import.meta.url).pathname;

/** Small Dockerfiles shaped like the ones people write (and the course's lessons). */
export const SMALL: string[] = [
  `FROM python:3.12-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update \\
    && apt-get install -y --no-install-recommends curl ca-certificates \\
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN useradd -m app && chown -R app /app
USER app
EXPOSE 8000
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
`,
  `FROM node:22 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:22-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
CMD ["node", "dist/server.js"]
`,
  `FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
  `FROM ubuntu:22.04
RUN apt-get update
RUN apt-get install -y python3 python3-pip git build-essential
RUN pip3 install flask requests
COPY . /app
WORKDIR /app
CMD python3 app.py
`,
  `FROM alpine:3.22
RUN apk add --no-cache --virtual .build-deps gcc musl-dev python3-dev \\
 && apk add --no-cache python3 py3-pip \\
 && apk del .build-deps
COPY app.py /app.py
CMD ["python3", "/app.py"]
`,
  `# syntax=docker/dockerfile:1
ARG PY=3.12
FROM python:\${PY}-slim AS deps
RUN --mount=type=cache,target=/root/.cache/pip \\
    pip install --user flask gunicorn
FROM python:\${PY}-slim
COPY --from=deps /root/.local /root/.local
ENV PATH=/root/.local/bin:$PATH
COPY app.py .
RUN <<EOF
set -eux
python -m compileall -q .
EOF
CMD ["gunicorn", "app:app"]
`,
];

/** Realistic units for the long files; each is a few lines. */
const UNITS: string[] = [
  'RUN apt-get update && apt-get install -y --no-install-recommends curl git \\\n    && rm -rf /var/lib/apt/lists/*',
  'COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt',
  'ENV APP_HOME=/srv/app LANG=C.UTF-8',
  'WORKDIR /srv/app',
  'COPY package.json package-lock.json ./\nRUN npm ci --omit=dev && npm cache clean --force',
  'RUN set -eux; \\\n    groupadd -r app; \\\n    useradd -r -g app app; \\\n    mkdir -p /data && chown app:app /data',
  'ARG VERSION=1.4.2\nRUN curl -fsSL https://example.com/tool-${VERSION}.tar.gz | tar -xz -C /usr/local/bin',
  'COPY src/ ./src/',
  'RUN python3 -m pip install --no-cache-dir flask==3.1.1 gunicorn',
  'RUN ["sh", "-c", "echo building && make -j2"]',
  'LABEL org.opencontainers.image.source="https://example.com/repo"',
  'RUN apt-get update && apt-get install -y build-essential libpq-dev && apt-get purge -y --auto-remove build-essential',
  // dockerfilelint 1.8.0 crashes on a HEALTHCHECK without options (checks.js:185), so give it one.
  'HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health || exit 1',
  'RUN find /usr/local -name "*.pyc" -delete && rm -rf /tmp/*',
  'USER app',
  'EXPOSE 8000',
  'COPY --chown=app:app . .',
];

/** A Dockerfile of about `lines` lines: a new stage every ~40 lines, units in a fixed rotation. */
export function makeFile(lines: number, seed = 1): string {
  const out: string[] = [];
  let count = 0;
  let unit = seed;
  let stage = 0;
  const bases = ['python:3.12-slim', 'node:22-slim', 'debian:bookworm-slim', 'ubuntu:24.04'];
  while (count < lines) {
    if (count % 40 === 0) {
      const from =
        stage === 0 ? bases[0] : stage % 3 === 0 ? `s${stage - 1}` : bases[stage % bases.length];
      out.push(`FROM ${from} AS s${stage}`);
      count++;
      stage++;
      continue;
    }
    const u = UNITS[unit % UNITS.length];
    unit = (unit * 7 + 3) % 1009;
    out.push(u);
    count += u.split('\n').length;
  }
  return out.join('\n') + '\n';
}

const APT_PACKAGES = [
  'curl',
  'ca-certificates',
  'git',
  'build-essential',
  'libpq-dev',
  'python3',
  'python3-pip',
  'openssl',
  'libssl-dev',
  'pkg-config',
  'gnupg',
  'unzip',
  'wget',
  'jq',
  'tzdata',
  'locales',
  'libxml2-dev',
  'zlib1g-dev',
  'libffi-dev',
  'make',
  'gcc',
  'g++',
  'tini',
  'procps',
];
const STAGE_BASES = [
  'debian:bookworm-slim',
  'ubuntu:24.04',
  'python:3.12-slim',
  'node:22-bookworm',
];

/**
 * A multi-stage Dockerfile of about `lines` lines as teams write them: stages of 25–60 lines,
 * each with ARG/ENV, comments, several `apt-get install` steps (continued lines, several
 * packages, some cleaning their lists), COPY of the context and `COPY --from` an earlier stage.
 */
export function makeMultiStage(lines: number, seed: number): string {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: string[] = ['# syntax=docker/dockerfile:1', 'ARG DEBIAN_FRONTEND=noninteractive'];
  let stage = 0;
  while (out.length < lines) {
    const name = `stage${stage}`;
    const stageEnd = out.length + 25 + Math.floor(rnd() * 36);
    out.push(`# --- ${name} ---`);
    out.push(
      stage > 0 && rnd() < 0.3
        ? `FROM stage${stage - 1} AS ${name}`
        : `FROM ${pick(STAGE_BASES)} AS ${name}`,
    );
    out.push(`ARG VERSION_${stage}=1.${stage}.${Math.floor(rnd() * 10)}`);
    out.push(`ENV APP_HOME=/srv/${name} PATH=/srv/${name}/bin:$PATH`);
    out.push(`WORKDIR /srv/${name}`);
    while (out.length < stageEnd && out.length < lines) {
      const r = rnd();
      if (r < 0.3) {
        const pkgs = Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => pick(APT_PACKAGES));
        const clean = rnd() < 0.6;
        out.push('RUN apt-get update \\');
        out.push(`    && apt-get install -y${rnd() < 0.5 ? ' --no-install-recommends' : ''} \\`);
        for (const p of pkgs) out.push(`       ${p} \\`);
        out.push(clean ? '    && rm -rf /var/lib/apt/lists/*' : '    && echo installed');
      } else if (r < 0.4)
        out.push(`# step ${out.length}: ${pick(['deps', 'build', 'tidy', 'assets'])}`);
      else if (r < 0.5) out.push(`ENV FEATURE_${out.length}=${rnd() < 0.5 ? 'on' : 'off'}`);
      else if (r < 0.55) out.push(`ARG BUILD_${out.length}`);
      else if (r < 0.7 && stage > 0)
        out.push(
          `COPY --from=stage${Math.floor(rnd() * stage)} /srv/stage0/out ./from-${out.length}/`,
        );
      else if (r < 0.8) out.push(`COPY src/part${out.length % 17}/ ./src/`);
      else if (r < 0.9) out.push(`RUN make -C src target-${out.length % 9} && rm -rf /tmp/*`);
      else out.push(`RUN useradd -r u${out.length} || true`);
    }
    stage++;
  }
  out.push('USER 10001', 'CMD ["/srv/app/bin/start"]');
  return out.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Milliseconds of this process's CPU time (user + system) so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

let clock: () => number = () => performance.now();

function time(fn: () => void): number {
  const t = clock();
  fn();
  return clock() - t;
}

interface Row {
  label: string;
  files: string[];
  rounds: number;
}

function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

function main(): void {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const r = args.indexOf('--rounds');
  const rounds = r >= 0 ? Number(args[r + 1]) : quick ? 3 : 7;
  const only = args.includes('--multi-stage');
  if (args.includes('--cpu')) clock = cpuMs;
  const allRows: Row[] = [
    {
      label: `small (${SMALL.length} files, ${Math.round(SMALL.reduce((s, f) => s + f.split('\n').length, 0) / SMALL.length)} lines avg)`,
      files: SMALL,
      rounds: rounds * 5,
    },
    {
      label: '30 lines (3 files)',
      files: [makeFile(30, 1), makeFile(30, 2), makeFile(30, 3)],
      rounds: rounds * 3,
    },
    {
      label: '100 lines (3 files)',
      files: [makeFile(100, 1), makeFile(100, 2), makeFile(100, 3)],
      rounds,
    },
    { label: '1,000 lines (2 files)', files: [makeFile(1000, 1), makeFile(1000, 2)], rounds },
    {
      label: '5,000 lines (1 file)',
      files: [makeFile(5000, 1)],
      rounds: Math.max(3, Math.ceil(rounds / 2)),
    },
    {
      label: 'multi-stage 100 lines (4 seeds)',
      files: [1, 2, 3, 4].map((seed) => makeMultiStage(100, seed)),
      rounds: rounds * 3,
    },
    {
      label: 'multi-stage 1,000 lines (3 seeds)',
      files: [1, 2, 3].map((seed) => makeMultiStage(1000, seed)),
      rounds,
    },
    {
      label: 'multi-stage 5,000 lines (2 seeds)',
      files: [1, 2].map((seed) => makeMultiStage(5000, seed)),
      rounds: Math.max(3, Math.ceil(rounds / 2)),
    },
  ];
  const rows = only ? allRows.filter((row) => row.label.startsWith('multi-stage')) : allRows;
  // Warm up every tool's JIT on the small corpus first.
  for (let i = 0; i < 20; i++)
    for (const f of SMALL) {
      analyze({ dockerfile: f });
      validate(f);
      dockerfilelint.run(LINT_CONFIG_DIR, f);
    }
  console.log(
    `Node ${process.version}; medians of ${rounds} rounds per file (small files: ${rounds * 5}); ${clock === cpuMs ? 'CPU time of this process' : 'wall clock'}.`,
  );
  console.log(
    'cold = a new AnalyzerCache for each analyze() (decoded size tables stay loaded); warm = one cache kept and the text changed by a comment line, as while editing.\n',
  );
  const header = [
    'corpus',
    'analyze cold',
    'analyze warm',
    'validate()',
    'dockerfilelint',
    'parse floor',
    'validate/cold',
    'validate/warm',
    'validate/floor',
  ];
  const table: string[][] = [header];
  for (const row of rows) {
    const cold: number[] = [];
    const warm: number[] = [];
    const val: number[] = [];
    const lint: number[] = [];
    const floor: number[] = [];
    for (const f of row.files) {
      const c: number[] = [];
      const w: number[] = [];
      const v: number[] = [];
      const l: number[] = [];
      const p: number[] = [];
      const cache = createAnalyzerCache();
      analyze({ dockerfile: f }, { cache });
      const scripts = buildModel({ dockerfile: f }, createAnalyzerCache()).steps.flatMap((s) =>
        s.kind === 'RUN' && s.script !== undefined ? [s.script] : [],
      );
      for (let i = 0; i < row.rounds; i++) {
        // Interleave the tools so machine load hits them alike.
        c.push(time(() => analyze({ dockerfile: f }, { cache: createAnalyzerCache() })));
        const edited = `${f}\n# edit ${i}\n`;
        w.push(time(() => analyze({ dockerfile: edited }, { cache })));
        v.push(time(() => validate(f)));
        l.push(time(() => dockerfilelint.run(LINT_CONFIG_DIR, f)));
        p.push(
          time(() => {
            parseDockerfile(f).getInstructions();
            primeShellParses(scripts, createAnalyzerCache());
          }),
        );
      }
      cold.push(median(c));
      warm.push(median(w));
      val.push(median(v));
      lint.push(median(l));
      floor.push(median(p));
    }
    const mc = median(cold);
    const mw = median(warm);
    const mv = median(val);
    const mf = median(floor);
    table.push([
      row.label,
      fmt(mc),
      fmt(mw),
      fmt(mv),
      fmt(median(lint)),
      fmt(mf),
      `${(mv / mc).toFixed(2)}×`,
      `${(mv / mw).toFixed(2)}×`,
      `${(mv / mf).toFixed(2)}×`,
    ]);
  }
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table)
    console.log(
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '),
    );
  console.log('\nRatios above 1× mean analyze() is faster than validate().');
}

if (process.argv[1]?.includes('bench-analyzer')) main();
