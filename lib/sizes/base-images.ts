import type { Confidence } from '../analyzer/types';
import type { BaseImageRecord, BaseImageResolution } from './types';
import { BASE_IMAGE_ALIASES, type BaseImageAlias } from './base-image-aliases';
import generated from './generated/base-images.json';
import thirdParty from './generated/third-party-images.json';
import {
  baseIndexSource,
  officialTagGroup,
  type BaseIndex,
  type MeasuredBuild,
  type TagGroup,
} from './base-index';
import { parseImageRef, type ImageRef } from './image-ref';

export { parseImageRef, type ImageRef };

interface GeneratedBaseImages {
  source: string;
  collectedOn: string;
  images: BaseImageRecord[];
}

const table = generated as unknown as GeneratedBaseImages;

/** Where the base-image table comes from and when it was collected (for the UI). */
export const BASE_IMAGES_SOURCE = { source: table.source, collectedOn: table.collectedOn };

/** `FROM scratch`: Docker's reserved empty image. */
export const SCRATCH: BaseImageRecord = Object.freeze({
  ref: 'scratch',
  aliases: [],
  uncompressedBytes: 0,
  compressedBytes: 0,
  created: null,
  source: 'Docker reserved name: an empty image with no layers',
  confidence: 'high',
  osFamily: 'scratch',
  osRelease: 'none',
  libc: 'none',
  hasShell: false,
  packageManager: 'none',
  excludesDocs: false,
  packages: [],
  runtimes: {},
  defaultUser: 'root',
  entrypoint: null,
  cmd: null,
  notes: ['Empty: no shell, no libc, no CA certificates, no /etc/passwd.'],
}) as BaseImageRecord;

/**
 * The stand-in record for a Windows base image: the analyzer models Linux images only, so it
 * counts nothing for the base and says so instead of guessing a Linux size.
 */
export const WINDOWS_UNSUPPORTED: BaseImageRecord = Object.freeze({
  ...SCRATCH,
  ref: 'windows',
  source: 'Windows images are not supported: the analyzer models Linux images only.',
  confidence: 'low',
  osFamily: 'windows',
  osRelease: 'windows',
  hasShell: true,
  defaultUser: 'ContainerAdministrator',
  notes: ['Windows images are not supported; nothing is counted for the base.'],
}) as BaseImageRecord;

/**
 * True for a Windows base image: Microsoft's `mcr.microsoft.com/windows*` repositories, any
 * `nanoserver` or `servercore` name or tag, and official tags that exist only as Windows builds
 * (when the official-image index is given).
 */
export function isWindowsImageRef(ref: string, index?: BaseIndex): boolean {
  const { repo, tag } = parseImageRef(ref);
  if (/^mcr\.microsoft\.com\/windows/.test(repo)) return true;
  if (/nanoserver|servercore/.test(repo) || /nanoserver|servercore|^ltsc\d{4}$/.test(tag)) {
    return true;
  }
  return officialTagGroup(index, repo, tag)?.isWindows === true;
}

const aliasesByTarget = new Map<string, string[]>();
for (const a of BASE_IMAGE_ALIASES) {
  const list = aliasesByTarget.get(a.target) ?? [];
  list.push(a.alias);
  aliasesByTarget.set(a.target, list);
}

const records: BaseImageRecord[] = table.images.map((r) =>
  Object.freeze({ ...r, aliases: aliasesByTarget.get(r.ref) ?? [] }),
);
/** `repo:tag` with the tag made explicit, the form every lookup key takes. */
function keyOf(ref: string): string {
  const { repo, tag } = parseImageRef(ref);
  return `${repo}:${tag}`;
}

const byRef = new Map<string, BaseImageRecord>(records.map((r) => [keyOf(r.ref), r]));
const aliasByRef = new Map<string, BaseImageAlias>(
  BASE_IMAGE_ALIASES.map((a) => [keyOf(a.alias), a]),
);

/** All measured base images (the distroless `:nonroot` tags included), in data order. */
export function listBaseImages(): BaseImageRecord[] {
  return [...records];
}

function lookup(ref: string): { record: BaseImageRecord; alias?: BaseImageAlias } | undefined {
  const direct = byRef.get(ref);
  if (direct) return { record: direct };
  const alias = aliasByRef.get(ref);
  if (alias) {
    const record = byRef.get(keyOf(alias.target));
    if (record) return { record, alias };
  }
  return undefined;
}

/** Tags with a finer version than the table has: `3.12.4-slim` → `3.12-slim`, node `22.23.1` → `22`. */
function coarserTags(repo: string, tag: string): string[] {
  const out: string[] = [];
  const dateless = tag.replace(/-\d{8}(?=$|-)/, '');
  if (dateless !== tag) out.push(dateless);
  const patch = /^(\d+)\.(\d+)\.\d+(.*)$/.exec(dateless);
  if (patch) out.push(`${patch[1]}.${patch[2]}${patch[3]}`);
  // These number their releases by the major alone (postgres 18.7 is a point release of 18).
  if (['node', 'debian', 'eclipse-temurin', 'postgres'].includes(repo)) {
    const m = /^(\d+)(?:\.\d+){1,2}(?:[._+][\w.]*)?(-.*)?$/.exec(dateless);
    if (m) out.push(`${m[1]}${m[2] ?? ''}`);
  }
  return out;
}

function capConfidence(c: Confidence, cap: Confidence): Confidence {
  const order: Confidence[] = ['low', 'medium', 'high'];
  return order[Math.min(order.indexOf(c), order.indexOf(cap))];
}

function asStandIn(record: BaseImageRecord, cap: Confidence): BaseImageRecord {
  return Object.freeze({ ...record, confidence: capConfidence(record.confidence, cap) });
}

/**
 * The measured image `ref` names, by exact ref, documented alias, or a finer patch version of a
 * measured tag. `undefined` when none applies (then use {@link guessBaseImage}).
 * A `stand-in` alias (the tag moved to a build that was not measured) returns `isExact: false`,
 * a reason, and a record whose confidence is at most `medium`. A digest is ignored for lookup.
 */
