// Generates lib/sizes/generated/apt.json: Debian/Ubuntu package tables (Installed-Size, Depends,
// Pre-Depends, Recommends, Provides) for the packages Dockerfiles commonly install, every package
// of the measured base images, and the dependency closure of both.
//
// Usage:
//   npx tsx scripts/gen-apt.ts            build from the apt lists (fetching missing ones with apt)
//   npx tsx scripts/gen-apt.ts --measure  also download a sample of .debs into /tmp and measure
//                                       doc/man/locale and .py bytes (data/apt-measured-debs.json)
//
// Inputs: bookworm = this machine's /var/lib/apt/lists (apt-get update already run). Other releases
// are fetched with apt-get into private directories under /tmp/layerlab-apt/<release>, using the
// same mirrors (deb.debian.org, archive/security.ubuntu.com). The InRelease dates are recorded.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AptReleaseTable, AptTable } from '../lib/sizes/apt';
import type { AptRelease } from '../lib/sizes/types';
import { APT_SUITES, AptLists, aptOptions, type AptSource } from './apt-lists';

/** A package of a release's Packages index (the newest version when several are listed). */
interface DebPackage {
  name: string;
  version: string;
  installedKiB: number;
  depends: string[][];
  recommends: string[][];
  provides: string[];
  priority: string;
  filename?: string;
  debBytes: number;
}

/** One release's archive, read: packages by name, virtual names' providers (preferred first). */
interface ReleaseIndex {
  pkgs: Map<string, DebPackage>;
  providers: Map<string, string[]>;
  files: string[];
  newestInRelease: string;
}

/** What a downloaded .deb holds (one package of data/apt-measured-debs.json). */
interface MeasuredDeb {
  version: string;
  fileBytes: number;
  docBytes: number;
  pyBytes: number;
  debBytes: number;
}

interface MeasuredFile {
  releases: Partial<
    Record<AptRelease, { measuredOn: string; packages: Record<string, MeasuredDeb> }>
  >;
}

type Calibration = ReturnType<typeof calibrate>;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BASE_IMAGES = join(ROOT, 'data', 'base-images.json');
const OUTPUT = join(ROOT, 'lib', 'sizes', 'generated', 'apt.json');
const MEASURED = join(ROOT, 'data', 'apt-measured-debs.json');
const WORK = '/tmp/layerlab-apt';

