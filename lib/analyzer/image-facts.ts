/**
 * What a base image provides at run time that the start model needs: its Python (path, minor
 * version, the directories that Python searches), Node, shells and the users in its /etc/passwd.
 * Measured records come from lib/sizes; distroless tags that were not measured are read from
 * their name, which encodes what changes between them (`:debug` adds busybox, `:nonroot` sets
 * the user, `-debian13` is Debian 13 with its python3).
 */
import type { Stage } from './model-types';
import { baseRecord, minor } from './rules/helpers/runtime';
import { rootStage, splitRef } from './rules/helpers/model';
import type { BaseImageRecord } from '../sizes/types';
import { cacheSlot } from './cache';

/** python3 of each Debian/Ubuntu/Alpine release (packages.debian.org, packages.ubuntu.com, pkgs.alpinelinux.org, checked 2026-11). */
const OS_PYTHON: [RegExp, string][] = [
  [/focal|20\.04/, '3.8'],
  [/jammy|22\.04/, '3.10'],
  [/noble|24\.04/, '3.12'],
  [/bullseye|debian ?11|debian11/, '3.9'],
  [/bookworm|debian ?12|debian12/, '3.11'],
  [/trixie|debian ?13|debian13/, '3.13'],
  // Alpine: python3 3.11 in 3.18–3.19, 3.12 in 3.20–3.23.
  [/alpine:3\.1[89]|^3\.1[89]/, '3.11'],
  [/alpine:3\.2\d|^3\.2\d/, '3.12'],
];

/**
 * Accounts in the base image's /etc/passwd. Debian and Ubuntu: base-passwd's passwd.master
 * (salsa.debian.org/debian/base-passwd, 3.6.x); Ubuntu 23.04+ adds `ubuntu` (uid 1000).
 * Alpine: alpine-baselayout's passwd (gitlab.alpinelinux.org/alpine/aports, main/alpine-baselayout).
 * Distroless: the `base` image's passwd (github.com/GoogleContainerTools/distroless, base/base.bzl:
 * root, nobody, nonroot 65532). Official node images add `node` (docker-library/node Dockerfiles).
 */
const DEBIAN_USERS = [
  'root',
  'daemon',
  'bin',
  'sys',
  'sync',
  'games',
  'man',
  'lp',
  'mail',
  'news',
  'uucp',
  'proxy',
  'www-data',
  'backup',
  'list',
  'irc',
  'gnats',
  'nobody',
  '_apt',
];
const ALPINE_USERS = [
  'root',
  'bin',
  'daemon',
  'adm',
  'lp',
  'sync',
  'shutdown',
  'halt',
  'mail',
  'news',
  'uucp',
  'operator',
  'man',
  'postmaster',
  'cron',
  'ftp',
  'sshd',
  'at',
  'squid',
  'xfs',
  'games',
  'cyrus',
  'vpopmail',
  'ntp',
  'smmsp',
  'guest',
  'nobody',
];
const DISTROLESS_USERS = ['root', 'nobody', 'nonroot'];
const BUSYBOX_USERS = [
  'root',
  'daemon',
  'bin',
  'sys',
  'sync',
  'mail',
  'www-data',
  'operator',
  'nobody',
];

/** The Python a base image ships, where it lives and what it searches. */
export interface BasePython {
  /** The interpreter's path, e.g. `/usr/local/bin/python3`. */
  path: string;
  /** Other names of it in the same directory (`python`, `python3.11`). */
  aliases: string[];
  minor: string;
  /** Directories this interpreter searches for packages (besides PYTHONPATH and the user site). */
  sites: string[];
}

/** Run-time facts of a stage's root base image. */
export interface BaseFacts {
  /** False when the base image is a guess: then nothing it lacks is certain. */
  isKnown: boolean;
  isDistroless: boolean;
  hasShell: boolean;
  /** Where a shell is, for shell-form commands (`/bin/sh`; `/busybox/sh` in distroless :debug). */
  shellPath?: string;
  hasBash: boolean;
  python?: BasePython;
  /** Path of `node`, when the image has it. */
  nodePath?: string;
  /** Where a distroless Java image's java is (its entrypoint: `/usr/bin/java -jar`). */
  javaPath?: string;
  users: Set<string>;
  defaultUser: string;
  /** True when the image's programs are all known (distroless, scratch): nothing else is on PATH. */
  isClosed: boolean;
}

/** Facts read from a distroless tag that was not measured. */
function distrolessFromRef(ref: string): {
  python?: string;
  node?: string;
  isDebug: boolean;
  isNonroot: boolean;
} {
  const { repo, tag = 'latest' } = splitRef(ref);
  const isDebug = /(^|-)debug($|-)/.test(tag);
  const isNonroot = /(^|-)nonroot($|-)/.test(tag);
  const release = /debian(\d+)/.exec(repo)?.[1];
  const python = /\/python3/.test(repo)
    ? release === '13'
      ? '3.13'
      : release === '11'
        ? '3.9'
        : '3.11'
    : undefined;
  // nodejs24-debian13: the name states the Node.js major, measured or not.
  const node = /\/nodejs(\d+)-/.exec(repo)?.[1];
  return { python, ...(node ? { node } : {}), isDebug, isNonroot };
}

