/**
 * Generates lib/sizes/generated/base-index.json, the compact tag index of every official image,
 * from data/official-image-tags.json (extracted from docker-library/official-images), and
 * lib/sizes/generated/eol-dates.json from data/eol-dates.json, and
 * lib/sizes/generated/third-party-images.json from data/third-party-images.json.
 * Usage: npx tsx scripts/gen-base-index.ts [--stdout]
 *
 * One string per build: the tags that name it, space-separated; a Windows build starts with
 * `w:`. SharedTags (`python:3.12`, shared by a Linux and a Windows build) belong to the Linux
 * build, since that is what a Linux host pulls; a shared tag only Windows builds carry stays
 * with them. Tags are normalised with lib/sizes' own reference parser so that lookups and the
 * index agree.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseImageRef } from '../lib/sizes/image-ref';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const INPUT = join(ROOT, 'data', 'official-image-tags.json');
export const OUTPUT = join(ROOT, 'lib', 'sizes', 'generated', 'base-index.json');
export const TAG_SIZES_INPUT = join(ROOT, 'data', 'repo-info-tag-sizes.json');
export const EOL_INPUT = join(ROOT, 'data', 'eol-dates.json');
export const EOL_OUTPUT = join(ROOT, 'lib', 'sizes', 'generated', 'eol-dates.json');
export const THIRD_PARTY_INPUT = join(ROOT, 'data', 'third-party-images.json');
export const THIRD_PARTY_OUTPUT = join(
  ROOT,
  'lib',
  'sizes',
  'generated',
  'third-party-images.json',
);

interface ThirdPartyData {
  images: {
    repo: string;
    label: string;
    adds: string;
    rules: { tag: string; os: string; source: string }[];
  }[];
  knownUnmeasured?: {
    repo: string;
    label: string;
    tags: { tag: string; like: string; hasShell: boolean; source: string }[];
  }[];
  otherOs?: { repo: string; label: string; similar: string[]; source: string }[];
  namedFamilies?: {
    word: string;
    like: string;
    label: string;
    range: [number, number];
    source: string;
  }[];
}

/**
 * The measured size of `image:tag` in the tag sizes (the entry's `indexTag`, else its `file`),
 * with the file it was read from; throws when there is none, so that a rule cites only sizes
 * that are in the data.
 */
function measuredSize(
  sizes: TagSizes,
  ref: string,
): { ref: string; bytes: number; source: string } {
  const [image, tag] = ref.split(':');
  const e = sizes.images.find((x) => x.image === image && (x.indexTag ?? x.file) === tag);
  if (!e) throw new Error(`otherOs: ${ref} is not in data/repo-info-tag-sizes.json`);
  return {
    ref,
    bytes: virtualBytes(e.virtualSize),
    source: `${sizes.source.repo} @${e.commit.slice(0, 7)}, repos/${image}/local/${e.file}.md`,
  };
}

/** The third-party rules as the analyzer reads them; throws on a pattern that does not compile. */
export function renderThirdParty(data: ThirdPartyData, sizes?: TagSizes): string {
  for (const img of data.images) {
    new RegExp(img.repo);
    for (const r of img.rules) new RegExp(r.tag);
  }
  for (const img of data.knownUnmeasured ?? []) {
    new RegExp(img.repo);
    for (const r of img.tags) {
      new RegExp(r.tag);
      if (!r.source) throw new Error(`${img.repo} ${r.tag}: no source`);
    }
  }
  for (const f of data.namedFamilies ?? []) {
    const [lo, hi] = f.range;
    if (!/^[a-z0-9]+$/.test(f.word)) throw new Error(`namedFamilies: ${f.word} is not one word`);
    if (!(lo > 0 && hi > lo)) throw new Error(`namedFamilies ${f.word}: range ${lo}-${hi}`);
    if (!f.source) throw new Error(`namedFamilies ${f.word}: no source`);
  }
  return (
    JSON.stringify(
      {
        generatedBy: 'scripts/gen-base-index.ts',
        images: data.images,
        knownUnmeasured: data.knownUnmeasured ?? [],
        otherOs: (data.otherOs ?? []).map((o) => {
          new RegExp(o.repo);
          if (!sizes) throw new Error('otherOs needs the tag sizes');
          return { ...o, similar: o.similar.map((ref) => measuredSize(sizes, ref)) };
        }),
        namedFamilies: data.namedFamilies ?? [],
      },
      null,
      1,
    ) + '\n'
  );
}

