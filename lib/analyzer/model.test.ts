import { describe, expect, it } from 'vitest';
import { DockerfileParser } from 'dockerfile-ast';
import { buildModel, expandDockerVars, MAX_LINES, parseEnvPairs } from './model';
import type { AnalyzeInput, ContextFile } from './types';
import type { CopyStep, RunStep } from './model-types';

function files(spec: Record<string, string | number>): ContextFile[] {
  return Object.entries(spec).map(([path, v]) =>
    typeof v === 'number' ? { path, sizeBytes: v } : { path, sizeBytes: v.length, content: v },
  );
}

function model(dockerfile: string, extra: Partial<AnalyzeInput> = {}) {
  return buildModel({ dockerfile, ...extra });
}

function runs(dockerfile: string, extra: Partial<AnalyzeInput> = {}): RunStep[] {
  return model(dockerfile, extra).steps.filter((s): s is RunStep => s.kind === 'RUN');
}

const names = (run: RunStep) => run.commands.map((c) => c.name);

describe('buildModel: RUN shell parsing', () => {
  it('splits &&, ||, ; and pipes into commands with pipeline ids', () => {
    const [run] = runs('FROM debian:bookworm-slim\nRUN a && b || c; d | e | f\n');
    expect(names(run)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const d = run.commands[3];
    const f = run.commands[5];
    expect(d.pipeline).toBe(f.pipeline);
    expect([d.pipelinePosition, run.commands[4].pipelinePosition, f.pipelinePosition]).toEqual([
      0, 1, 2,
    ]);
    expect(run.commands[0].pipeline).not.toBe(run.commands[1].pipeline);
  });

  it('joins line continuations, skips comment lines inside them and maps command ranges', () => {
    const text =
      'FROM debian:bookworm-slim\nRUN set -eux; \\\n    # a comment\n    apt-get update \\\n    && rm -rf /var/lib/apt/lists/*\n';
    const [run] = runs(text);
    expect(names(run)).toEqual(['set', 'apt-get', 'rm']);
    expect(run.commands[1].range.start).toEqual({ line: 3, character: 4 });
    expect(run.commands[2].range.start).toEqual({ line: 4, character: 7 });
    expect(run.calls('apt-get', 'update')).toBe(true);
    expect(run.deletes('/var/lib/apt/lists')).toBe(true);
  });

  it('reads subshells and sh -c scripts', () => {
    const [run] = runs(
      "FROM debian:bookworm-slim\nRUN (cd /tmp && make) && sh -c 'apt-get update && apt-get install -y curl'\n",
    );
    expect(names(run)).toEqual(['cd', 'make', 'sh', 'apt-get', 'apt-get']);
    expect(run.calls('apt-get', 'install')).toBe(true);
  });

  it('reads heredoc RUNs as a script', () => {
    const [run] = runs(
      'FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
    );
    expect(run.form).toBe('heredoc');
    expect(names(run)).toEqual(['apt-get', 'apt-get']);
    expect(run.commands[1].range.start.line).toBe(3);
  });

  it('reads exec form as one command, and ["sh","-c",…] as a script', () => {
    const [a, b] = runs(
      'FROM python:3.12-slim\nRUN ["pip", "install", "flask"]\nRUN ["/bin/sh", "-c", "apt-get update && echo ok"]\n',
    );
    expect(a.form).toBe('exec');
    expect(a.commands.map((c) => [c.name, c.args])).toEqual([['pip', ['install', 'flask']]]);
    expect(names(b)).toEqual(['apt-get', 'echo']);
  });

  it('strips sudo and env prefixes and keeps their assignments', () => {
    const [run] = runs(
      'FROM debian:bookworm-slim\nRUN sudo -E DEBIAN_FRONTEND=noninteractive apt-get install -y curl && env FOO=1 make\n',
    );
    const [apt, make] = run.commands;
    expect(apt.name).toBe('apt-get');
    expect(apt.viaSudo).toBe(true);
    expect(apt.assignments).toEqual({ DEBIAN_FRONTEND: 'noninteractive' });
    expect(make.name).toBe('make');
    expect(make.assignments).toEqual({ FOO: '1' });
  });

  it('expands ARG and ENV values, and shell assignments made earlier in the script', () => {
    const [run] = runs(
      'ARG V=1.2\nFROM debian:bookworm-slim\nARG V\nENV DIR=/opt/app\nRUN X=7 && echo $V ${DIR}/bin $X $NOPE\n',
    );
    expect(run.commands.find((c) => c.name === 'echo')?.args).toEqual([
      '1.2',
      '/opt/app/bin',
      '7',
      '$NOPE',
    ]);
  });

  it('turns python -m pip into pip', () => {
    const [run] = runs('FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir flask\n');
    expect(run.commands[0].name).toBe('pip');
    expect(run.commands[0].invokedAs).toBe('python3 -m pip');
    expect(run.calls('pip', 'install')).toBe(true);
  });

  it('reports a shell syntax error as a problem and an unknown, never a throw', () => {
    const m = model("FROM debian:bookworm-slim\nRUN echo 'unterminated\n");
    const run = m.steps[0] as RunStep;
    expect(run.parseError).toMatch(/quote/);
    expect(run.commands).toEqual([]);
    expect(m.problems?.some((p) => /syntax/i.test(p.message))).toBe(true);
    expect(m.unknowns.some((u) => u.kind === 'parse')).toBe(true);
  });
});

describe('buildModel: stages', () => {
  const text = [
    'ARG BASE=python:3.12-slim',
    'FROM ${BASE} AS deps',
    'RUN pip install flask',
    'FROM deps AS build',
    'RUN echo build',
    'FROM deps AS test',
    'RUN echo test',
    'FROM build',
    'COPY --from=test /x /x',
  ].join('\n');

  it('resolves global ARGs in FROM and links stages', () => {
    const m = model(text);
    expect(m.stages.map((s) => s.baseRef)).toEqual(['python:3.12-slim', 'deps', 'deps', 'build']);
    expect(m.stages[1].baseStage).toBe(m.stages[0]);
    expect(m.stages[0].baseImage.ref).toBe('python:3.12-slim');
    expect(m.stages[3].baseImage).toBe(m.stages[0].baseImage);
  });

  it('gives FROM the automatic platform ARGs (linux/amd64) unless a global ARG sets them', () => {
    const m = model(
      [
        'FROM ubuntu:22.04 AS runtime-amd64',
        'FROM alpine:3.22 AS runtime-arm64',
        'FROM debian:bookworm-slim AS build_amd64',
        'FROM build_${TARGETARCH}${TARGETVARIANT} AS build',
        'FROM runtime-$TARGETARCH',
      ].join('\n'),
    );
    expect(m.stages[3].baseStage).toBe(m.stages[2]);
    expect(m.stages[4].baseRef).toBe('runtime-amd64');
    expect(m.stages[4].baseStage).toBe(m.stages[0]);
    const set = model(
      [
        'ARG TARGETARCH=arm64',
        'FROM alpine:3.22 AS runtime-arm64',
        'FROM runtime-$TARGETARCH',
      ].join('\n'),
    );
    expect(set.stages[1].baseStage).toBe(set.stages[0]);
  });

  it('ships the last stage and what it is FROM, not the stages it only copies from', () => {
    const m = model(text);
    expect(m.stages.map((s) => s.isShipped)).toEqual([true, true, false, true]);
    expect(m.target).toBe(m.stages[3]);
    expect(m.stages[2].copiedFromBy).toEqual([m.stages[3]]);
    expect(m.shippedRuns.map((r) => r.range.start.line)).toEqual([2, 4]);
  });

  it('honours --target by name or index, and reports an unknown target', () => {
    expect(model(text, { target: 'test' }).stages.map((s) => s.isShipped)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(model(text, { target: '0' }).target.name).toBe('deps');
    const bad = model(text, { target: 'nope' });
    expect(bad.target.index).toBe(3);
    expect(bad.problems?.some((p) => p.message.includes('nope'))).toBe(true);
  });

  it('reads the --from flag even when other flags come first', () => {
    const m = model(
      'FROM node:22 AS b\nRUN echo\nFROM node:22-slim\nCOPY --chown=node:node --link --from=b /app /app\n',
    );
    const copy = m.steps.find((s) => s.kind === 'COPY') as CopyStep;
    expect(copy.from).toBe('b');
    expect(copy.fromStage).toBe(m.stages[0]);
    expect(copy.chown).toBe('node:node');
    expect(copy.link).toBe(true);
  });

  it('tracks WORKDIR, USER, CMD and the python version', () => {
    const m = model(
      'FROM python:3.11-slim\nWORKDIR /app\nWORKDIR src\nUSER 1000\nCMD ["python", "main.py"]\n',
    );
    expect(m.target.workdir).toBe('/app/src');
    expect(m.target.user).toBe('1000');
    expect(m.target.cmd?.args).toEqual(['python', 'main.py']);
    expect(m.target.pythonVersion).toBe('3.11');
  });
});

describe('buildModel: layers and wasted bytes', () => {
  it('ships nothing written under a cache mount', () => {
    const m = model(
      'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n',
    );
    const run = m.steps[0] as RunStep;
    expect(run.mountsCover('/var/lib/apt/lists')).toBe(true);
    expect(run.mountsCover('/usr')).toBe(false);
    expect(m.layers[0].sizeBytes).toBe(0);
  });

  it('counts a file overwritten by a later COPY as waste', () => {
    const ctx = { context: { files: files({ 'big.bin': 5_000_000 }) } };
    const m = model(
      'FROM debian:bookworm-slim\nCOPY big.bin /data/big.bin\nCOPY big.bin /data/big.bin\n',
      ctx,
    );
    expect(m.layers[0].wastedBytes).toBe(5_000_000);
    expect(m.layers[1].wastedBytes).toBe(0);
  });

  it('partly removes a copied directory', () => {
    const ctx = { context: { files: files({ 'src/a.py': 1000, 'src/tests/t.py': 3000 }) } };
    const m = model('FROM python:3.12-slim\nCOPY . /app\nRUN rm -rf /app/src/tests\n', ctx);
    expect(m.layers[0].sizeBytes).toBe(4000);
    expect(m.layers[0].wastedBytes).toBe(3000);
    expect(m.target.fs.has('/app/src/a.py')).toBe(true);
    expect(m.target.fs.has('/app/src/tests')).toBe(false);
  });

  it('does not count waste from a stage that does not ship against a shipped one', () => {
    const m = model(
      'FROM debian:bookworm-slim AS base\nRUN apt-get update\nFROM base AS cleaner\nRUN rm -rf /var/lib/apt/lists/*\nFROM base\n',
    );
    expect(m.layers[0].isShipped).toBe(true);
    expect(m.layers[0].wastedBytes).toBe(0);
  });

  it('copies the named paths of another stage with their sizes', () => {
    const m = model(
      'FROM python:3.12-slim AS build\nRUN pip install --user --no-cache-dir flask\nFROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\n',
    );
    const installed = m.layers[0].sizeBytes;
    expect(installed).toBeGreaterThan(0);
    expect(m.layers[1].sizeBytes).toBe(installed);
    expect(m.target.fs.has('/root/.local/lib/python3.12/site-packages')).toBe(true);
    expect(m.layers[0].isShipped).toBe(false);
  });
});

describe('buildModel: build context', () => {
  const ctx = {
    context: {
      files: files({
        'package.json': '{"dependencies":{}}',
        'src/index.js': 2000,
        'src/index.test.js': 500,
        'node_modules/x/index.js': 90_000,
        '.git/HEAD': 100,
        '.env': 50,
      }),
    },
  };

  it('applies .dockerignore with Docker semantics (**, ! exceptions, last match wins)', () => {
    const m = model('FROM node:22-slim\nCOPY . /app\n', {
      ...ctx,
      dockerignore: 'node_modules\n.git\n**/*.test.js\n.env\n!.env\n',
    });
    const copy = m.steps[0] as CopyStep;
    expect(copy.contextFiles.map((f) => f.path).sort()).toEqual([
      '.env',
      'package.json',
      'src/index.js',
    ]);
    expect(copy.isWholeContext).toBe(true);
    expect(m.context.ignored.sort()).toEqual([
      '.git/HEAD',
      'node_modules/x/index.js',
      'src/index.test.js',
    ]);
  });

  it('records missing and excluded sources', () => {
    const m = model('FROM node:22-slim\nCOPY nothing.txt node_modules /app/\n', {
      ...ctx,
      dockerignore: 'node_modules\n',
    });
    const copy = m.steps[0] as CopyStep;
    expect(copy.missingSources).toEqual(['nothing.txt']);
    expect(copy.excludedSources).toEqual(['node_modules']);
  });

  it('matches globs and copies a directory source by its contents', () => {
    const m = model('FROM node:22-slim\nWORKDIR /app\nCOPY *.json ./\nCOPY src ./lib\n', ctx);
    const [json, src] = m.steps.filter((s): s is CopyStep => s.kind === 'COPY');
    expect(json.contextFiles.map((f) => f.path)).toEqual(['package.json']);
    expect(m.target.fs.has('/app/package.json')).toBe(true);
    expect(src.contextFiles).toHaveLength(2);
    expect(m.target.fs.has('/app/lib/index.js')).toBe(true);
  });

  it('answers which layers a context change invalidates, across dependent stages', () => {
    const text = [
      'FROM node:22 AS build',
      'WORKDIR /app',
      'COPY package.json .',
      'RUN npm ci',
      'COPY src ./src',
      'RUN npm run build',
      'FROM node:22-slim',
      'COPY --from=build /app/dist /app',
      'CMD ["node", "/app/index.js"]',
    ].join('\n');
    const m = model(text, ctx);
    const lines = (p: string) => m.invalidatedBy(p).map((l) => l.step.range.start.line);
    expect(lines('src/index.js')).toEqual([4, 5, 7]);
    expect(lines('package.json')).toEqual([2, 3, 4, 5, 7]);
    expect(lines('README.md')).toEqual([]);
    const ignored = model(text, { ...ctx, dockerignore: 'src/**/*.test.js\n' });
    expect(ignored.invalidatedBy('src/index.test.js')).toEqual([]);
  });
});

describe('expandDockerVars', () => {
  it('expands plain, braced and default forms and reports unresolved names', () => {
    expect(expandDockerVars('${A}-$B-${C:-c}-${A:+x}', { A: 'a', B: 'b' })).toEqual({
      value: 'a-b-c-x',
      unresolved: [],
    });
    expect(expandDockerVars('$NOPE/x', {}).unresolved).toEqual(['NOPE']);
    expect(expandDockerVars('\\$HOME', { HOME: '/root' }).value).toBe('$HOME');
  });
});

describe('parseEnvPairs', () => {
  it('reads ENV pairs the way dockerfile-ast does', () => {
    const cases = [
      'A=1 B="2 3"',
      'C 4 5',
      "D='$X lit' E=$HOME/x",
      'PATH=/opt/venv/bin:$PATH',
      'F="a\\"b" G=x\\ y',
      'EMPTY= H=2',
    ];
    for (const c of cases) {
      const env = DockerfileParser.parse(`FROM x\nENV ${c}\n`).getInstructions()[1] as unknown as {
        getProperties(): { getName(): string; getValue(): string | null }[];
      };
      expect(parseEnvPairs(c).map((p) => [p.name, p.value])).toEqual(
        env.getProperties().map((p) => [p.getName(), p.getValue() ?? '']),
      );
    }
  });

  it('does not expand single-quoted values', () => {
    const m = model('FROM debian:bookworm-slim\nENV A=1\nENV B=\'$A\' C="$A" D=$A\n');
    expect([m.target.env.B, m.target.env.C, m.target.env.D]).toEqual(['$A', '1', '1']);
  });
});

describe('buildModel: limits', () => {
  it('analyses only the first lines of a huge file and says so', () => {
    const big = 'FROM debian:bookworm-slim\n' + 'RUN echo hi\n'.repeat(MAX_LINES + 50);
    const m = model(big);
    expect(m.truncatedAtLine).toBeLessThanOrEqual(MAX_LINES);
    expect(m.problems?.some((p) => /too large/i.test(p.message))).toBe(true);
  });

  it('builds a model for empty and FROM-less text', () => {
    expect(model('').stages).toHaveLength(1);
    const m = model('RUN echo hi\n');
    expect(m.problems?.length).toBeGreaterThan(0);
  });
});
