import { describe, expect, it } from 'vitest';
import { effectsOf, type Effects, type Setup } from './test-helpers';

const ALPINE: Setup = { from: 'alpine:3.22' };

/** Command words → what they do to an alpine:3.22 stage. */
const TABLE: [string, string, Setup, Partial<Effects>][] = [
  ['add --no-cache leaves no index', 'apk add --no-cache curl', ALPINE, { kinds: ['apk'] }],
  [
    'add without --no-cache leaves the index cache',
    'apk add curl',
    ALPINE,
    { kinds: ['apk', 'cache'] },
  ],
  [
    'update leaves the index cache',
    'apk update',
    ALPINE,
    { kinds: ['cache'], paths: ['/var/cache/apk'] },
  ],
  [
    'a --virtual group deleted in the same RUN ships nothing',
    'apk add --no-cache --virtual .build-deps gcc musl-dev && apk del .build-deps',
    ALPINE,
    { bytes: 0, added: [] },
  ],
  [
    'a package named by an unresolved variable is not sized',
    'apk add --no-cache $PKGS',
    ALPINE,
    { bytes: 0, unknowns: ['variable $PKGS'] },
  ],
  [
    'cache clean deletes the cache',
    'apk cache clean',
    { ...ALPINE, before: ['RUN apk update'] },
    { bytes: 0, deletes: ['/var/cache/apk/*'] },
  ],
  [
    'a name like an object property is an ordinary unknown package',
    'apk add --no-cache __proto__ constructor',
    ALPINE,
    {
      paths: ['/.pkg/apk/__proto__', '/.pkg/apk/constructor'],
      unknowns: ['apk-package __proto__', 'apk-package constructor'],
      added: ['__proto__', 'constructor'],
    },
  ],
  ['upgrade is listed as not sized', 'apk upgrade', ALPINE, { unknowns: ['command apk upgrade'] }],
];

describe('apk effects', () => {
  it.each(TABLE)('%s: %s', (_what, command, setup, expected) => {
    expect(effectsOf(command, setup)).toMatchObject(expected);
  });

  it('adds curl with its libraries, and the cache only without --no-cache', () => {
    const lean = effectsOf('apk add --no-cache curl', ALPINE);
    const cached = effectsOf('apk add curl', ALPINE);
    expect(lean.added).toEqual(expect.arrayContaining(['curl', 'libcurl']));
    expect(cached.bytes - lean.bytes).toBe(effectsOf('apk update', ALPINE).bytes);
  });

  it('counts a cache removed in a later RUN as waste', () => {
    const e = effectsOf('apk cache clean', { ...ALPINE, before: ['RUN apk update'] });
    expect(e.wastedBefore).toBe(effectsOf('apk update', ALPINE).bytes);
  });
});

describe('programs an apk package brings', () => {
  it('dpkg installed with apk is there for the rest of the RUN (no command-not-found)', () => {
    const effects = effectsOf(
      'apk add --no-cache --virtual .deps dpkg && dpkgArch="$(dpkg --print-architecture)" && apk del --no-network .deps',
      { from: 'alpine:3.22' },
    );
    expect(effects.failures).toEqual([]);
  });

  it('without it, dpkg on Alpine fails the build', () => {
    expect(effectsOf('dpkg --print-architecture', { from: 'alpine:3.22' }).failures).toEqual([
      'command-not-found',
    ]);
  });
});