export function resolveBaseImage(ref: string, index?: BaseIndex): BaseImageResolution | undefined {
  const res = resolveUnranged(ref, index);
  return res && withDistrolessRange(parseImageRef(ref).repo, res);
}

function resolveUnranged(ref: string, index?: BaseIndex): BaseImageResolution | undefined {
  const { repo, tag } = parseImageRef(ref);
  if (repo === 'scratch') return { record: SCRATCH, isExact: true };
  const full = `${repo}:${tag}`;
  const debug = distrolessDebug(repo, tag);
  if (debug) return debug;
  const tries: { ref: string; via?: string }[] = [{ ref: full }];
  for (const t of coarserTags(repo, tag)) tries.push({ ref: `${repo}:${t}`, via: t });
  for (const attempt of tries) {
    const hit = lookup(attempt.ref);
    if (!hit) continue;
    const viaNote = attempt.via
      ? `${full} is a point release or dated build of ${attempt.ref}; sized as the measured build.`
      : undefined;
    if (hit.alias?.kind === 'stand-in') {
      // A stand-in is a nearby build; a size measured for this very build is better.
      const measured = resolveMeasured(repo, attempt.via ?? tag, index);
      if (measured) return measured;
      return {
        record: asStandIn(hit.record, 'medium'),
        isExact: false,
        reason: [viaNote, hit.alias.reason].filter(Boolean).join(' '),
      };
    }
    const reason = [viaNote, hit.alias?.reason].filter(Boolean).join(' ');
    return { record: hit.record, isExact: true, ...(reason ? { reason } : {}) };
  }
  // Another tag of the same official build, for the tag itself or the release it is a point
  // release of (`php:8.3.34-apache` is a newer 8.3-apache, the build `php:8.3-apache-trixie`
  // measures; `node:26.7.1` is node:26's).
  for (const t of [tag, ...coarserTags(repo, tag)]) {
    const same = resolveBySameBuild(repo, t, index);
    if (!same) continue;
    if (t === tag) return same;
    return {
      ...same,
      reason:
        `${full} is a point release or dated build of ${repo}:${t}. ${same.reason ?? ''}`.trim(),
    };
  }
  for (const t of [tag, ...coarserTags(repo, tag)]) {
    const measured = resolveMeasured(repo, t, index);
    if (measured) return measured;
  }
  return undefined;
}

/**
 * `:debug` and `:debug-nonroot` distroless tags are the plain image plus a busybox shell
 * (GoogleContainerTools/distroless README @00121b6, "Debug Images"): sized as the plain tag,
 * with a shell, at most medium confidence since busybox's bytes are not counted.
 */
function distrolessDebug(repo: string, tag: string): BaseImageResolution | undefined {
  if (!repo.startsWith('gcr.io/distroless/') || (tag !== 'debug' && tag !== 'debug-nonroot')) {
    return undefined;
  }
  const plain = lookup(`${repo}:${tag === 'debug' ? 'latest' : 'nonroot'}`);
  if (!plain) return undefined;
  return {
    record: Object.freeze({ ...asStandIn(plain.record, 'medium'), hasShell: true }),
    isExact: false,
    reason: `${repo}:${tag} is ${plain.record.ref} plus a busybox shell (distroless README, "Debug Images"); busybox itself is not counted.`,
  };
}

/**
 * Other tags of the same official build (`buildpack-deps:oldstable` = `bookworm`,
 * `python:3` = `3.14.7-trixie`), from the official-image index: the first one the table
 * measured. `undefined` when the index is not installed or no tag of the build was measured.
 */
function resolveBySameBuild(
  repo: string,
  tag: string,
  baseIndex: BaseIndex | undefined,
): BaseImageResolution | undefined {
  const group = officialTagGroup(baseIndex, repo, tag);
  if (!group || group.isWindows) return undefined;
  const index = baseIndexSource(baseIndex);
  let standIn: BaseImageResolution | undefined;
  for (const other of group.tags) {
    if (other === tag) continue;
    const hit = lookup(`${repo}:${other}`);
    if (!hit) continue;
    const reason = `${repo}:${tag} is the same build as ${repo}:${other} (${index?.source} @${index?.commit.slice(0, 7)}, ${index?.committedOn}).`;
    if (hit.alias?.kind === 'stand-in') {
      standIn ??= {
        record: asStandIn(hit.record, 'medium'),
        isExact: false,
        reason: `${reason} ${hit.alias.reason}`,
      };
      continue;
    }
    return { record: hit.record, isExact: true, reason };
  }
  // A size measured for this build beats a stand-in for a nearby one.
  if (group.measured) return measuredRecord(repo, group, group.measured, baseIndex);
  return standIn;
}

/** Official images whose full (unsuffixed-variant) tags are FROM buildpack-deps. */
const BUILT_ON_BUILDPACK_DEPS = new Set([
  'python',
  'node',
  'ruby',
  'golang',
  'rust',
  'perl',
  'erlang',
  'gcc',
  'haskell',
]);

/** What a record says when its apt installs are sized with another release's table. */
function borrowedAptNote(release: string, aptRelease: BaseImageRecord['aptRelease']): string {
  return `The analyzer has no apt table for ${release}: apt-get install on it is sized with ${aptRelease}'s package sizes and dependencies, the nearest release it has.`;
}

/** The OS a measured build runs on, as the table's fields spell it. */
function osFacts(os: string): Pick<
  BaseImageRecord,
  'osFamily' | 'osRelease' | 'libc' | 'packageManager' | 'aptRelease'
