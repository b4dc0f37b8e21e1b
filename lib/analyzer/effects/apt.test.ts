import { describe, expect, it } from 'vitest';
import { effectsOf, type Effects, type Setup } from './test-helpers';

const INSTALLED_GCC: Setup = { before: ['RUN apt-get update && apt-get install -y gcc'] };

/** Command words → what they do to a debian:bookworm-slim stage (unless the setup says otherwise). */
const TABLE: [string, string, Setup, Partial<Effects>][] = [
  ['update leaves the package lists', 'apt-get update', {}, { kinds: ['lists'] }],
  [
    'install --update fetches the lists first on apt 2.7 and later (trixie)',
    'apt-get install --update -y --no-install-recommends ca-certificates',
    { from: 'debian:trixie-slim' },
    { kinds: ['apt', 'lists'], failures: [] },
  ],
  [
    'install -U is the same option',
    'apt-get install -yU --no-install-recommends ca-certificates',
    { from: 'debian:trixie-slim' },
    { kinds: ['apt', 'lists'], failures: [] },
  ],
  [
    "bookworm's apt 2.6 does not know --update: the build fails",
    'apt-get install --update -y --no-install-recommends ca-certificates',
    { from: 'debian:bookworm-slim' },
    { failures: ['apt-lists-missing'] },
  ],
  [
    'lists removed in the same RUN ship nothing',
    'apt-get update && rm -rf /var/lib/apt/lists/*',
    {},
    { bytes: 0, deletes: ['/var/lib/apt/lists/*'] },
  ],
  [
    'install adds the package and its dependencies',
    'apt-get update && apt-get install -y --no-install-recommends curl',
    {},
    { kinds: ['apt', 'lists'], failures: [] },
  ],
  [
    'install without lists on a measured base fails the build',
    'apt-get install -y curl',
    {},
    { failures: ['apt-lists-missing'] },
  ],
  [
    'purging one of several requested packages, then autoremove, keeps only what the rest needs',
    'apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && apt-get -y purge build-essential && apt-get -y autoremove --purge && rm -rf /var/lib/apt/lists/*',
    {},
    { failures: [] },
  ],
  [
    'a simulation (-s) installs nothing',
    'apt-get update && apt-get install -s gcc',
    {},
    { kinds: ['lists'], added: [] },
  ],
  [
    'a package named by an unresolved variable is not sized',
    'apt-get update && apt-get install -y $DEPS',
    {},
    { unknowns: ['variable $DEPS'], added: [] },
  ],
  [
    'a local .deb cannot be sized',
    'apt-get update && apt-get install -y ./x.deb',
    {},
    { unknowns: ['apt-package ./x.deb'], added: [] },
  ],
  ['clean deletes the archive cache', 'apt-get clean', {}, { deletes: ['/var/cache/apt/*'] }],
  [
    'dist-clean before apt 2.7 (bookworm) fails the build',
    'apt-get dist-clean',
    {},
    { failures: ['apt-dist-clean-unavailable'], deletes: [] },
  ],
  [
    'dist-clean on trixie removes the lists',
    'apt-get update && apt-get dist-clean',
    { from: 'debian:trixie-slim' },
    {
      bytes: 0,
      deletes: ['/var/cache/apt/*', '/var/lib/apt/lists/*', '/var/lib/apt/lists'],
      failures: [],
    },
  ],
  [
    'upgrade is listed as not sized',
    'apt-get upgrade -y',
    {},
    { unknowns: ['command apt-get upgrade'] },
  ],
  [
    'apt-mark auto + purge --auto-remove removes the build dependencies of the same RUN',
    'savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc libc6-dev; apt-mark auto ".*" > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false',
    {},
    { added: [], failures: [] },
  ],
  [
    'dpkg -i of a local file is not sized',
    'dpkg -i /tmp/x.deb',
    {},
    { unknowns: ['apt-package /tmp/x.deb'], added: [] },
  ],
  [
    'dpkg --purge removes the package',
    'dpkg --purge tzdata',
    {},
    { removed: ['tzdata'], deletes: ['/.pkg/apt/tzdata'] },
  ],
];

describe('apt effects', () => {
  it.each(TABLE)('%s: %s', (_what, command, setup, expected) => {
    expect(effectsOf(command, setup)).toMatchObject(expected);
  });

  it('counts the lists of an update as waste when a later RUN removes them', () => {
    const update = effectsOf('apt-get update');
    expect(update.bytes).toBeGreaterThan(15e6);
    const later = effectsOf('rm -rf /var/lib/apt/lists/*', { before: ['RUN apt-get update'] });
    expect(later).toMatchObject({ bytes: 0, deletes: ['/var/lib/apt/lists/*'] });
    expect(later.wastedBefore).toBe(update.bytes);
  });

  it('installs nothing for a simulation (-s, -qs, --dry-run), but -o is not one', () => {
    const sizeOf = (install: string) =>
      effectsOf(install, { before: ['RUN apt-get update'] }).bytes;
    expect(sizeOf('apt-get install -y gcc')).toBeGreaterThan(0);
    expect(sizeOf('apt-get install -s gcc')).toBe(0);
    expect(sizeOf('apt-get install -qs gcc')).toBe(0);
    expect(sizeOf('apt-get --dry-run install gcc')).toBe(0);
    expect(sizeOf('apt-get install -y -oDpkg::Options::=--force-confdef gcc')).toBeGreaterThan(0);
  });

  it('installs more with Recommends than without', () => {
    const lean = effectsOf('apt-get update && apt-get install -y --no-install-recommends curl');
    const full = effectsOf('apt-get update && apt-get install -y curl');
    expect(full.bytes).toBeGreaterThan(lean.bytes);
    expect(full.added).toEqual(expect.arrayContaining(lean.added));
  });

  it('purge --auto-remove takes the dependencies with the package, and frees them as waste', () => {
    const e = effectsOf('apt-get purge -y --auto-remove gcc', INSTALLED_GCC);
    expect(e.removed).toEqual(expect.arrayContaining(['gcc', 'cpp', 'binutils']));
    expect(e.wastedBefore).toBeGreaterThan(0);
    const plain = effectsOf('apt-get purge -y gcc', INSTALLED_GCC);
    expect(plain.removed).toEqual(['gcc']);
  });
});

describe('autoremove after purging part of an install', () => {
  it('autoremove with package names removes them and what only they needed', () => {
    const e = effectsOf('apt-get autoremove -yqq --purge gcc', INSTALLED_GCC);
    expect(e.removed).toEqual(expect.arrayContaining(['gcc', 'cpp', 'binutils']));
    expect(e.wastedBefore).toBeGreaterThan(0);
  });

  it('drops what only the purged package needed and keeps the rest', () => {
    const { added } = effectsOf(
      'apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && apt-get -y purge build-essential && apt-get -y autoremove --purge && rm -rf /var/lib/apt/lists/*',
    );
    expect(added).toContain('libpq-dev');
    expect(added).toContain('libpq5');
    for (const p of ['build-essential', 'gcc', 'g++', 'make', 'dpkg-dev'])
      expect(added).not.toContain(p);
  });
});
