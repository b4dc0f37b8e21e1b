/**
 * Inputs that once made the analyzer take seconds or minutes (catastrophic globs, huge
 * here-documents, pathological .dockerignore lines, a 1 MB paste). The unit tests check what each
 * must give (no throw, a report, the "too large" problem); `npm run bench:hostile` prints the CPU
 * time each takes, so a regression shows as a figure rather than a timed test that fails on a
 * loaded machine.
 */
import { LIMITS } from '../limits';
import type { AnalyzeInput } from './types';

export interface HostileInput {
  /** What the input is, as a sentence fragment. */
  name: string;
  input: AnalyzeInput;
  /** What it took before the fix, as measured when the fix landed. */
  before: string;
}

const slowFile = { files: [{ path: 'src/abcdefghijklmnopqrstuvwx.js', sizeBytes: 100 }] };

const project = {
  files: Array.from({ length: 463 }, (_, i) => ({
    path: `src/m${i % 17}/deep/er/file-${i}.ts`,
    sizeBytes: 1000,
  })),
};

const aptUnit =
  'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';

/** A Dockerfile just over the analyzer's character cap: only a bounded part of it is analysed. */
export const ONE_MB_DOCKERFILE =
  'FROM debian:bookworm-slim\n' + aptUnit.repeat(Math.ceil(LIMITS.analyzer.chars / aptUnit.length));

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'RUN rm -rf with twelve stars',
    input: {
      dockerfile: 'FROM alpine\nCOPY . /app\nRUN rm -rf /app/src/************x',
      context: slowFile,
    },
    before: '10.5 s with RegExp globs',
  },
  {
    name: 'COPY with twelve stars',
    input: { dockerfile: 'FROM alpine\nCOPY src/************x /app/', context: slowFile },
    before: '49.6 s with RegExp globs',
  },
  {
    name: 'a 10,000-line here-document',
    input: {
      dockerfile: `FROM alpine\nRUN <<EOF\n${Array.from({ length: 10_000 }, (_, i) => `echo ${i}`).join('\n')}\nEOF\n`,
    },
    before: '5–7 s',
  },
  {
    name: 'a .dockerignore line of `**/` ×100 + `x` on 463 files',
    input: {
      dockerfile: 'FROM alpine\nCOPY . /app',
      dockerignore: '**/'.repeat(100) + 'x',
      context: project,
    },
    before: '2.1 s',
  },
  {
    name: 'a .dockerignore line of `*` ×1000 + `b` and a `[` line',
    input: {
      dockerfile: 'FROM alpine\nCOPY . /app',
      dockerignore: '*'.repeat(1000) + 'b\n[',
      context: project,
    },
    before: 'over 90 s',
  },
  {
    name: 'a 1 MB Dockerfile of apt-get RUNs',
    input: { dockerfile: ONE_MB_DOCKERFILE },
    before: 'the whole text analysed',
  },
];