> & {
  codename?: string;
  /** Set when the release has no apt table of its own and `aptRelease` is a neighbour's. */
  aptNote?: string;
} {
  // Release → [codename, the apt table that sizes its installs].
  const releases: Record<
    'debian' | 'ubuntu',
    Record<string, [string, BaseImageRecord['aptRelease']]>
  > = {
    debian: {
      '11': ['bullseye', 'bookworm'],
      '12': ['bookworm', 'bookworm'],
      '13': ['trixie', 'trixie'],
    },
    ubuntu: {
      '20.04': ['focal', 'focal'],
      '22.04': ['jammy', 'jammy'],
      '24.04': ['noble', 'noble'],
      '26.04': ['resolute', 'noble'],
    },
  };
  const name = { debian: 'Debian', ubuntu: 'Ubuntu' } as const;
  let m = /^(debian|ubuntu)(\d+(?:\.\d+)?)$/.exec(os);
  const family = m?.[1] as 'debian' | 'ubuntu' | undefined;
  const known = m && family ? releases[family][m[2]] : undefined;
  if (m && family && known) {
    const [codename, aptRelease] = known;
    return {
      osFamily: family,
      osRelease: `${m[2]} (${codename})`,
      libc: 'glibc',
      packageManager: 'apt',
      aptRelease,
      codename,
      ...(aptRelease !== codename
        ? { aptNote: borrowedAptNote(`${name[family]} ${m[2]} (${codename})`, aptRelease) }
        : {}),
    };
  }
  m = /^alpine(\d+\.\d+)$/.exec(os);
  if (m) {
    return {
      osFamily: 'alpine',
      osRelease: m[1],
      libc: 'musl',
      packageManager: 'apk',
      codename: `alpine${m[1]}`,
    };
  }
  // Oracle Linux, Amazon Linux, UBI, Rocky, Alma, Fedora, Photon: rpm-based; Arch Linux and
  // Clear Linux have their own package managers. The analyzer has package tables for none of
  // them: the size is used, the contents are not modelled.
  return { osFamily: 'rpm', osRelease: otherOs(os).name, libc: 'glibc', packageManager: 'rpm' };
}

/** Display name and package manager of an OS code the analyzer has no package tables for. */
function otherOs(os: string): { name: string; packageManager: string } {
  const names: Record<string, [string, string]> = {
    oraclelinux: ['Oracle Linux', 'rpm'],
    amazonlinux: ['Amazon Linux', 'rpm'],
    ubi: ['Red Hat UBI', 'rpm'],
    rockylinux: ['Rocky Linux', 'rpm'],
    almalinux: ['AlmaLinux', 'rpm'],
    fedora: ['Fedora', 'rpm'],
    photon: ['Photon OS', 'rpm (tdnf)'],
    archlinux: ['Arch Linux', 'pacman'],
    clearlinux: ['Clear Linux', 'swupd'],
  };
  const m = /^([a-z]+?)(\d[\d.]*)?$/.exec(os);
  const known = m ? names[m[1]] : undefined;
  if (!known) return { name: os, packageManager: 'its own package manager' };
  return { name: m?.[2] ? `${known[0]} ${m[2]}` : known[0], packageManager: known[1] };
}

/**
 * The plain OS image a measured build's facts fall back to: the measured Debian, Ubuntu or
 * Alpine image of that release (slim for a slim build), else the nearest measured one.
 */
function osTemplate(os: string, isSlim: boolean): BaseImageRecord | undefined {
  const facts = osFacts(os);
  const tries: string[] = [];
  if (facts.osFamily === 'debian') {
    tries.push(
      `debian:${facts.codename}${isSlim ? '-slim' : ''}`,
      `debian:trixie${isSlim ? '-slim' : ''}`,
    );
  } else if (facts.osFamily === 'ubuntu') {
    tries.push(`ubuntu:${facts.osRelease.slice(0, 5)}`, 'ubuntu:24.04');
  } else if (facts.osFamily === 'alpine') {
    tries.push(`alpine:${facts.osRelease}`, 'alpine:3.22');
  } else {
    return undefined;
  }
  for (const t of tries) {
    const r = byRef.get(keyOf(t));
    if (r) return r;
  }
  return undefined;
}

/**
 * Stand-in facts for an rpm-based build (Oracle Linux, Amazon Linux, UBI): a glibc image with a
 * shell whose package list is not known; only its measured size is used.
 */
const RPM_TEMPLATE: BaseImageRecord = Object.freeze({
  ...SCRATCH,
  ref: 'rpm',
  source: 'rpm-based image',
  confidence: 'medium',
  osFamily: 'rpm',
  osRelease: 'rpm',
  libc: 'glibc',
  hasShell: true,
  packageManager: 'rpm',
  packages: null,
  cmd: ['bash'],
  notes: [],
}) as BaseImageRecord;

function runtimesOf(runtime: string): BaseImageRecord['runtimes'] {
  const [name, version] = runtime.split(' ');
  if (name === 'python') return { python: version, pip: true };
  if (name === 'node') return { node: version, npm: true, yarn: true };
  if (name === 'go') return { go: version };
  if (name === 'java') return { java: version };
  return {};
}

function sameRuntimeKind(a: BaseImageRecord['runtimes'], b: BaseImageRecord['runtimes']): boolean {
  return (
    !!a.python === !!b.python && !!a.node === !!b.node && !!a.go === !!b.go && !!a.java === !!b.java
  );
}

/**
 * A record for a build repo-info measured but the table has no entry for: the measured size,
 * date and source, with the other facts (package list, shell, user, entrypoint) of the nearest
 * measured image built the same way: the same repository and variant on the same OS release
 * (confidence high: the same template, only versions differ), else the same repository and
 * variant on another release or the plain OS image (medium: the package list is a stand-in).
 */
