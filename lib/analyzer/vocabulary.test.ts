import { describe, expect, it } from 'vitest';
import {
  APT_GET_OPERATIONS,
  aptGetOperationWord,
  homeOf,
  isBuildToolInImage,
  isBuildToolPackage,
  isPipProgram,
  isPythonProgram,
  isShellProgram,
  omitsDevDependencies,
  operands,
  subcommand,
} from './vocabulary';

const cmd = (line: string) => {
  const [name, ...args] = line.split(' ');
  return { name, args };
};

describe('subcommand and operands', () => {
  it.each([
    ['apt-get -o Acquire::Retries=3 install -y curl', 'install'],
    ['apt-get -t bookworm-backports install x', 'install'],
    ['apt-get --default-release bookworm install x', 'install'],
    ['apk --repository http://x add curl', 'add'],
    ['apk -t .deps add gcc', 'add'],
    ['npm --prefix /app ci', 'ci'],
    ['npm --omit dev install', 'install'],
    ['yarn --cwd /app install', 'install'],
    ['pip --cache-dir /c install flask', 'install'],
    ['/usr/bin/pip3 --log x.log install flask', 'install'],
    ['apt-get -- install', 'install'],
    ['make', undefined],
  ])('%s → %s', (line, sub) => {
    expect(subcommand(cmd(line))).toBe(sub);
  });

  it('skips option values, keeps a lone "-" and everything after "--"', () => {
    expect(operands(['install', '--omit', 'dev', 'express'], 'npm')).toEqual([
      'install',
      'express',
    ]);
    expect(operands(['-', 'x'], 'tar')).toEqual(['-', 'x']);
    expect(operands(['-a', '--', '-b', 'c'], 'cp')).toEqual(['-b', 'c']);
  });
});

describe('program names', () => {
  it.each([
    ['pip', true],
    ['pip3', true],
    ['pip3.12', true],
    ['/opt/venv/bin/pip', true],
    ['pipx', false],
  ])('isPipProgram(%s) is %s', (word, is) => {
    expect(isPipProgram(word)).toBe(is);
  });

  it.each([
    ['python', true],
    ['python3.13', true],
    ['/usr/local/bin/python3', true],
    ['python-config', false],
  ])('isPythonProgram(%s) is %s', (word, is) => {
    expect(isPythonProgram(word)).toBe(is);
  });

  it('knows the shells that run -c', () => {
    expect(['sh', 'bash', 'dash', 'ash', 'zsh'].every(isShellProgram)).toBe(true);
    expect(isShellProgram('fish')).toBe(false);
  });
});

describe('homeOf', () => {
  it.each([
    ['', '/root'],
    ['root', '/root'],
    ['0:0', '/root'],
    ['app', '/home/app'],
    ['app:app', '/home/app'],
    ['nonroot', '/home/nonroot'],
    ['65532', '/home/nonroot'],
    ['nobody', '/nonexistent'],
  ])('%s → %s', (user, home) => {
    expect(homeOf(user)).toBe(home);
  });
});

describe('build tools', () => {
  it.each(['gcc', 'gcc-12', 'g++', 'clang-18', 'make', 'build-essential', 'libpq-dev', 'musl-dev'])(
    '%s is a build tool in both readings',
    (name) => {
      expect(isBuildToolPackage(name)).toBe(true);
      expect(isBuildToolInImage(name)).toBe(true);
    },
  );

  it.each(['curl', 'libpq5', 'python3', 'ca-certificates'])('%s is no build tool', (name) => {
    expect(isBuildToolPackage(name)).toBe(false);
    expect(isBuildToolInImage(name)).toBe(false);
  });

  it('keeps the two readings where they disagree (see vocabulary.ts)', () => {
    for (const name of ['linux-headers', 'go', 'patch']) {
      expect(isBuildToolInImage(name)).toBe(true);
      expect(isBuildToolPackage(name)).toBe(false);
    }
    for (const name of ['golang-go', 'ninja-build', 'meson', 'gfortran-12', 'gcc-12.2']) {
      expect(isBuildToolPackage(name)).toBe(true);
      expect(isBuildToolInImage(name)).toBe(false);
    }
  });
});

describe('omitsDevDependencies', () => {
  const none = () => undefined;
  const env = (vars: Record<string, string>) => (name: string) => vars[name];

  it.each([
    ['--production', true],
    ['--prod', true],
    ['--omit=dev', true],
    ['--omit dev', true],
    ['--omit=development', true],
    ['--only=production', true],
    ['--only prod', true],
    ['--production=false', false],
    ['--omit=optional', false],
    ['', false],
  ])('npm install %s → %s', (flags, omits) => {
    expect(omitsDevDependencies(flags.split(' ').filter(Boolean), none)).toBe(omits);
  });

  it('reads NODE_ENV and npm config variables, unless dev is included again', () => {
    const prod = env({ NODE_ENV: 'production' });
    expect(omitsDevDependencies([], prod)).toBe(true);
    expect(omitsDevDependencies(['--include=dev'], prod)).toBe(false);
    expect(omitsDevDependencies(['--include=optional'], prod)).toBe(true);
    expect(omitsDevDependencies(['--production=false'], prod)).toBe(false);
    expect(omitsDevDependencies([], env({ npm_config_production: 'true' }))).toBe(true);
    expect(omitsDevDependencies([], env({ npm_config_production: 'false' }))).toBe(false);
    expect(omitsDevDependencies([], env({ NPM_CONFIG_OMIT: 'dev' }))).toBe(true);
    expect(omitsDevDependencies([], env({ NODE_ENV: 'development' }))).toBe(false);
  });
});

describe('aptGetOperationWord', () => {
  it.each([
    [['update'], 'update'],
    [['-y', 'install', 'curl'], 'install'],
    [['-qq', 'updat'], 'updat'],
    [['-o', 'Acquire::Retries=3', 'update'], 'update'],
    [['-o=Acquire::Retries=3', 'update'], 'update'],
    [['-t', 'bookworm-backports', 'install', 'x'], 'install'],
    [['--no-install-recommends', 'instal', 'x'], 'instal'],
    [['-q', '2', 'update'], undefined],
    [['--frobnicate', 'update'], undefined],
    [['--help', 'foo'], undefined],
    [['-v'], undefined],
    [[], undefined],
  ] as const)('%j → %s', (args, word) => {
    expect(aptGetOperationWord(args)).toBe(word);
  });

  it('knows the operations of apt-get.cc, dist-clean included', () => {
    for (const op of [
      'full-upgrade',
      'auto-remove',
      'autopurge',
      'markauto',
      'indextargets',
      'moo',
      'satisfy',
      'dist-clean',
      'help',
    ])
      expect(APT_GET_OPERATIONS.has(op)).toBe(true);
    expect(APT_GET_OPERATIONS.has('list')).toBe(false);
  });
});
