import { describe, expect, it } from 'vitest';
import { effectsOf, type Effects, type Setup } from './test-helpers';

const GO: Setup = { from: 'golang:1.26-bookworm' };

/** Command words → what the Go toolchain does to a golang:1.26-bookworm stage. */
const TABLE: [string, string, Setup, Partial<Effects>][] = [
  [
    'go build -o writes an estimated binary there',
    'go build -o /out/app ./cmd/app',
    GO,
    { kinds: ['build'], paths: ['/out/app'], unknowns: ['command go build'] },
  ],
  [
    'go build without -o writes into the working directory',
    'go build ./cmd/app',
    { ...GO, before: ['WORKDIR /src'] },
    { paths: ['/src/app'] },
  ],
  [
    'go mod download is listed as not sized',
    'go mod download',
    GO,
    { bytes: 0, unknowns: ['command go mod download'] },
  ],
  ['go version changes nothing', 'go version', GO, { bytes: 0, unknowns: [] }],
];

describe('go effects', () => {
  it.each(TABLE)('%s: %s', (_what, command, setup, expected) => {
    expect(effectsOf(command, setup)).toMatchObject(expected);
  });

  it('gives the binary a size', () => {
    const e = effectsOf('go build -o /out/app ./cmd/app', GO);
    expect(e.bytes).toBeGreaterThan(0);
  });
});