/** Packages Dockerfiles commonly install (apt-get install lines of real-world images). */
export const SEED = `
build-essential gcc g++ make cmake pkg-config pkgconf autoconf automake libtool ninja-build meson
bison flex clang llvm gfortran ccache swig musl-tools upx-ucl gdb strace valgrind lsof
curl wget git git-lfs ca-certificates gnupg gnupg2 gpg gpg-agent dirmngr openssh-client
openssh-server ssh apt-transport-https apt-utils software-properties-common lsb-release
python3 python3-pip python3-venv python3-dev python3-setuptools python3-wheel python3-distutils
python3-full python-is-python3 python3-yaml python3-requests python3-numpy python3-psycopg2
python3-cryptography python3-lxml python3-pil python3-virtualenv virtualenv pipx cython3
libpq-dev libpq5 postgresql-client postgresql postgresql-contrib default-libmysqlclient-dev
default-mysql-client mariadb-client libmariadb-dev libmariadb3 libsqlite3-dev sqlite3
redis-tools redis-server memcached unixodbc unixodbc-dev freetds-dev tdsodbc libaio1 libaio1t64
libssl-dev libffi-dev zlib1g-dev libxml2-dev libxslt1-dev libjpeg-dev libjpeg62-turbo-dev
libpng-dev libfreetype6-dev liblcms2-dev libwebp-dev libtiff-dev libtiff5-dev libopenjp2-7-dev
libbz2-dev liblzma-dev libreadline-dev libncurses-dev libncurses5-dev libncursesw5-dev
libgdbm-dev tk-dev uuid-dev libcurl4-openssl-dev libevent-dev libyaml-dev libgmp-dev
libsasl2-dev libldap2-dev libkrb5-dev libmagic1 libmagic-dev libzstd-dev libsnappy-dev
libboost-dev libprotobuf-dev protobuf-compiler libhdf5-dev libopenblas-dev liblapack-dev
libblas-dev libatlas-base-dev libgomp1 libgeos-dev libproj-dev gdal-bin libgdal-dev
libspatialindex-dev libcairo2-dev libcairo2 libpango1.0-dev libpango-1.0-0 libgirepository1.0-dev
libdbus-1-dev libsystemd-dev libusb-1.0-0-dev libudev-dev libasound2-dev libasound2 portaudio19-dev
libsndfile1 libsndfile1-dev libavcodec-dev libavformat-dev libswscale-dev libopencv-dev
libgl1 libgl1-mesa-glx libgl1-mesa-dri libglib2.0-0 libglib2.0-dev libsm6 libxext6 libxrender1
libxrender-dev libfontconfig1 libx11-6 libxcb1 libnss3 libnss3-tools libatk1.0-0
libatk-bridge2.0-0 libcups2 libdrm2 libxkbcommon0 libxcomposite1 libxdamage1 libxfixes3
libxrandr2 libgbm1 libpangocairo-1.0-0 libgtk-3-0 libxss1 libxtst6 libxshmfence1
libgdk-pixbuf2.0-0 libgdk-pixbuf-2.0-0 libvips libvips-dev libheif1 libmagickwand-dev
libxmlsec1-dev xmlsec1 libzmq3-dev librdkafka-dev libsodium-dev libnuma1 libjemalloc2
libjemalloc-dev libgit2-dev libc6-dev linux-libc-dev libcap2-bin
fonts-liberation fonts-noto-color-emoji fonts-dejavu-core fonts-freefont-ttf fonts-ipafont-gothic
fonts-wqy-zenhei fonts-thai-tlwg fonts-kacst fontconfig xvfb xauth xdg-utils
vim vim-tiny nano less jq yq unzip zip xz-utils tar gzip bzip2 p7zip-full zstd tini dumb-init
gosu locales locales-all tzdata tzdata-legacy iputils-ping net-tools iproute2 procps dnsutils
bind9-dnsutils netcat netcat-openbsd netcat-traditional telnet traceroute nmap tcpdump socat
htop tree file patch rsync sudo cron supervisor nginx nginx-light apache2 apache2-utils haproxy
lighttpd certbot python3-certbot-nginx imagemagick ffmpeg ghostscript poppler-utils
tesseract-ocr tesseract-ocr-eng wkhtmltopdf pandoc graphviz texlive-latex-base sox
chromium chromium-driver chromium-browser firefox-esr
openjdk-17-jre-headless openjdk-17-jdk-headless openjdk-17-jdk openjdk-17-jre
openjdk-21-jre-headless openjdk-21-jdk-headless default-jre-headless default-jre
default-jdk-headless default-jdk maven gradle ant ca-certificates-java java-common
nodejs npm yarnpkg ruby ruby-dev ruby-full ruby-bundler bundler
php-cli php php-fpm php-mysql php-pgsql php-curl php-mbstring php-xml php-zip php-gd php-intl
composer perl libperl-dev cpanminus golang-go golang rustc cargo
gettext gettext-base mime-support media-types shared-mime-info netbase openssl libssl3 libssl3t64
subversion mercurial dos2unix moreutils gawk man-db manpages dialog whiptail acl attr
ldap-utils krb5-user shellcheck uwsgi uwsgi-plugin-python3 gunicorn xmlstarlet time bc expect
parallel wait-for-it ripgrep docker.io ansible awscli gh unattended-upgrades cron-daemon-common
sq sqv libxslt-dev
`
  .split(/\s+/)
  .filter(Boolean);

/** Where each release's lists live and how apt fetches them when they are missing. */
const RELEASES: Record<AptRelease, AptSource> = {
  ...APT_SUITES,
  bookworm: { ...APT_SUITES.bookworm, lists: '/var/lib/apt/lists' },
};