function measuredRecord(
  repo: string,
  group: TagGroup,
  m: MeasuredBuild,
  baseIndex: BaseIndex | undefined,
): BaseImageResolution {
  const facts = osFacts(m.os);
  const kind = variantKind(repo, group.tags.find((t) => variantKind(repo, t) !== 'full') ?? m.tag);
  const own = runtimesOf(m.runtime);
  const sameRepo = records.filter(
    (r) =>
      repoOf(r) === repo &&
      r.defaultUser !== 'nonroot' &&
      variantKind(repo, parseImageRef(r.ref).tag) === kind &&
      r.osFamily === facts.osFamily &&
      sameRuntimeKind(r.runtimes, own),
  );
  const sameRelease = sameRepo.filter((r) =>
    facts.osFamily === 'alpine'
      ? r.osRelease.startsWith(facts.osRelease)
      : facts.codename !== undefined && r.osRelease.toLowerCase().includes(facts.codename),
  );
  // Nearest first: the same flavour words in the tag (jdk/jre, apache/fpm...), the same runtime
  // version, then the newest build.
  const words = (t: string) => t.split(/[-.]/).filter((w) => /[a-z]/.test(w));
  const groupWords = new Set(group.tags.flatMap(words));
  const rank = (r: BaseImageRecord) =>
    4 * words(parseImageRef(r.ref).tag).filter((w) => groupWords.has(w)).length +
    (runtimeKey(r) === runtimeKey({ runtimes: own } as BaseImageRecord) ? 2 : 0) +
    (r.created && r.created >= '2026' ? 1 : 0);
  const nearest = (list: BaseImageRecord[]) =>
    [...list].sort(
      (a, b) => rank(b) - rank(a) || String(b.created).localeCompare(String(a.created)),
    )[0];
  // The full variants of these images are built FROM buildpack-deps:<release> (their
  // docker-library Dockerfiles), so that image's list is the nearest on another release.
  const onBuildpackDeps =
    kind === 'full' && BUILT_ON_BUILDPACK_DEPS.has(repo) && facts.codename
      ? byRef.get(keyOf(`buildpack-deps:${facts.codename}`))
      : undefined;
  const template =
    nearest(sameRelease) ??
    onBuildpackDeps ??
    nearest(sameRepo) ??
    osTemplate(m.os, kind === 'slim') ??
    RPM_TEMPLATE;
  const isSameBuild = sameRelease.length > 0;
  const confidence: Confidence =
    isSameBuild && Number(m.created.slice(0, 4)) >= 2026 ? 'high' : 'medium';
  const runtimes =
    template === RPM_TEMPLATE || repoOf(template) !== repo ? own : { ...template.runtimes, ...own };
  const ref = `${repo}:${m.tag}`;
  const listNote =
    template === RPM_TEMPLATE
      ? `${facts.osRelease}, ${otherOs(m.os).packageManager}-based: the package list is not known and the analyzer has no ${otherOs(m.os).packageManager} tables.`
      : `Package list, shell, user and entrypoint from ${template.ref} (${isSameBuild ? 'the same template on the same release' : 'a stand-in'}); the size is this build's own.`;
  const record = Object.freeze({
    ...template,
    ref,
    aliases: [],
    uncompressedBytes: m.uncompressedBytes,
    compressedBytes: m.compressedBytes,
    created: m.created,
    source: m.source,
    confidence,
    osFamily: facts.osFamily,
    osRelease: facts.osRelease,
    libc: facts.libc,
    packageManager: facts.packageManager,
    ...(facts.aptRelease ? { aptRelease: facts.aptRelease } : { aptRelease: undefined }),
    runtimes,
    notes: facts.aptNote ? [listNote, facts.aptNote] : [listNote],
    packagesStatus:
      template === RPM_TEMPLATE
        ? 'not-collected'
        : repoOf(template) === repo
          ? `same-as:${template.ref}`
          : `stand-in:${template.ref}`,
    key: ref,
  }) as BaseImageRecord;
  const index = baseIndexSource(baseIndex);
  const viaTag = m.tag;
  // The size and the OS release are this build's own; only the package list may be a stand-in,
  // and the record's confidence says how near it is.
  return {
    record,
    isExact: true,
    reason: `${repo}:${viaTag} was measured by repo-info (${m.source}, built ${m.created})${group.tags.length > 1 ? `; its build's tags come from ${index?.source} @${index?.commit.slice(0, 7)}` : ''}. ${listNote}${facts.aptNote ? ` ${facts.aptNote}` : ''}`,
  };
}

/** Records for every build of `repo` the tag index measured (none without an index). */
function measuredOfRepo(baseIndex: BaseIndex | undefined, repo: string): BaseImageRecord[] {
  if (!baseIndex) return [];
  const seen = new Set<TagGroup>();
  const out: BaseImageRecord[] = [];
  for (const group of baseIndex.byTag.values()) {
    if (group.repo !== repo || !group.measured || group.isWindows || seen.has(group)) continue;
    seen.add(group);
    out.push(measuredRecord(repo, group, group.measured, baseIndex).record);
  }
  return out;
}

/** The measured build `repo:tag` names (index installed and one of its tags measured). */
function resolveMeasured(
  repo: string,
  tag: string,
  baseIndex: BaseIndex | undefined,
): BaseImageResolution | undefined {
  const group = officialTagGroup(baseIndex, repo, tag);
  if (!group?.measured || group.isWindows) return undefined;
  return measuredRecord(repo, group, group.measured, baseIndex);
}

interface ThirdPartyImage {
  repo: string;
  label: string;
  adds: string;
  rules: { tag: string; os: string; source: string }[];
}

interface KnownUnmeasured {
  repo: string;
  label: string;
  tags: { tag: string; like: string; hasShell: boolean; source: string }[];
}

const knownUnmeasured = (
  thirdParty as { knownUnmeasured?: KnownUnmeasured[] }
).knownUnmeasured?.map((img) => ({
  ...img,
  repoPattern: new RegExp(img.repo),
  tags: img.tags.map((t) => ({ ...t, pattern: new RegExp(t.tag) })),
}));

/**
 * A recognised image no size could be cited for (data/third-party-images.json
 * `knownUnmeasured`): the rule that applies, or `undefined`.
 */
function knownUnmeasuredRule(repo: string, tag: string) {
  for (const img of knownUnmeasured ?? []) {
    if (!img.repoPattern.test(repo)) continue;
    const rule = img.tags.find((t) => t.pattern.test(tag));
    if (rule) return { ...rule, label: img.label };
  }
  return undefined;
}

