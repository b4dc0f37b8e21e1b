import { describe, expect, it } from 'vitest';
import { effectsOf, file, type Effects, type Setup } from './test-helpers';

const WITH_DEV = '{"dependencies":{"express":"4"},"devDependencies":{"typescript":"5"}}';
const app = (pkg: string, files: string[] = ['package.json']): Setup => ({
  from: 'node:22-slim',
  before: ['WORKDIR /app', `COPY ${files.join(' ')} ./`],
  context: files.map((f) => file(f, f === 'package.json' ? pkg : '{}')),
});

/** Command words → what they do to a node:22-slim stage. */
const TABLE: [string, string, Setup, Partial<Effects>][] = [
  [
    'npm ci without a lockfile fails the build',
    'npm ci',
    app('{"dependencies":{"express":"4"}}'),
    { failures: ['npm-ci-without-lockfile'], kinds: ['cache', 'npm'] },
  ],
  [
    'npm ci with a lockfile',
    'npm ci --omit=dev',
    app(WITH_DEV, ['package.json', 'package-lock.json']),
    { failures: [], kinds: ['cache', 'npm'] },
  ],
  [
    'install without a package.json is not sized',
    'npm install',
    { from: 'node:22-slim', before: ['WORKDIR /app'] },
    { bytes: 0, unknowns: ['npm-package package.json'] },
  ],
  [
    'a global install goes to /usr/local/lib',
    'npm install -g typescript',
    { from: 'node:22-slim' },
    { kinds: ['cache', 'npm'] },
  ],
  [
    'cache clean deletes the npm cache',
    'npm cache clean --force',
    { from: 'node:22-slim', before: ['RUN npm install -g typescript'] },
    { bytes: 0, deletes: ['/root/.npm'] },
  ],
  [
    'a build script writes an estimated dist/',
    'npm run build',
    {
      from: 'node:22-slim',
      before: ['WORKDIR /app', 'COPY src ./src'],
      context: [{ path: 'src/a.js', sizeBytes: 300_000 }],
    },
    { bytes: 300_000, paths: ['/app/dist'], unknowns: ['command npm run build'] },
  ],
  [
    'yarn --version changes nothing',
    'yarn --version',
    { from: 'node:22-slim' },
    { bytes: 0, unknowns: [] },
  ],
  [
    'yarn install --production',
    'yarn install --production',
    app('{"dependencies":{"express":"4"}}'),
    { kinds: ['cache', 'npm'] },
  ],
];

describe('npm, pnpm and yarn effects', () => {
  it.each(TABLE)('%s: %s', (_what, command, setup, expected) => {
    expect(effectsOf(command, setup)).toMatchObject(expected);
  });

  it('installs devDependencies unless production is asked for', () => {
    const all = effectsOf('npm install', app(WITH_DEV));
    const prod = effectsOf('npm install --omit=dev', app(WITH_DEV));
    const env = effectsOf('npm install', {
      ...app(WITH_DEV),
      before: ['ENV NODE_ENV=production', ...(app(WITH_DEV).before ?? [])],
    });
    expect(all.paths).toContain('/app/node_modules/typescript');
    expect(prod.paths).not.toContain('/app/node_modules/typescript');
    expect(env.bytes).toBe(prod.bytes);
  });

  it('reads /package.json and installs into /node_modules when the WORKDIR is /', () => {
    const pkg = '{"dependencies":{"express":"4"}}';
    const atRoot = (files: string[]): Setup => ({
      from: 'node:22-slim',
      before: [`COPY ${files.join(' ')} ./`],
      context: files.map((f) => file(f, f === 'package.json' ? pkg : '{}')),
    });
    const e = effectsOf('npm install', atRoot(['package.json']));
    expect(e.paths).toContain('/node_modules/express');
    expect(e.paths.filter((p) => p.startsWith('//'))).toEqual([]);
    expect(e.unknowns).toEqual([]);
    // The lockfile at /package-lock.json is found too: npm ci does not fail.
    expect(effectsOf('npm ci', atRoot(['package.json', 'package-lock.json'])).failures).toEqual([]);
  });

  it('puts a global install under /usr/local/lib/node_modules', () => {
    const e = effectsOf('npm install -g typescript', { from: 'node:22-slim' });
    expect(e.paths).toContain('/usr/local/lib/node_modules/typescript');
  });
});