/** Paths the Debian -slim images exclude with dpkg path-exclude (debuerreotype .slimify-excludes). */
const DOC_EXCLUDE = /^\.?\/usr\/share\/(doc|groff|info|linda|lintian\/overrides|locale|man)\//;
/** ...and the ones they keep (debuerreotype .slimify-includes). */
const DOC_INCLUDE =
  /^\.?\/usr\/share\/(doc\/[^/]+\/copyright$|locale\/(locale\.alias|all_languages|languages)$|locale\/(currency|l10n)\/)/;
const PY_FILE = /^\.?\/usr\/lib\/python3(\.\d+)?\/.*\.py$/;

/**
 * .pyc bytes Debian writes per byte of .py (py3compile / the interpreter's postinst): measured on
 * this machine 2026-11-27 over /usr/lib/python3/dist-packages (16,856,595 B of .py, 19,670,456 B of
 * .pyc for Python 3.11: 1.167) and /usr/lib/python3.11 (11,274,102 / 12,623,573: 1.120).
 */
export const DEBIAN_PYC_PER_PY_BYTE = 1.167;

const apt = new AptLists<AptRelease>(WORK, RELEASES);

/**
 * `du -sb` of the lists directory right after `apt-get update` with Acquire::GzipIndexes=true,
 * the setting of the official Debian images (docker-gzip-indexes) and, judging by the data's
 * jammy figure (39.82 MB in 2022, below the ~73 MB its release indexes take uncompressed), of the
 * Ubuntu images too. bookworm is this machine's own lists directory (same config).
 */
function measureLists(release: AptRelease): number {
  // bookworm: the figure measured on this machine by the data collector (PACKAGE-SIZES.md).
  if (release === 'bookworm') {
    const sizes = JSON.parse(readFileSync(join(ROOT, 'data', 'package-sizes.json'), 'utf8'));
    return sizes.debianAptListsBytes['debian-bookworm'].bytes;
  }
  let dir = RELEASES[release].lists;
  if (!dir) {
    const work = join(WORK, `${release}-gz`);
    dir = join(work, 'lists');
    if (!existsSync(dir) || !readdirSync(dir).some((f) => f.includes('_Packages'))) {
      apt.ensure(release);
      for (const d of ['lists/partial', 'cache/archives/partial'])
        mkdirSync(join(work, d), { recursive: true });
      execFileSync(
        'apt-get',
        [
          ...aptOptions(work, join(WORK, release, 'parts')),
          '-o',
          'Acquire::GzipIndexes=true',
          'update',
        ],
        { stdio: 'inherit' },
      );
    }
  }
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split(/\s/)[0]);
}