interface OtherOs {
  repo: string;
  label: string;
  source: string;
  similar: { ref: string; bytes: number; source: string }[];
}

const otherOsRules = ((thirdParty as { otherOs?: OtherOs[] }).otherOs ?? []).map((o) => ({
  ...o,
  pattern: new RegExp(o.repo),
}));

/** The data's rule for a non-Debian OS repository (rpm distributions, Arch, Clear Linux). */
function otherOsRule(repo: string): OtherOs | undefined {
  return otherOsRules.find((o) => o.pattern.test(repo));
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e8 ? 1 : 0)} MB`;

/**
 * The range an unmeasured build of a non-Debian OS may lie in: a quarter of the smallest to two
 * and a half times the largest measured image of that kind (data/third-party-images.json
 * `otherOs`), and the sentence that says so.
 */
function otherOsRange(rule: OtherOs): NonNullable<BaseImageResolution['range']> {
  const sizes = rule.similar.map((s) => s.bytes);
  const lo = Math.round(Math.min(...sizes) / 4);
  const hi = Math.round(Math.max(...sizes) * 2.5);
  const list = rule.similar.map((s) => `${s.ref} ${mb(s.bytes)}`).join(', ');
  return {
    bytes: [lo, hi],
    note: `range ${mb(lo)}–${mb(hi)}, from the measured images of ${rule.label} (${list}; docker-library/repo-info)`,
  };
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : Math.round((v[mid - 1] + v[mid]) / 2);
}

const thirdPartyImages = (thirdParty as { images: ThirdPartyImage[] }).images.map((img) => ({
  ...img,
  repoPattern: new RegExp(img.repo),
  rules: img.rules.map((r) => ({ ...r, pattern: new RegExp(r.tag) })),
}));

/**
 * What a common third-party image is built on (`mcr.microsoft.com/dotnet/aspnet:8.0` →
 * debian:bookworm-slim), from data/third-party-images.json; `undefined` when no rule applies.
 */
export function thirdPartyBase(
  repo: string,
  tag: string,
): { os: string; source: string; adds: string } | undefined {
  for (const img of thirdPartyImages) {
    if (!img.repoPattern.test(repo)) continue;
    const rule = img.rules.find((r) => r.pattern.test(tag));
    if (rule) return { os: rule.os, source: rule.source, adds: img.adds };
  }
  return undefined;
}

interface NamedFamily {
  word: string;
  like: string;
  label: string;
  range: [number, number];
  source: string;
}

const namedFamilies =
  (thirdParty as unknown as { namedFamilies?: NamedFamily[] }).namedFamilies ?? [];

/**
 * The base family a third-party repository's last path segment names (`quay.io/prometheus/busybox`,
 * `ghcr.io/linuxserver/baseimage-alpine`, `bitnami/minideb`), from data/third-party-images.json
 * `namedFamilies`; `undefined` for an official image (no namespace) or a name with no family word.
 */
export function namedFamilyOf(repo: string): NamedFamily | undefined {
  const slash = repo.lastIndexOf('/');
  if (slash < 0) return undefined;
  const words = repo.slice(slash + 1).split(/[-_.]+/);
  return namedFamilies.find((f) => words.includes(f.word));
}

type VariantKind = 'alpine' | 'slim' | 'full' | 'distroless';

/**
 * True when the record's package list and runtimes describe this image (read from it, or from a
 * build of the same repository and variant), so the analyzer may say a program is absent. A
 * build sized from repo-info whose list is a plain OS image's (`stand-in:`), or with no list,
 * may ship programs the list does not name.
 */
export function listsOwnContents(record: BaseImageRecord): boolean {
  const status = record.packagesStatus ?? '';
  return record.packages !== null && !/^(stand-in|not-collected)\b/.test(status);
}

function repoOf(record: BaseImageRecord): string {
  return parseImageRef(record.ref).repo;
}

function variantKind(repo: string, tag: string): VariantKind {
  if (repo.startsWith('gcr.io/distroless/')) return 'distroless';
  if (tag.includes('alpine') || repo === 'alpine') return 'alpine';
  if (tag.includes('slim')) return 'slim';
  return 'full';
}

/** The variant kind of a build from its tags, or from its directory's OS where no tag names it. */
function groupKind(repo: string, tags: string[], os: string | undefined): VariantKind {
  const kind = variantKind(repo, tags.find((t) => variantKind(repo, t) !== 'full') ?? tags[0]);
  return kind === 'full' && os === 'alpine' ? 'alpine' : kind;
}

/** The one variant kind the listed Linux builds of `repo` with these variant words share. */
function siblingKind(index: BaseIndex, repo: string, words: Set<string>): VariantKind | undefined {
  const kinds = new Set<VariantKind>();
  for (const g of new Set(index.byTag.values())) {
    if (g.repo !== repo || g.isWindows || !sameWords(variantWords(g.tags), words)) continue;
    kinds.add(groupKind(repo, g.tags, g.os));
  }
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** The variant kind of a candidate record: its tags', or Alpine when its OS is (wordpress:cli). */
function recordKind(r: BaseImageRecord, index: BaseIndex | undefined): VariantKind {
  const { repo, tag } = parseImageRef(r.ref);
  const group = officialTagGroup(index, repo, tag);
  const kind = groupKind(repo, group?.tags ?? [tag], group?.os);
  return kind === 'full' && r.osFamily === 'alpine' ? 'alpine' : kind;
}

function recordWords(r: BaseImageRecord, index: BaseIndex | undefined): Set<string> {
  const { repo, tag } = parseImageRef(r.ref);
  return variantWords(officialTagGroup(index, repo, tag)?.tags ?? [tag]);
}

/** Tag words that name an OS or a release line rather than a variant of the image. */
const NOT_VARIANT_WORDS = new Set([
  ...['alpine', 'slim', 'debian', 'ubuntu', 'ubi', 'al', 'el', 'oraclelinux', 'windowsservercore'],
  ...['trixie', 'bookworm', 'bullseye', 'buster', 'stretch', 'noble', 'jammy', 'focal', 'bionic'],
  ...['resolute', 'nanoserver', 'ltsc', 'latest', 'stable', 'mainline', 'lts', 'current', 'edge'],
  ...['rc', 'beta', 'alpha', 'ea', 'nightly', 'rawhide', 'php', 'python', 'node', 'nodejs'],
]);

/**
 * The words that name a build's variant (`cli`, `fpm`, `apache`, `jdk`, `community`...), over
 * all of its tags: versions, OS and release names, release channels and runtime-version
 * selectors (`php8.2`) left out. `wordpress:cli` → {cli}; `wordpress:php8.2-fpm` → {fpm}.
 */
function variantWords(tags: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tags) {
    for (const token of t.split('-')) {
      if (/^v?\d/.test(token)) continue;
      const w = token.replace(/[\d._]+$/, '');
      if (w.length >= 2 && !NOT_VARIANT_WORDS.has(w)) out.add(w);
    }
  }
  return out;
}

function sameWords(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((w) => b.has(w));
}

function kindLabel(kind: VariantKind, r: BaseImageRecord): string {
  if (kind === 'alpine') return 'Alpine';
  if (kind === 'distroless') return 'distroless';
  const os = r.osFamily === 'rpm' ? r.osRelease : r.osFamily;
  return `${os[0].toUpperCase()}${os.slice(1)}${kind === 'slim' ? ' slim' : ''}`;
}

function versionOf(tag: string): number[] {
  const m = /^(\d+)(?:\.(\d+))?/.exec(tag);
  return m ? [Number(m[1]), m[2] === undefined ? -1 : Number(m[2])] : [];
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -2) - (b[i] ?? -2);
    if (d !== 0) return d;
  }
  return 0;
}

const DISTROS = ['trixie', 'bookworm', 'bullseye', 'buster', 'noble', 'jammy', 'focal'];

/** Family of a distroless name: `gcr.io/distroless/python3-debian13` → `gcr.io/distroless/python3`. */
function distrolessFamily(repo: string): string {
  return repo.replace(/-debian\d+$/, '').replace(/\d+$/, '');
}

/**
 * The runtime and entrypoint a distroless name states, for a stand-in record of another image
 * (`nodejs24-debian13` sized as `nodejs20-debian12` still runs Node.js 24 at /nodejs/bin/node):
 * the version in the name, no version where the name gives none (python3 on Debian 13 is not the
 * 3.11 of Debian 12; its interpreter is reached as /usr/bin/python3).
 */
function distrolessOwnFacts(
  repo: string,
  like: BaseImageRecord,
): Pick<BaseImageRecord, 'runtimes' | 'entrypoint'> {
  const node = /\/nodejs(\d+)-/.exec(repo)?.[1];
  const java = /\/java(\d+)-/.exec(repo)?.[1];
  const runtimes: BaseImageRecord['runtimes'] = node ? { node, npm: false } : java ? { java } : {};
  const entrypoint =
    like.entrypoint?.map((a) => a.replace(/^\/usr\/bin\/python3\.\d+$/, '/usr/bin/python3')) ??
    null;
  return { runtimes, entrypoint };
}

/**
 * A distroless record whose figure no published size backs (an estimate, or another image's
 * figure standing in) gets a range: half the smallest to twice the largest figure the data has
 * for distroless images of the same family (nodejs, python, java, cc...), and a note that says
 * which. One whose figure is cited (nodejs20-debian12: 181 MB, distroless#1482 and #1548) is
 * left as it is.
 */
function withDistrolessRange(repo: string, res: BaseImageResolution): BaseImageResolution {
  if (!repo.startsWith('gcr.io/distroless/') || res.range) return res;
  const r = res.record;
  const own = repoOf(r) === repo;
  const estimate = r.estimateMethod !== undefined || /no published figure/.test(r.source);
  if (own && !estimate) return res;
  const family = distrolessFamily(repo);
  const figures = records.filter(
    (x) =>
      x.osFamily === 'distroless' &&
      x.defaultUser !== 'nonroot' &&
      distrolessFamily(repoOf(x)) === family,
  );
  if (figures.length === 0) return res;
  const sizes = figures.map((x) => x.uncompressedBytes);
  const lo = Math.round(Math.min(...sizes) / 2);
  const hi = Math.round(Math.max(...sizes) * 2);
  const list = figures
    .map(
      (x) =>
        `${repoOf(x).replace('gcr.io/distroless/', '')} ${mb(x.uncompressedBytes)} ${x.estimateMethod || /no published figure/.test(x.source) ? 'estimated' : 'reported'}`,
    )
    .join(', ');
  const what = own
    ? `no published size; the figure is an estimate: ${r.estimateMethod ?? 'derived from its neighbours'}`
    : `no published size; the figure is ${r.ref}'s`;
  const note = `${what}; range ${mb(lo)}–${mb(hi)}, half the smallest to twice the largest figure the data has for distroless ${family.replace('gcr.io/distroless/', '')} images (${list})`;
  const said = `Unsure: ${own ? 'an estimate' : 'a stand-in'}, range ${mb(lo)}–${mb(hi)}.`;
  return {
    ...res,
    reason: res.reason ? `${res.reason} ${said}` : said,
    range: { bytes: [lo, hi], note },
  };
}