interface EolData {
  asOf: string;
  products: Record<
    string,
    {
      label: string;
      source: string;
      /** What to move to when no release of the product is supported (a deprecated image). */
      replacement?: string;
      releases: { names: string[]; eol: string }[];
    }
  >;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The end-of-life table as the analyzer reads it: dates checked, releases in date order, names
 * lower case. Throws on a malformed date so that a typo never ships.
 */
export function buildEol(data: EolData): EolData & { generatedBy: string } {
  if (!DATE.test(data.asOf)) throw new Error(`asOf is not a date: ${data.asOf}`);
  const products: EolData['products'] = {};
  for (const [id, p] of Object.entries(data.products)) {
    for (const r of p.releases)
      if (!DATE.test(r.eol)) throw new Error(`${id} ${r.names[0]}: ${r.eol}`);
    products[id] = {
      label: p.label,
      source: p.source,
      ...(p.replacement ? { replacement: p.replacement } : {}),
      releases: [...p.releases]
        .map((r) => ({ names: r.names.map((n) => n.toLowerCase()), eol: r.eol }))
        .sort((a, b) => a.eol.localeCompare(b.eol)),
    };
  }
  return { asOf: data.asOf, generatedBy: 'scripts/gen-base-index.ts', products };
}

export function renderEol(data: EolData): string {
  return JSON.stringify(buildEol(data), null, 1) + '\n';
}

interface TagGroup {
  tags: string[];
  shared?: string[];
  windows?: true;
  dir?: string;
}

interface OfficialTags {
  source: { repo: string; commit: string; committedOn: string };
  images: Record<string, TagGroup[]>;
}

/** data/repo-info-tag-sizes.json: one repo-info local/<tag>.md file read per tag group. */
export interface TagSizes {
  source: { repo: string };
  images: {
    image: string;
    file: string;
    tagRead: string;
    virtualSize: string;
    created: string;
    commit: string;
    osCode: string;
    /** `python 3.14`: overrides the runtime read from `tagRead`. */
    runtime?: string;
    /**
     * The snapshot's tag the file is filed under when the file's own tag is a later point
     * release the snapshot does not list (`alpine:3.24.2` → `3.24`).
     */
    indexTag?: string;
    compressed?: { totalBytes: number; commit: string; imageIdMatchesLocal: boolean };
  }[];
}

/** The compact index: per repository, one string per build (see the file comment). */
export interface BaseIndexFile {
  source: string;
  commit: string;
  committedOn: string;
  generatedBy: string;
  images: Record<string, string[]>;
  /**
   * Measured tag groups: `source` names the repository the figures were read from; per
   * repository one string per measured file, `tag|bytes|created|commit7|os|runtime|compressed|file`
   * (runtime, compressed and file may be empty; file is the repo-info file's tag where it is
   * not `tag`). Lookups match `tag` against the build's tags.
   */
  measured?: { source: string; images: Record<string, string[]> };
  /**
   * The OS of builds whose tags do not name it but whose official-images directory does
   * (`wordpress:cli` is built from `docker-library/wordpress/cli/php8.3/alpine`): per repository, the build's first tag
   * and the OS word.
   */
  os?: Record<string, Record<string, string>>;
}

/** OS words a docker-library directory or tag names. */
const OS_WORD =
  /(?:^|[/-])(alpine|trixie|bookworm|bullseye|buster|noble|jammy|focal|resolute|ubi\d*|oraclelinux\d*|al2023)(?=$|[/\d.-])/;

/**
 * The OS word of a build whose directory names one and whose tags name none, or `undefined`.
 * (A tag that names the OS already says it; the analyzer reads it from the tag.)
 */
export function osHintOf(group: TagGroup): string | undefined {
  const os = OS_WORD.exec(group.dir ?? '')?.[1];
  if (!os || group.windows) return undefined;
  const tags = [...group.tags, ...(group.shared ?? [])];
  return tags.some((t) => OS_WORD.test(t)) ? undefined : os.replace(/\d+$/, '');
}

/** `929.95 Mb` / `1.02 Gb` (repo-info's decimal units) to bytes. */
export function virtualBytes(text: string): number {
  const m = /^~?\s*([\d.]+)\s*(Mb|Gb)$/.exec(text.trim());
  if (!m) throw new Error(`unreadable Virtual Size: ${text}`);
  return Math.round(Number(m[1]) * (m[2] === 'Gb' ? 1e9 : 1e6));
}

/**
 * The language runtime a file's header tag names (`python:3.14.7-slim-trixie` → `python 3.14`,
 * `node:24-trixie-slim` → `node 24`, `golang:1.26.8-trixie` → `go 1.26`); empty when the image
 * is not one of those or the header names no version.
 */
export function runtimeOf(image: string, tagRead: string): string {
  const tag = tagRead.replace(/^[^:]+:/, '');
  const v = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (!v) return '';
  if (image === 'python' && v[2] !== undefined) return `python ${v[1]}.${v[2]}`;
  if (image === 'node') return `node ${v[1]}`;
  if (image === 'golang' && v[2] !== undefined) return `go ${v[1]}.${v[2]}`;
  if (image === 'eclipse-temurin' || image === 'amazoncorretto') return `java ${v[1]}`;
  return '';
}

const OS_CODE =
  /^(debian\d+|ubuntu\d+\.\d+|alpine\d+\.\d+|(oraclelinux|amazonlinux|ubi|rockylinux|almalinux|fedora|photon)\d+|archlinux|clearlinux)$/;

/** The measured part of the index; throws on a malformed entry so that a typo never ships. */
export function buildMeasured(
  tags: OfficialTags,
  sizes: TagSizes,
): NonNullable<BaseIndexFile['measured']> {
  const images: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const e of sizes.images) {
    if (!Object.hasOwn(tags.images, e.image)) throw new Error(`not an official image: ${e.image}`);
    if (!OS_CODE.test(e.osCode)) throw new Error(`${e.image}:${e.file}: unknown OS ${e.osCode}`);
    if (!/^[0-9a-f]{40}$/.test(e.commit)) throw new Error(`${e.image}:${e.file}: commit`);
    if (!DATE.test(e.created)) throw new Error(`${e.image}:${e.file}: created ${e.created}`);
    const tag = normalTag(e.image, e.indexTag ?? e.file);
    const groups = tags.images[e.image];
    if (e.indexTag && !groups.some((g) => [...g.tags, ...(g.shared ?? [])].includes(e.indexTag!)))
      throw new Error(`${e.image}:${e.indexTag} is not a tag of the snapshot`);
    const key = `${e.image}:${tag}`;
    if (seen.has(key)) throw new Error(`read twice: ${key}`);
    seen.add(key);
    const repo = parseImageRef(e.image).repo;
    const fields = [
      tag,
      String(virtualBytes(e.virtualSize)),
      e.created,
      e.commit.slice(0, 7),
      e.osCode,
      e.runtime ?? runtimeOf(e.image, e.tagRead),
      e.compressed ? String(e.compressed.totalBytes) : '',
      e.indexTag ? e.file : '',
    ];
    for (const f of fields) if (f.includes('|')) throw new Error(`${key}: | in ${f}`);
    (images[repo] ??= []).push(fields.join('|').replace(/\|+$/, ''));
  }
  for (const list of Object.values(images)) list.sort();
  return {
    source: `${sizes.source.repo} repos/<image>/local/<tag>.md`,
    images: Object.fromEntries(Object.entries(images).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function normalTag(repo: string, tag: string): string {
  return parseImageRef(`${repo}:${tag}`).tag;
}

/** Pure transform from the extracted tags (and the measured tag sizes) to the compact index. */
export function build(data: OfficialTags, sizes?: TagSizes): BaseIndexFile {
  const images: Record<string, string[]> = {};
  const os: Record<string, Record<string, string>> = {};
  for (const [repo, groups] of Object.entries(data.images)) {
    const linuxTags = new Set<string>();
    for (const g of groups) {
      if (g.windows) continue;
      for (const t of [...g.tags, ...(g.shared ?? [])]) linuxTags.add(normalTag(repo, t));
    }
    const out: string[] = [];
    for (const g of groups) {
      const own = g.tags.map((t) => normalTag(repo, t));
      const shared = (g.shared ?? []).map((t) => normalTag(repo, t));
      const tags = g.windows
        ? [...own, ...shared.filter((t) => !linuxTags.has(t))]
        : [...own, ...shared];
      const unique = [...new Set(tags)];
      if (unique.length === 0) continue;
      out.push((g.windows ? 'w:' : '') + unique.join(' '));
    }
    images[parseImageRef(repo).repo] = out;
    for (const g of groups) {
      const hint = osHintOf(g);
      if (hint && g.tags.length > 0)
        (os[parseImageRef(repo).repo] ??= {})[normalTag(repo, g.tags[0])] = hint;
    }
  }
  return {
    source: `${data.source.repo} library/<image>`,
    commit: data.source.commit,
    committedOn: data.source.committedOn,
    generatedBy: 'scripts/gen-base-index.ts',
    images,
    ...(sizes ? { measured: buildMeasured(data, sizes) } : {}),
    os,
  };
}

export function render(data: OfficialTags, sizes?: TagSizes): string {
  return JSON.stringify(build(data, sizes)).replace(/\],"/g, '],\n"') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = render(
    JSON.parse(readFileSync(INPUT, 'utf8')) as OfficialTags,
    JSON.parse(readFileSync(TAG_SIZES_INPUT, 'utf8')) as TagSizes,
  );
  const eol = renderEol(JSON.parse(readFileSync(EOL_INPUT, 'utf8')) as EolData);
  const third = renderThirdParty(
    JSON.parse(readFileSync(THIRD_PARTY_INPUT, 'utf8')) as ThirdPartyData,
    JSON.parse(readFileSync(TAG_SIZES_INPUT, 'utf8')) as TagSizes,
  );
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text + eol + third);
  } else {
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, text);
    writeFileSync(EOL_OUTPUT, eol);
    writeFileSync(THIRD_PARTY_OUTPUT, third);
    console.log(`wrote ${OUTPUT} (${text.length} bytes) and ${EOL_OUTPUT} (${eol.length} bytes)`);
  }
}