// dpkg version comparison (deb-version(7)).
function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[0-9]/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !/[0-9]/.test(a[i])) || (j < b.length && !/[0-9]/.test(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    let first = 0;
    while (/[0-9]/.test(a[i] ?? '') && /[0-9]/.test(b[j] ?? '')) {
      if (!first) first = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (/[0-9]/.test(a[i] ?? '')) return 1;
    if (/[0-9]/.test(b[j] ?? '')) return -1;
    if (first) return first;
  }
  return 0;
}
export function compareDebVersions(a: string, b: string): number {
  const split = (v: string): [number, string, string] => {
    const c = v.indexOf(':');
    const epoch = c >= 0 ? Number(v.slice(0, c)) : 0;
    const rest = c >= 0 ? v.slice(c + 1) : v;
    const d = rest.lastIndexOf('-');
    return [epoch, d >= 0 ? rest.slice(0, d) : rest, d >= 0 ? rest.slice(d + 1) : ''];
  };
  const [ea, ua, ra] = split(a);
  const [eb, ub, rb] = split(b);
  return ea - eb || verrevcmp(ua, ub) || verrevcmp(ra, rb);
}

/** `a (>= 1) | b:any, c` → [['a','b'],['c']] */
function parseRelations(s: string | undefined): string[][] {
  if (!s) return [];
  return s
    .split(',')
    .map((group) =>
      group
        .split('|')
        .map((alt) =>
          alt
            .trim()
            .replace(/\s*\(.*\)/, '')
            .replace(/\s*\[.*\]/, '')
            .replace(/\s*<.*>/, '')
            .replace(/:\w+$/, ''),
        )
        .filter(Boolean),
    )
    .filter((g) => g.length > 0);
}

function parseStanzas(text: string, into: Map<string, DebPackage>): void {
  for (const block of text.split('\n\n')) {
    if (!block.startsWith('Package:')) continue;
    const fields: Record<string, string> = {};
    let last: string | null = null;
    for (const line of block.split('\n')) {
      if (line.startsWith(' ') || line.startsWith('\t')) {
        if (last) fields[last] += line;
        continue;
      }
      const c = line.indexOf(':');
      if (c < 0) continue;
      last = line.slice(0, c);
      fields[last] = line.slice(c + 1).trim();
    }
    const name = fields.Package;
    const version = fields.Version;
    const prev = into.get(name);
    if (prev && compareDebVersions(prev.version, version) >= 0) continue;
    into.set(name, {
      name,
      version,
      installedKiB: Number(fields['Installed-Size'] ?? 0),
      depends: [...parseRelations(fields['Pre-Depends']), ...parseRelations(fields.Depends)],
      recommends: parseRelations(fields.Recommends),
      provides: parseRelations(fields.Provides).map((g) => g[0]),
      priority: fields.Priority ?? 'optional',
      filename: fields.Filename,
      debBytes: Number(fields.Size ?? 0),
    });
  }
}

/** The package `name` of a map that is known to hold it. */
function pkgOf(pkgs: Map<string, DebPackage>, name: string): DebPackage {
  const p = pkgs.get(name);
  if (!p) throw new Error(`no package ${name}`);
  return p;
}

/** The releases in the order the table lists them. */
const releaseNames = () => Object.keys(RELEASES) as AptRelease[];

const PRIORITY: Record<string, number> = {
  required: 0,
  important: 1,
  standard: 2,
  optional: 3,
  extra: 4,
};

function loadRelease(release: AptRelease): ReleaseIndex {
  const { files, texts, newestInRelease } = apt.packages(release);
  const pkgs = new Map<string, DebPackage>();
  for (const t of texts) parseStanzas(t, pkgs);
  const providers = new Map<string, string[]>();
  for (const p of pkgs.values()) {
    for (const v of p.provides) {
      const list = providers.get(v) ?? [];
      list.push(p.name);
      providers.set(v, list);
    }
  }
  for (const list of providers.values()) {
    list.sort(
      (a, b) =>
        (PRIORITY[pkgOf(pkgs, a).priority] ?? 3) - (PRIORITY[pkgOf(pkgs, b).priority] ?? 3) ||
        a.localeCompare(b),
    );
  }
  return { pkgs, providers, files, newestInRelease };
}

function baseLists(
  images: { packages: string[] | null; packageManager: string; osRelease: string }[],
): Partial<Record<AptRelease, Set<string>>> {
  const byRelease: Partial<Record<AptRelease, Set<string>>> = {};
  for (const img of images) {
    if (!img.packages || img.packageManager !== 'apt') continue;
    const os = img.osRelease.toLowerCase();
    const release = releaseNames().find((r) => os.includes(r));
    if (!release) continue;
    const set = (byRelease[release] ??= new Set());
    for (const p of img.packages) set.add(p);
  }
  return byRelease;
}

/**
 * Closure over Depends + Pre-Depends + Recommends: for each alternatives group, the real packages
 * already chosen or the first that exists; virtual names pull in their preferred provider.
 */
function closure(rel: ReleaseIndex, roots: string[]): Set<string> {
  const { pkgs, providers } = rel;
  const keep = new Set<string>();
  const stack = [...roots];
  const pick = (group: string[]): string | null => {
    for (const alt of group) if (keep.has(alt)) return alt;
    for (const alt of group) if (pkgs.has(alt)) return alt;
    for (const alt of group) {
      const first = providers.get(alt)?.[0];
      if (providers.has(alt)) return first as string;
    }
    return null;
  };
  while (stack.length) {
    const name = stack.pop() as string;
    if (keep.has(name)) continue;
    const provider = providers.get(name)?.[0];
    const p = pkgs.get(name) ?? (providers.has(name) ? pkgs.get(provider as string) : null);
    if (!p || keep.has(p.name)) continue;
    keep.add(p.name);
    for (const group of [...p.depends, ...p.recommends]) {
      const chosen = pick(group);
      if (chosen) stack.push(chosen);
    }
  }
  return keep;
}

function debFiles(dir: string): Map<string, string> {
  // apt-get download names files name_version_arch.deb with the epoch's ':' written as %3a.
  const map = new Map<string, string>();
  for (const f of readdirSync(dir)) {
    const m = /^([^_]+)_([^_]+)_[^_]+\.deb$/.exec(f);
    if (m) map.set(`${m[1]} ${decodeURIComponent(m[2])}`, join(dir, f));
  }
  return map;
}

function measureDebs(
  release: AptRelease,
  rel: ReleaseIndex,
  names: string[],
): Record<string, MeasuredDeb> {
  const dir = join(WORK, 'debs', release);
  mkdirSync(dir, { recursive: true });
  const have = debFiles(dir);
  // name=version: otherwise apt's candidate can be this machine's installed (newer) version.
  const missing = names
    .filter((n) => rel.pkgs.has(n) && !have.has(`${n} ${pkgOf(rel.pkgs, n).version}`))
    .map((n) => `${n}=${pkgOf(rel.pkgs, n).version}`);
  const opts = RELEASES[release].lists ? [] : aptOptions(join(WORK, release));
  for (let i = 0; i < missing.length; i += 40) {
    try {
      execFileSync('apt-get', [...opts, 'download', ...missing.slice(i, i + 40)], {
        cwd: dir,
        stdio: 'ignore',
      });
    } catch {
      for (const n of missing.slice(i, i + 40)) {
        try {
          execFileSync('apt-get', [...opts, 'download', n], { cwd: dir, stdio: 'ignore' });
        } catch {
          console.warn(`could not download ${n} (${release})`);
        }
      }
    }
  }
  const debs = debFiles(dir);
  const out: Record<string, MeasuredDeb> = {};
  for (const n of names) {
    const p = rel.pkgs.get(n);
    const f = p && debs.get(`${n} ${p.version}`);
    if (!p || !f) continue;
    const listing = execFileSync('dpkg-deb', ['-c', f], { maxBuffer: 1 << 28, encoding: 'utf8' });
    let doc = 0;
    let py = 0;
    let files = 0;
    for (const line of listing.split('\n')) {
      const m = /^(\S)\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(.*?)(?: -> .*)?$/.exec(line);
      if (!m || m[1] !== '-') continue;
      const size = Number(m[2]);
      const path = m[3];
      files += size;
      if (DOC_EXCLUDE.test(path) && !DOC_INCLUDE.test(path)) doc += size;
      if (PY_FILE.test(path)) py += size;
    }
    out[n] = {
      version: p.version,
      fileBytes: files,
      docBytes: doc,
      pyBytes: py,
      debBytes: statSync(f).size,
    };
  }
  return out;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const isPythonPackage = (n: string) => /^(python3|libpython3|python-is-python3)/.test(n);

/** Sample measured per release: every base package of the Debian/Ubuntu images plus a seed subset. */
const SAMPLE_SEED = `
curl wget git ca-certificates gnupg openssh-client python3 python3-pip python3-venv python3-dev
python3-setuptools python3-wheel python3-distutils python3-lib2to3 python3-pkg-resources
python3-yaml python3-requests libpq-dev libpq5 postgresql-client default-libmysqlclient-dev
libssl-dev libffi-dev zlib1g-dev libxml2-dev libxslt1-dev libjpeg-dev vim nano less jq unzip zip
xz-utils tini dumb-init gosu locales tzdata iputils-ping net-tools procps dnsutils bind9-dnsutils
nginx supervisor imagemagick libglib2.0-0 libgl1 fonts-liberation sqlite3 redis-tools gettext
sudo htop rsync file patch bzip2 make gcc g++ cpp binutils pkg-config cmake libc6-dev
perl perl-modules-5.36 perl-modules-5.40 libperl5.36 libperl5.40 openssl krb5-locales
libpython3.11-stdlib libpython3.11-minimal python3.11 python3.11-minimal libpython3.11-dev
libpython3.13-stdlib libpython3.13-minimal python3.13 python3.13-minimal libpython3.13-dev
libpython3.12-stdlib python3.12 libpython3.12t64 libpython3.12-minimal python3.12-minimal
libpython3.10-stdlib python3.10 libpython3.8-stdlib python3.8 git-man manpages manpages-dev
libgcc-12-dev libstdc++-12-dev libgcc-14-dev libstdc++-14-dev libicu72 libicu76 libicu74 libicu70
coreutils bash util-linux libc6 libc-bin tar findutils
`
  .split(/\s+/)
  .filter(Boolean);

export function encodeTable(
  rel: ReleaseIndex,
  keep: Set<string>,
  measured: Record<string, MeasuredDeb> | undefined,
  cal: Calibration,
  seeds: string[],
): Pick<AptReleaseTable, 'names' | 'rows' | 'virtuals'> {
  const names = [...keep].sort();
  const index = new Map(names.map((n, i) => [n, i.toString(36)]));
  const virtuals: Record<string, string[]> = {};
  const ref = (n: string): string | null => {
    const at = index.get(n);
    if (at !== undefined) return at;
    const providers = (rel.providers.get(n) ?? []).filter((p) => keep.has(p));
    if (providers.length === 0) return null;
    virtuals[n] = providers;
    return `~${n}`;
  };
  for (const s of seeds) if (!keep.has(s)) ref(s);
  const groups = (gs: string[][]) =>
    gs
      .map((g) => g.map(ref).filter((x) => x !== null))
      .filter((g) => g.length > 0)
      .map((g) => g.join('/'))
      .join(',');
  const rows = names.map((name) => {
    const p = pkgOf(rel.pkgs, name);
    const installed = p.installedKiB * 1024;
    const m = measured?.[name];
    // Installed-Size rounds each file up (and older dpkg counted blocks); Docker counts file bytes.
    // Same version measured: its bytes. Other version: its shares. Unmeasured: calibrated shares.
    const sameVersion = m && m.version === p.version;
    const files = sameVersion ? m.fileBytes : installed * cal.fileBytesPerInstalledByte;
    const scale = m && !sameVersion ? files / Math.max(1, m.fileBytes) : 1;
    const docBytes = m ? m.docBytes * scale : files * cal.docShare;
    let pyc = 0;
    if (m) pyc = m.pyBytes * DEBIAN_PYC_PER_PY_BYTE * scale;
    else if (isPythonPackage(name)) pyc = files * cal.pycShare;
    const filesKiB = Math.round(files / 1024);
    const docKiB = Math.min(filesKiB, Math.round(docBytes / 1024));
    return [
      p.version,
      p.installedKiB,
      docKiB,
      Math.round(pyc / 1024),
      groups(p.depends),
      groups(p.recommends),
      sameVersion ? filesKiB : '',
    ].join('|');
  });
  return { names: names.join('\n'), rows: rows.join('\n'), virtuals };
}

function calibrate(measuredAll: Record<string, MeasuredDeb>, rel: ReleaseIndex) {
  const entries = Object.entries(measuredAll);
  const same = entries.filter(([n, m]) => rel.pkgs.get(n)?.version === m.version);
  const fileBytesPerInstalledByte =
    same.reduce((s, [, m]) => s + m.fileBytes, 0) /
    Math.max(
      1,
      same.reduce((s, [n]) => s + pkgOf(rel.pkgs, n).installedKiB * 1024, 0),
    );
  const nonPython = entries.filter(([n]) => !isPythonPackage(n));
  const docShare =
    nonPython.reduce((s, [, m]) => s + m.docBytes, 0) /
    Math.max(
      1,
      nonPython.reduce((s, [, m]) => s + m.fileBytes, 0),
    );
  const medianDocShare = median(nonPython.map(([, m]) => m.docBytes / Math.max(1, m.fileBytes)));
  const py = entries.filter(([n, m]) => isPythonPackage(n) && m.fileBytes > 0);
  const pycShare = median(py.map(([, m]) => (m.pyBytes * DEBIAN_PYC_PER_PY_BYTE) / m.fileBytes));
  return {
    fileBytesPerInstalledByte: round4(fileBytesPerInstalledByte),
    docShare: round4(medianDocShare),
    docShareByteWeighted: round4(docShare),
    pycShare: round4(pycShare),
    sampleSize: entries.length,
    pythonSampleSize: py.length,
  };
}

async function main() {
  const measure = process.argv.includes('--measure');
  const images = JSON.parse(readFileSync(BASE_IMAGES, 'utf8')).images as Parameters<
    typeof baseLists
  >[0];
  const bases = baseLists(images);
  const measuredFile: MeasuredFile = existsSync(MEASURED)
    ? JSON.parse(readFileSync(MEASURED, 'utf8'))
    : { releases: {} };
  const out: AptTable & { generatedBy: string; format: string } = {
    source:
      'Debian and Ubuntu archive Packages indexes (amd64) read with apt on this machine; doc and .py shares from .deb contents (dpkg-deb -c)',
    generatedBy: 'scripts/gen-apt.ts',
    generatedOn: new Date().toISOString().slice(0, 10),
    format:
      'names: sorted package names, one a line; rows: the same order, version|Installed-Size KiB|doc KiB|pyc KiB|depends|recommends|file KiB (measured from the .deb, else empty: Installed-Size × calibration.fileBytesPerInstalledByte), groups joined by ",", alternatives by "/", each a base-36 index into names or ~virtual (see virtuals: providers in apt preference order)',
    releases: {} as AptTable['releases'],
  };
  for (const release of releaseNames()) {
    const rel = loadRelease(release);
    const base = bases[release] ?? new Set();
    const seeds = [...SEED, ...base].filter((n) => rel.pkgs.has(n) || rel.providers.has(n));
    const keep = closure(rel, seeds);
    // Make sure every base package is present (base lists are installed sets, even if unreachable).
    for (const b of base) if (rel.pkgs.has(b)) keep.add(b);
    if (measure) {
      const sample = [
        ...new Set([...base, ...SAMPLE_SEED, ...[...keep].filter(isPythonPackage)]),
      ].filter((n) => keep.has(n) && pkgOf(rel.pkgs, n).debBytes < 40e6);
      const mb = sample.reduce((s, n) => s + pkgOf(rel.pkgs, n).debBytes, 0) / 1e6;
      console.log(`${release}: measuring ${sample.length} packages (${mb.toFixed(1)} MB of .debs)`);
      if (process.argv.includes('--plan')) continue;
      measuredFile.releases[release] = {
        measuredOn: new Date().toISOString().slice(0, 10),
        packages: measureDebs(release, rel, sample),
      };
      writeFileSync(
        MEASURED,
        JSON.stringify(measuredFile, null, 0).replace(/\},"/g, '},\n"') + '\n',
      );
    }
    const measured = measuredFile.releases[release]?.packages ?? {};
    const cal = calibrate(
      Object.keys(measured).length ? measured : (measuredFile.releases.bookworm?.packages ?? {}),
      rel,
    );
    const { names, rows, virtuals } = encodeTable(rel, keep, measured, cal, seeds);
    const missingSeeds = SEED.filter((n) => !rel.pkgs.has(n) && !rel.providers.has(n));
    const missingBase = [...base].filter((n) => !rel.pkgs.has(n));
    const listsBytes = measureLists(release);
    out.releases[release] = {
      listsBytes,
      listsNote: `du -sb of /var/lib/apt/lists after apt-get update (${RELEASES[release].suites.join(', ')}; ${RELEASES[release].distro === 'ubuntu' ? 'main restricted universe multiverse' : 'main'}; indexes kept compressed as the official images do), ${new Date().toISOString().slice(0, 10)}`,
      inputs: {
        files: rel.files,
        newestInRelease: rel.newestInRelease,
        packagesInArchive: rel.pkgs.size,
      },
      calibration: cal,
      measuredPackages: Object.keys(measured).length,
      missingSeeds,
      missingBase,
      virtuals,
      names,
      rows,
    };
    console.log(
      `${release}: ${keep.size} packages (archive ${rel.pkgs.size}); seeds missing: ${missingSeeds.length}; base missing: ${missingBase.length}; calibration ${JSON.stringify(cal)}`,
    );
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, JSON.stringify(out) + '\n');
  console.log(`wrote ${OUTPUT} (${statSync(OUTPUT).size} bytes)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