function fallbackFor(kind: VariantKind): string {
  switch (kind) {
    case 'alpine':
      return 'alpine:3.22';
    case 'slim':
      return 'debian:trixie-slim';
    case 'distroless':
      return 'gcr.io/distroless/base-debian12';
    default:
      return 'debian:trixie';
  }
}

/**
 * Never `undefined`: the measured image `ref` names (see {@link resolveBaseImage}) or, for an
 * unknown reference, a labelled guess from its family: the same repository with the nearest tag
 * of the same variant kind (-alpine, -slim, full), else the plain OS image of that kind
 * (alpine, debian slim, debian). A guess has `isExact: false`, a `reason` and confidence `low`;
 * for an unknown repository the image's own layers are not counted, and the reason says so.
 */
export function guessBaseImage(ref: string, index?: BaseIndex): BaseImageResolution {
  return withDistrolessRange(parseImageRef(ref).repo, guessUnranged(ref, index));
}

function guessUnranged(ref: string, index?: BaseIndex): BaseImageResolution {
  if (isWindowsImageRef(ref, index)) {
    return { record: WINDOWS_UNSUPPORTED, isExact: false, reason: WINDOWS_UNSUPPORTED.source };
  }
  const resolved = resolveBaseImage(ref, index);
  if (resolved) return resolved;
  const { repo, tag } = parseImageRef(ref);
  const known = knownUnmeasuredRule(repo, tag);
  if (known) {
    // `debian12`: the same distroless image one Debian release back, where measured.
    const likeRef =
      known.like === 'debian12'
        ? `${repo.replace(/-debian13$/, '-debian12')}${/nonroot/.test(tag) ? ':nonroot' : ''}`
        : known.like;
    const like = byRef.get(keyOf(likeRef)) ?? guessBaseImage(likeRef, index).record;
    return {
      // No runtime version is claimed for a stand-in of another release (python3-debian13 runs
      // Debian 13's python, not the 3.11 of python3-debian12); a :debug tag adds busybox's shell.
      record: Object.freeze({
        ...asStandIn(like, 'low'),
        hasShell: known.hasShell || /debug/.test(tag),
        ...distrolessOwnFacts(repo, like),
      }),
      isExact: false,
      reason: `${repo}:${tag} is a known ${known.label} with no size that could be cited (${known.source}); sized as ${like.ref} only to have a figure, with low confidence and a wide range.`,
    };
  }
  // An official tag names its build's other tags too: `python:3` is also `3-trixie`.
  const group = officialTagGroup(index, repo, tag);
  const names = group ? group.tags : [tag];
  let kind = groupKind(repo, names, group?.os);
  let words = variantWords(names);
  if (!group && index) {
    // A tag the snapshot does not list: with no variant word it means the repository's default
    // variant (`wordpress:6.0` is an apache build, like `latest`), and where it names no OS it is
    // on the OS the listed builds of that variant share (`wordpress:cli-2.11` is Alpine).
    const latest = officialTagGroup(index, repo, 'latest');
    if (words.size === 0 && latest) words = variantWords(latest.tags);
    if (kind === 'full') kind = siblingKind(index, repo, words) ?? kind;
  }
  const wanted = versionOf(tag);
  const distro = DISTROS.find((d) => names.some((t) => t.includes(d)));
  const family = repo.startsWith('gcr.io/distroless/') ? distrolessFamily(repo) : repo;
  const sameRepo = [
    ...records.filter((r) => {
      const rr = repoOf(r);
      if (r.defaultUser === 'nonroot') return false;
      return kind === 'distroless' ? distrolessFamily(rr) === family : rr === repo;
    }),
    // The builds of this repository the tag index measured are candidates too (php:fpm-alpine
    // is a far nearer guess for php:8.3-fpm-alpine than the plain alpine image).
    ...measuredOfRepo(index, repo),
  ];
  // Another variant of the same repository is a worse guess than the plain OS image of the
  // right kind (ruby:3.3-alpine is far nearer alpine than ruby:3.4-slim-trixie), and so is a
  // build of another flavour on the same OS kind (wordpress:cli is WP-CLI on php's cli-alpine
  // image, not the Debian fpm image): a tag of the same variant words and OS kind, or none.
  const ofKind = sameRepo.filter(
    (r) =>
      recordKind(r, index) === kind &&
      (kind === 'distroless' || sameWords(recordWords(r, index), words)),
  );
  // An OS image's other builds are nearer than any other image (busybox:musl is a busybox).
  const isOsImage = ['alpine', 'debian', 'busybox', 'ubuntu'].includes(repo);
  const candidates = ofKind.length > 0 ? ofKind : isOsImage ? sameRepo : [];
  if (candidates.length > 0) {
    const scored = candidates.map((r) => {
      const t = parseImageRef(r.ref).tag;
      const v = versionOf(t);
      let score = 0;
      if (recordKind(r, index) === kind) score += 8;
      if (wanted.length > 0 && v[0] === wanted[0]) score += 2;
      if (wanted.length > 0 && wanted[1] !== -1 && v[1] === wanted[1]) score += 2;
      if (distro && t.includes(distro)) score += 1;
      return { r, v, score };
    });
    scored.sort((a, b) => b.score - a.score || compareVersions(b.v, a.v));
    const best = scored[0].r;
    const sameKind = ofKind.includes(best);
    const official = group ? ' (an official tag)' : '';
    const variant = [...words].sort().join('-');
    const other = otherOsRule(repo);
    const range = other ? otherOsRange(other) : undefined;
    const standIn = asStandIn(best, 'low');
    return {
      record:
        kind === 'distroless'
          ? Object.freeze({ ...standIn, ...distrolessOwnFacts(repo, best) })
          : standIn,
      isExact: false,
      reason: `${repo}:${tag}${official} was not measured; sized as ${best.ref}, the nearest measured ${repo} tag${sameKind ? ` of the same ${variant ? `${variant} ` : ''}variant and OS kind (${kindLabel(kind, best)})` : ''}${range ? `; ${range.note}` : ''}.`,
      ...(range ? { range } : {}),
    };
  }
  const other = otherOsRule(repo);
  if (other) {
    // Not Debian: no Debian figure. The median of the measured images of this OS kind, with a
    // range that holds all of them.
    const range = otherOsRange(other);
    const bytes = median(other.similar.map((s) => s.bytes));
    const ref = `${repo}:${tag}`;
    return {
      record: Object.freeze({
        ...RPM_TEMPLATE,
        ref,
        key: ref,
        uncompressedBytes: bytes,
        compressedBytes: null,
        source: `not measured: ${other.label} (${other.source})`,
        confidence: 'low',
        osRelease: `${other.label.replace(/^an? /, '')}, not measured`,
        notes: [
          `${ref} is ${other.label}, an OS the analyzer has no package tables for, and this build is not measured.`,
        ],
      }) as BaseImageRecord,
      isExact: false,
      reason: `${ref}${group ? ' (an official tag)' : ''} is ${other.label} and this build of it is not measured; sized at ${mb(bytes)}, the median of the measured images of that kind, not as Debian: ${range.note}. What the image adds is not counted.`,
      range,
    };
  }
  // The repository's measured builds all run on one OS other than Debian (sonarqube on Ubuntu):
  // a build of another variant is guessed from that OS image, not from Debian's.
  const repoOs = new Set(sameRepo.map((r) => r.osFamily));
  const only = repoOs.size === 1 ? sameRepo[0] : undefined;
  const debianNamed = distro !== undefined && !['noble', 'jammy', 'focal'].includes(distro);
  let osImage: BaseImageRecord | undefined;
  if (only?.osFamily === 'ubuntu' && kind === 'full' && !debianNamed) {
    osImage = osTemplate(`ubuntu${only.osRelease.slice(0, 5)}`, false);
  } else if (only?.osFamily === 'alpine' && (kind === 'alpine' || (kind === 'full' && !distro))) {
    osImage = osTemplate(`alpine${/^\d+\.\d+/.exec(only.osRelease)?.[0] ?? ''}`, false);
  }
  if (osImage) {
    return {
      record: asStandIn(osImage, 'low'),
      isExact: false,
      reason: `${repo}:${tag}${group ? ' (an official tag)' : ''} is not in the table and no measured ${repo} tag is of its variant; sized as ${osImage.ref}, the OS its measured builds run on (${sameRepo.map((r) => r.ref).join(', ')}). What the image adds on top of it is not counted.`,
    };
  }
  const built = thirdPartyBase(repo, tag);
  if (built) {
    const os = byRef.get(keyOf(built.os));
    if (os) {
      return {
        record: asStandIn(os, 'low'),
        isExact: false,
        reason: `${repo}:${tag} is built on ${built.os} (${built.source}); sized as ${built.os}. What it adds (${built.adds}) is not counted.`,
      };
    }
  }
  const named = namedFamilyOf(repo);
  const familyKind = named?.word === 'alpine' ? 'alpine' : 'full';
  if (
    named &&
    (kind === 'full' || kind === familyKind || (kind === 'slim' && familyKind === 'full'))
  ) {
    // The release a tag names, and the slim build a name or tag asks for, where that build of
    // the family is measured (minideb:bookworm, mycorp/debian-slim:bookworm, baseimage-ubuntu:jammy).
    const likeRepo = parseImageRef(named.like).repo;
    const release = distro ?? /^\d+\.\d+/.exec(tag)?.[0];
    const slim =
      kind === 'slim' || /(^|[-_.])slim($|[-_.])/.test(repo.slice(repo.lastIndexOf('/') + 1));
    const tries = [
      ...(release
        ? [`${likeRepo}:${release}${slim ? '-slim' : ''}`, `${likeRepo}:${release}`]
        : []),
      ...(slim ? [`${named.like}-slim`] : []),
      named.like,
    ];
    const like =
      tries.map((t) => resolveBaseImage(t, index)).find((r) => r?.isExact)?.record ??
      (byRef.get(keyOf(named.like)) as BaseImageRecord);
    const [lo, hi] = named.range;
    const note = `range ${mb(lo)}–${mb(hi)}: ${named.source}`;
    return {
      record: asStandIn(like, 'low'),
      isExact: false,
      reason: `${repo}:${tag} is not in the table; its name says it is built on ${named.label}, so it is sized as ${like.ref}. What it adds on top of that is not counted. Unsure: a guess, range ${mb(lo)}–${mb(hi)}.`,
      range: { bytes: [lo, hi], note },
    };
  }
  const fallbackRef = fallbackFor(kind);
  const fallback = byRef.get(keyOf(fallbackRef)) as BaseImageRecord;
  return {
    record: asStandIn(fallback, 'low'),
    isExact: false,
    reason: `${repo}:${tag}${group ? ' (an official tag)' : ''} is not in the table; sized as ${fallbackRef} (the ${kind === 'full' ? 'Debian' : kind} base such images usually build on). What the image adds on top of it is not counted.`,
  };
}

