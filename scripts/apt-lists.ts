/**
 * Debian and Ubuntu apt lists for the generators (gen-apt.ts, gen-apt-names.ts): each release's
 * lists fetched with apt-get into a private directory (the same mirrors, deb.debian.org and
 * archive/security.ubuntu.com, signed by the distributions' archive keys), and its amd64
 * Packages indexes read back with the InRelease date.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a release's lists live (`lists`: already on this machine) and which suites it has. */
export interface AptSource {
  distro: 'debian' | 'ubuntu';
  lists?: string;
  suites: string[];
}

/** The suites each release's lists are made of, as the official images' sources list them. */
export const APT_SUITES = {
  bookworm: { distro: 'debian', suites: ['bookworm', 'bookworm-updates', 'bookworm-security'] },
  trixie: { distro: 'debian', suites: ['trixie', 'trixie-updates', 'trixie-security'] },
  focal: {
    distro: 'ubuntu',
    suites: ['focal', 'focal-updates', 'focal-security', 'focal-backports'],
  },
  jammy: {
    distro: 'ubuntu',
    suites: ['jammy', 'jammy-updates', 'jammy-security', 'jammy-backports'],
  },
  noble: {
    distro: 'ubuntu',
    suites: ['noble', 'noble-updates', 'noble-security', 'noble-backports'],
  },
} as const satisfies Record<string, AptSource>;

const DEBIAN_KEY = '/usr/share/keyrings/debian-archive-keyring.gpg';

/** apt-get options that use `dir` for lists and cache and `parts` for the sources. */
export const aptOptions = (dir: string, parts = join(dir, 'parts')): string[] => [
  '-o',
  'Dir::Etc::SourceList=/dev/null',
  '-o',
  `Dir::Etc::SourceParts=${parts}`,
  '-o',
  `Dir::State::Lists=${dir}/lists`,
  '-o',
  `Dir::Cache=${dir}/cache`,
  '-o',
  'Acquire::Languages=none',
];

/** The lists of `releases`, fetched on demand under `work` (`work/<release>`). */
export class AptLists<R extends string> {
  constructor(
    readonly work: string,
    readonly releases: Record<R, AptSource>,
  ) {}

  /** The release's lists directory (without fetching). */
  listsDir(release: R): string {
    return this.releases[release].lists ?? join(this.work, release, 'lists');
  }

  /** The folder apt uses for `release` (lists, cache, parts), its lists fetched when missing. */
  ensure(release: R): string {
    const r = this.releases[release];
    const dir = join(this.work, release);
    if (r.lists) return dir;
    if (
      existsSync(join(dir, 'lists')) &&
      readdirSync(join(dir, 'lists')).some((f) => f.includes('_Packages'))
    )
      return dir;
    for (const d of ['parts', 'lists/partial', 'cache/archives/partial'])
      mkdirSync(join(dir, d), { recursive: true });
    const main = r.suites.filter((s) => !s.endsWith('-security'));
    const sec = r.suites.filter((s) => s.endsWith('-security'));
    const [uri, secUri, comps, key] =
      r.distro === 'debian'
        ? [
            'http://deb.debian.org/debian',
            'http://deb.debian.org/debian-security',
            'main',
            DEBIAN_KEY,
          ]
        : [
            'http://archive.ubuntu.com/ubuntu',
            'http://security.ubuntu.com/ubuntu',
            'main restricted universe multiverse',
            this.ubuntuKeyring(),
          ];
    const entry = (u: string, suites: string[]) =>
      `Types: deb\nURIs: ${u}\nSuites: ${suites.join(' ')}\nComponents: ${comps}\nSigned-By: ${key}\n`;
    writeFileSync(
      join(dir, 'parts', `${release}.sources`),
      `${entry(uri, main)}\n${entry(secUri, sec)}`,
    );
    execFileSync('apt-get', [...aptOptions(dir), '-o', 'APT::Architectures::=amd64', 'update'], {
      stdio: 'inherit',
    });
    return dir;
  }

  /** Ubuntu's archive key: Debian trixie packages it (ubuntu-keyring); bookworm does not. */
  ubuntuKeyring(): string {
    const key = join(this.work, 'ubuntu-keyring', 'usr/share/keyrings/ubuntu-archive-keyring.gpg');
    if (existsSync(key)) return key;
    const dir = this.ensure('trixie' as R);
    const debs = join(this.work, 'debs');
    mkdirSync(debs, { recursive: true });
    execFileSync('apt-get', [...aptOptions(dir), 'download', 'ubuntu-keyring'], {
      cwd: debs,
      stdio: 'inherit',
    });
    const deb = readdirSync(debs).find((f) => f.startsWith('ubuntu-keyring_'));
    if (!deb) throw new Error('apt-get download ubuntu-keyring left no .deb');
    execFileSync('dpkg-deb', ['-x', join(debs, deb), join(this.work, 'ubuntu-keyring')]);
    return key;
  }

  /** The release's amd64 Packages indexes (as text) and the newest InRelease date. */
  packages(release: R) {
    this.ensure(release);
    const dir = this.listsDir(release);
    const files = readdirSync(dir).filter((f) => /_binary-amd64_Packages(\.\w+)?$/.test(f));
    const dates = readdirSync(dir)
      .filter((f) => f.endsWith('_InRelease'))
      .map((f) => /^Date: (.*)$/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1])
      .filter((d): d is string => Boolean(d))
      .map((d) => new Date(d).toISOString().slice(0, 10))
      .sort();
    const texts = files.map((f) => {
      const p = join(dir, f);
      return /\.(lz4|xz|gz|zst)$/.test(f)
        ? execFileSync('/usr/lib/apt/apt-helper', ['cat-file', p], {
            maxBuffer: 1 << 30,
            encoding: 'utf8',
          })
        : readFileSync(p, 'utf8');
    });
    return { files, texts, newestInRelease: dates[dates.length - 1] };
  }
}
