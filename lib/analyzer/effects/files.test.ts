import { describe, expect, it } from 'vitest';
import { effectsOf, type Effects, type Setup } from './test-helpers';

const COPIED: Setup = {
  before: ['COPY app /app'],
  context: [{ path: 'app/a', sizeBytes: 400_000 }],
};

/** Command words → what they do to files an earlier COPY put in /app (400 kB). */
const TABLE: [string, string, Setup, Partial<Effects>][] = [
  [
    'rm deletes and frees the earlier layer as waste',
    'rm -rf /app',
    COPIED,
    { bytes: 0, deletes: ['/app'], wastedBefore: 400_000 },
  ],
  [
    'rm of an unresolved variable does nothing',
    'rm -rf $DIR',
    COPIED,
    { deletes: [], wastedBefore: 0 },
  ],
  [
    'chown -R rewrites every file into the new layer',
    'chown -R 1000 /app',
    COPIED,
    { bytes: 400_000, kinds: ['copy'], wastedBefore: 400_000 },
  ],
  ['a plain chown duplicates nothing', 'chown 1000 /app', COPIED, { bytes: 0, wastedBefore: 0 }],
  [
    'cp duplicates',
    'cp -r /app /copy',
    COPIED,
    { bytes: 400_000, paths: ['/copy'], wastedBefore: 0 },
  ],
  [
    'mv duplicates and deletes the source',
    'mv /app /moved',
    COPIED,
    { bytes: 400_000, paths: ['/moved'], deletes: ['/app'], wastedBefore: 400_000 },
  ],
  [
    'find -delete records a pattern',
    'find /usr -name "*.pyc" -delete',
    {},
    { deletes: ['/usr/**/*.pyc'] },
  ],
  [
    'find ! -name KEEP -exec rm deletes everything else under the root',
    'find /app -mindepth 1 -maxdepth 1 ! -name keep -exec rm -rf {} ;',
    COPIED,
    { deletes: ['/app/*'], wastedBefore: 400_000 },
  ],
];

describe('find -delete', () => {
  it('records the pattern under the root with one slash, also for /', () => {
    expect(effectsOf("find / -name '*.pyc' -delete").deletes).toEqual(['/**/*.pyc']);
    expect(effectsOf("find /usr -name '*.pyc' -delete").deletes).toEqual(['/usr/**/*.pyc']);
  });
});

describe('file effects (rm, find, cp, mv, chown -R)', () => {
  it.each(TABLE)('%s: %s', (_what, command, setup, expected) => {
    expect(effectsOf(command, setup)).toMatchObject(expected);
  });

  it('duplicates copied files on RUN chown -R, but not with COPY --chown', () => {
    const ctx = [
      { path: 'app/a.js', sizeBytes: 400_000 },
      { path: 'app/b.js', sizeBytes: 600_000 },
    ];
    const chown = effectsOf('chown -R node:node /app', {
      from: 'node:22-slim',
      before: ['COPY app /app'],
      context: ctx,
    });
    expect(chown).toMatchObject({ bytes: 1_000_000, wastedBefore: 1_000_000 });
    const flag = effectsOf('true', {
      from: 'node:22-slim',
      before: ['COPY --chown=node:node app /app'],
      context: ctx,
    });
    expect(flag).toMatchObject({ bytes: 0, wastedBefore: 0 });
  });
});