function runtimeKey(r: BaseImageRecord): string | undefined {
  const rt = r.runtimes;
  if (rt.python) return `python ${rt.python}`;
  if (rt.node) return `node ${rt.node}`;
  if (rt.go) return `go ${rt.go}`;
  if (rt.java) return `java ${rt.java}`;
  return undefined;
}

/**
 * Smaller measured images that run the same thing: the same repository with the same runtime
 * version (python minor, node major, go minor, java major), or for a plain OS image the same
 * repository and release (debian:bookworm → debian:bookworm-slim). Distroless, other
 * repositories and the `:nonroot` duplicates are left out. Ordered drop-in first (same libc),
 * then by size, largest first (the least drastic change first).
 */
export function smallerVariants(record: BaseImageRecord): BaseImageRecord[] {
  const repo = repoOf(record);
  // buildpack-deps' -curl and -scm tags are earlier layers of a toolchain image, not a smaller
  // image that runs the same thing.
  if (repo === 'buildpack-deps') return [];
  const key = runtimeKey(record);
  return records
    .filter((r) => r !== record && r.ref !== record.ref && r.defaultUser !== 'nonroot')
    .filter((r) => repoOf(r) === repo && r.uncompressedBytes < record.uncompressedBytes)
    .filter((r) => (key ? runtimeKey(r) === key : r.osRelease === record.osRelease))
    .sort(
      (a, b) =>
        Number(b.libc === record.libc) - Number(a.libc === record.libc) ||
        b.uncompressedBytes - a.uncompressedBytes,
    );
}
