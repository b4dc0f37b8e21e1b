import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { parseArgs, parseSize, run, isBinary } from './main';
import { formatHuman, printable, type JsonReport } from './format';
import { analyze } from '../lib/analyzer';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixture = (name: string) => join(here, 'fixtures', name, 'Dockerfile');
const json = (args: string[]): { code: number; reports: JsonReport[]; stderr: string } => {
  const r = run(['--json', ...args]);
  return {
    code: r.code,
    reports: r.stdout ? (JSON.parse(r.stdout) as JsonReport[]) : [],
    stderr: r.stderr,
  };
};

describe('parseSize', () => {
  it('reads decimal units like docker images, and bare bytes', () => {
    expect(parseSize('200MB')).toBe(200e6);
    expect(parseSize('1.5GB')).toBe(1.5e9);
    expect(parseSize('800kB')).toBe(800e3);
    expect(parseSize('123')).toBe(123);
    expect(parseSize('2MiB')).toBe(2 * 1048576);
    expect(parseSize('big')).toBeUndefined();
    expect(parseSize('10 parsecs')).toBeUndefined();
  });
});

describe('printable', () => {
  it('escapes control, C1 and bidi characters and keeps other text', () => {
    expect(printable('a\x1b[31mb\u009bc\u202ed\ne\tf é 😀')).toBe(
      'a\\x1b[31mb\\x9bc\\u202ed\\x0ae\\x09f é 😀',
    );
  });
});