function osPython(record: BaseImageRecord | undefined, ref: string): string | undefined {
  const text = `${record?.osRelease ?? ''} ${ref}`;
  return OS_PYTHON.find(([re]) => re.test(text))?.[1];
}

const BASE_FACTS = cacheSlot('base run-time facts', () => new WeakMap<Stage, BaseFacts>());

/** Run-time facts of the root base image of `stage` (memoised per stage, in its cache). */
export function baseFactsOf(stage: Stage): BaseFacts {
  const cache = stage.cache.get(BASE_FACTS);
  const hit = cache.get(stage);
  if (hit) return hit;
  const root = rootStage(stage);
  const ref = root.baseRef;
  const record = baseRecord(root);
  const summary = root.baseImage;
  // Official python/node tags that were not measured still follow docker-library's layout:
  // CPython or Node built into /usr/local on Debian (or Alpine for `-alpine` tags).
  const official = /^(?:docker\.io\/)?(?:library\/)?(python|node):(\d+(?:\.\d+)?)([-.\w]*)$/.exec(
    ref,
  );
  const family =
    summary.osFamily !== 'unknown'
      ? summary.osFamily
      : official
        ? official[3].includes('alpine')
          ? 'alpine'
          : 'debian'
        : 'unknown';
  const isDistroless = family === 'distroless' || ref.includes('distroless/');
  const isExact = summary.known && record !== undefined;
  const tagFacts = isDistroless ? distrolessFromRef(ref) : undefined;
  const isKnown =
    isExact ||
    (isDistroless && /gcr\.io\/distroless\/[a-z]/.test(ref)) ||
    (official !== null && (official[1] === 'node' || official[2].includes('.')));
  const hasShell = summary.hasShell || (tagFacts?.isDebug ?? false) || root.packages.has('busybox');
  const shellPath = !hasShell ? undefined : tagFacts?.isDebug ? '/busybox/sh' : '/bin/sh';
  let python: BasePython | undefined;
  const runtimePython = minor(
    isExact
      ? record?.runtimes.python
      : (tagFacts?.python ??
          (official?.[1] === 'python' ? official[2] : undefined) ??
          record?.runtimes.python),
  );
  if (runtimePython && isDistroless) {
    python = {
      path: `/usr/bin/python${runtimePython}`,
      aliases: ['python3'],
      minor: runtimePython,
      sites: [`/usr/lib/python3/dist-packages`, `/usr/lib/python${runtimePython}`],
    };
  } else if (runtimePython) {
    // The official python images build CPython into /usr/local (docker-library/python Dockerfiles).
    python = {
      path: '/usr/local/bin/python3',
      aliases: ['python', `python${runtimePython}`],
      minor: runtimePython,
      sites: [`/usr/local/lib/python${runtimePython}/site-packages`],
    };
  }
  let users: string[] = [];
  if (isDistroless) users = DISTROLESS_USERS;
  else if (family === 'alpine') users = ALPINE_USERS;
  else if (family === 'busybox') users = BUSYBOX_USERS;
  else if (family === 'debian' || family === 'ubuntu') users = DEBIAN_USERS;
  const userSet = new Set(users);
  if (family === 'ubuntu' && /noble|24\.04|25\./.test(`${record?.osRelease ?? ''} ${ref}`))
    userSet.add('ubuntu');
  const nodeMajor = isExact
    ? record?.runtimes.node
    : official?.[1] === 'node'
      ? official[2]
      : (record?.runtimes.node ?? tagFacts?.node);
  if (nodeMajor && !isDistroless) userSet.add('node');
  const facts: BaseFacts = {
    isKnown,
    isDistroless,
    hasShell,
    ...(shellPath ? { shellPath } : {}),
    hasBash: family === 'debian' || family === 'ubuntu',
    ...(python ? { python } : {}),
    ...(nodeMajor ? { nodePath: isDistroless ? '/nodejs/bin/node' : '/usr/local/bin/node' } : {}),
    ...(isDistroless && (record?.runtimes.java || /\/java\d*-/.test(ref))
      ? { javaPath: '/usr/bin/java' }
      : {}),
    users: userSet,
    defaultUser: tagFacts?.isNonroot ? 'nonroot' : record?.defaultUser || 'root',
    isClosed: isDistroless || family === 'scratch',
  };
  cache.set(stage, facts);
  return facts;
}

/**
 * The Python that OS packages installed in `stage` provide (`apt-get install python3`,
 * `apk add python3`), or `undefined` when none is installed.
 */
export function osPythonOf(stage: Stage): BasePython | undefined {
  if (!['python3', 'python3-minimal'].some((p) => stage.packages.has(p))) return undefined;
  const root = rootStage(stage);
  const ver = osPython(baseRecord(root), root.baseRef);
  if (!ver) return undefined;
  const isAlpine = root.baseImage.osFamily === 'alpine';
  return {
    path: '/usr/bin/python3',
    aliases: [`python${ver}`, ...(isAlpine ? ['python'] : [])],
    minor: ver,
    sites: isAlpine
      ? [`/usr/lib/python${ver}/site-packages`]
      : [`/usr/lib/python3/dist-packages`, `/usr/local/lib/python${ver}/dist-packages`],
  };
}

/** The Python that runs in `stage`: the base image's, else one installed as an OS package. */
export function pythonOf(stage: Stage): BasePython | undefined {
  return baseFactsOf(stage).python ?? osPythonOf(stage);
}
