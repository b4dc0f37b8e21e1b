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
}

/** The third-party rules as the analyzer reads them; throws on a pattern that does not compile. */
export function renderThirdParty(data: ThirdPartyData): string {
  for (const img of data.images) {
    new RegExp(img.repo);
    for (const r of img.rules) new RegExp(r.tag);
  }
  return (
    JSON.stringify({ generatedBy: 'scripts/gen-base-index.ts', images: data.images }, null, 1) +
    '\n'
  );
}

interface EolData {
  asOf: string;
  products: Record<
    string,
    { label: string; source: string; releases: { names: string[]; eol: string }[] }
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

/** The compact index: per repository, one string per build (see the file comment). */
export interface BaseIndexFile {
  source: string;
  commit: string;
  committedOn: string;
  generatedBy: string;
  images: Record<string, string[]>;
}

function normalTag(repo: string, tag: string): string {
  return parseImageRef(`${repo}:${tag}`).tag;
}

/** Pure transform from the extracted tags to the compact index. */
export function build(data: OfficialTags): BaseIndexFile {
  const images: Record<string, string[]> = {};
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
  }
  return {
    source: `${data.source.repo} library/<image>`,
    commit: data.source.commit,
    committedOn: data.source.committedOn,
    generatedBy: 'scripts/gen-base-index.ts',
    images,
  };
}

export function render(data: OfficialTags): string {
  return JSON.stringify(build(data)).replace(/\],"/g, '],\n"') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = render(JSON.parse(readFileSync(INPUT, 'utf8')) as OfficialTags);
  const eol = renderEol(JSON.parse(readFileSync(EOL_INPUT, 'utf8')) as EolData);
  const third = renderThirdParty(
    JSON.parse(readFileSync(THIRD_PARTY_INPUT, 'utf8')) as ThirdPartyData,
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