describe('parseArgs', () => {
  it('takes options with = or a separate value, and files in order', () => {
    expect(parseArgs(['--target=build', '--context', 'ctx', 'a', 'b'])).toMatchObject({
      target: 'build',
      context: 'ctx',
      files: ['a', 'b'],
    });
  });

  it('rejects unknown options, missing values and no files', () => {
    expect(() => parseArgs(['--frobnicate', 'x'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--target'])).toThrow(/needs a value/);
    expect(() => parseArgs([])).toThrow(/no Dockerfile/);
  });
});

describe('layerlab CLI', () => {
  it('prints size with confidence, a layer table and findings with 1-based line numbers', () => {
    const r = run([fixture('python-app')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Size\s+\d+(\.\d)? MB \(confidence (high|medium|low)/);
    expect(r.stdout).toMatch(/Line\s+Size\s+Wasted\s+Instruction/);
    expect(r.stdout).toMatch(/\n\s+3 {2}.*RUN apt-get update && apt-get install -y curl/);
    expect(r.stdout).toMatch(/\n\s+3 {2}warning apt-lists-not-removed/);
  });

  it('a Dockerfile without FROM prints only its problem: no size, score or findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-nofrom-'));
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'RUN echo hi\n');
    const r = run([file]);
    expect(r.stdout).toMatch(/Nothing to build\./);
    expect(r.stdout).toMatch(/error: No FROM instruction/);
    expect(r.stdout).not.toMatch(/Score|Size {5}|No findings/);
  });

  it('--json prints one report per file in argument order with the documented fields', () => {
    const { code, reports } = json([fixture('node-app'), fixture('python-app')]);
    expect(code).toBe(0);
    expect(reports.map((r) => r.file)).toEqual([fixture('node-app'), fixture('python-app')]);
    const py = reports[1];
    expect(Object.keys(py)).toEqual(
      expect.arrayContaining([
        'file',
        'sizeBytes',
        'compressedSizeBytes',
        'confidence',
        'baseImage',
        'layers',
        'findings',
        'score',
        'unknowns',
      ]),
    );
    expect(py.baseImage).toMatchObject({ ref: 'python:3.12-slim', known: true });
    expect(py.baseImage.sizeBytes).toBeGreaterThan(100e6);
    expect(py.layers[0]).toMatchObject({
      line: 3,
      instruction: expect.stringMatching(/^RUN apt-get update/),
    });
    expect(py.sizeBytes).toBe(
      py.baseImage.sizeBytes + py.layers.reduce((s, l) => s + l.sizeBytes, 0),
    );
    expect(py.findings.find((f) => f.rule === 'apt-lists-not-removed')).toMatchObject({
      line: 3,
      technique: 'combine-run',
      severity: 'warning',
    });
    // The builder stage of node-app does not ship: no layer from lines 1–6.
    expect(reports[0].layers.every((l) => l.line > 7)).toBe(true);
  });

  it('reads the context folder and its .dockerignore by default, or --context', () => {
    const own = json([fixture('python-app')]).reports[0];
    expect(own.unknowns.some((u) => /requirements\.txt/.test(u.message))).toBe(false);
    const other = json(['--context', join(here, 'fixtures', 'node-app'), fixture('python-app')])
      .reports[0];
    expect(other.findings.some((f) => f.rule === 'copy-source-missing')).toBe(true);
  });

  it('--target builds the named stage', () => {
    const release = json([fixture('multi')]).reports[0];
    const test = json(['--target', 'test', fixture('multi')]).reports[0];
    expect(test.layers.map((l) => l.line)).toContain(4);
    expect(release.layers.map((l) => l.line)).not.toContain(4);
  });

  it('--target naming no stage exits 2 and lists the stage names', () => {
    const r = run(['--target', 'nope', fixture('multi')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--target nope: no stage of that name.*stages: base, test, release/);
    expect(run(['--target', 'TEST', fixture('multi')]).code).toBe(0);
  });

  it('--max-size exits 1 when an estimate is over, 0 when under', () => {
    const over = run(['--max-size', '100MB', fixture('python-app')]);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/over --max-size/);
    expect(run(['--max-size', '2GB', fixture('python-app')]).code).toBe(0);
  });

  it('--max-size says both sizes in units that keep their precision', () => {
    const r = run(['--max-size', '1kB', fixture('python-app')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/estimated \d+(\.\d+)? MB is over --max-size 1 kB\n$/);
    expect(r.stderr).not.toMatch(/ 0 MB/);
    const bytes = json([fixture('python-app')]).reports[0].sizeBytes;
    const close = run(['--max-size', String(bytes - 1), fixture('python-app')]);
    expect(close.stderr).toContain(
      `${bytes.toLocaleString('en')} B is over --max-size ${(bytes - 1).toLocaleString('en')} B`,
    );
  });

  it.each(['5constructor', 'NaN', '-5MB', '-1', '1e3', '9'.repeat(400), '5 toString', ''])(
    '--max-size %j is a usage error (exit 2), never a disabled gate',
    (value) => {
      const r = run(['--max-size', value, fixture('python-app')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--max-size|needs a value/);
    },
  );

  it('exits 2 with a clear message for a missing file, a folder, a binary file, a bad context or option', () => {
    const missing = run([join(here, 'fixtures', 'nope', 'Dockerfile')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const folder = run([join(here, 'fixtures', 'multi')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/is a folder/);
    const binary = run([fixture('binary')]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/binary/);
    expect(run(['--context', join(here, 'fixtures', 'no-such-dir'), fixture('multi')]).code).toBe(
      2,
    );
    const bad = run(['--bogus', fixture('multi')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --bogus/);
  });

  describe('only regular files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-cli-'));
    const fifo = join(dir, 'fifo.Dockerfile');
    spawnSync('mkfifo', [fifo]);
    mkdirSync(join(dir, 'ctx'));
    writeFileSync(join(dir, 'ctx', 'Dockerfile'), 'FROM alpine\n');
    spawnSync('mkfifo', [join(dir, 'ctx', 'Dockerfile.dockerignore')]);

    it.each([
      ['a FIFO', fifo, /named pipe \(FIFO\); only regular files are read/],
      ['/dev/zero', '/dev/zero', /character device; only regular files are read/],
      ['/dev/null', '/dev/null', /character device/],
      ['a FIFO as <Dockerfile>.dockerignore', join(dir, 'ctx', 'Dockerfile'), /named pipe/],
    ])('refuses %s at once with exit 2', (_what, file, message) => {
      const t0 = performance.now();
      const r = run([file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      // A blocking read would never return; this finishes in milliseconds.
      expect(performance.now() - t0).toBeLessThan(10_000);
    });

    it('refuses a socket with exit 2', async () => {
      const sock = join(dir, 'sock.Dockerfile');
      const server = createServer();
      await new Promise<void>((done) => server.listen(sock, done));
      try {
        const r = run([sock]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/socket; only regular files are read/);
      } finally {
        server.close();
      }
    });

    it('refuses a Dockerfile over 50 MB without reading it', () => {
      const big = join(dir, 'big.Dockerfile');
      writeFileSync(big, '');
      spawnSync('truncate', ['-s', '60000000', big]);
      const r = run([big]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/too large \(60 MB; at most 50 MB is read\)/);
    });
  });

  it('escapes control characters from the Dockerfile in human output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-cli-'));
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM alpine\nRUN echo "\x1b[2J\x1b]0;owned\x07" \u202e\n');
    const r = run([file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\\x1b[2J\\x1b]0;owned\\x07');
    expect(r.stdout).toContain('\\u202e');
    // eslint-disable-next-line no-control-regex -- asserting that no control character remains
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
  });

  it('--help prints usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: layerlab/);
    expect(r.stdout).toMatch(/--max-size/);
  });

  it('tells text from binary', () => {
    expect(isBinary(Buffer.from('FROM alpine\nRUN echo hé\n'))).toBe(false);
    expect(isBinary(Buffer.from([0x46, 0x00, 0x01]))).toBe(true);
  });

  it('runs as a bin from the repository (node bin/layerlab.mjs)', () => {
    const bin = join(here, '..', 'bin', 'layerlab.mjs');
    const ok = spawnSync(process.execPath, [bin, '--json', fixture('multi')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as JsonReport[])[0].baseImage.ref).toBe('debian:bookworm-slim');
    const bad = spawnSync(process.execPath, [bin, fixture('binary')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});

describe('the Base line', () => {
  const human = (dockerfile: string) =>
    formatHuman('Dockerfile', analyze({ dockerfile })).split('\n')[2] ?? '';
  it('marks a base missing from the measured table as a guess', () => {
    expect(human('FROM example.org/team/app-base:7\nCMD ["x"]\n')).toContain('(guess)');
  });
  it('never calls scratch (exactly empty) or a measured base a guess', () => {
    expect(human('FROM scratch\nCOPY app /app\nCMD ["/app"]\n')).toMatch(
      /^ {2}Base {5}scratch 0 B — /,
    );
    expect(human('FROM debian:bookworm-slim\nCMD ["sh"]\n')).not.toContain('(guess)');
  });
});
