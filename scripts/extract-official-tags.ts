// Extracts every tag of every official image from a checkout of docker-library/official-images
// (its `library/<image>` files) into data/official-image-tags.json: for each image, the groups of
// tags that name the same build (aliases), whether the build exists for linux/amd64 or is a
// Windows build, and the Dockerfile directory (which names the variant and OS release).
// Usage: npx tsx scripts/extract-official-tags.ts <official-images checkout> <commit> <commit date>
// (npm run gen:official-tags -- <checkout> <commit> <date>)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [checkout, commit, committedOn] = process.argv.slice(2);
if (!checkout || !commit || !committedOn) {
  console.error('usage: extract-official-tags.ts <checkout> <commit> <YYYY-MM-DD>');
  process.exit(2);
}

/** Parses one library file: RFC 2822-like paragraphs, the first one holding the defaults. */
function parseLibrary(text: string): Record<string, string>[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').filter((l) => l.trim() && !l.startsWith('#')))
    .filter((p) => p.length > 0)
    .map((lines) => {
      const fields: Record<string, string> = {};
      let last: string | undefined;
      for (const line of lines) {
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (m) {
          last = m[1];
          fields[last] = m[2].trim();
        } else if (last) fields[last] += ' ' + line.trim();
      }
      return fields;
    });
  const header = paragraphs.find((p) => !p.Tags) ?? {};
  return paragraphs.filter((p) => p.Tags).map((p) => ({ ...header, ...p }));
}

const list = (s: string | undefined): string[] =>
  s
    ? s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : [];

/** One build of an image: the tags that name it (data/official-image-tags.json). */
interface TagGroup {
  tags: string[];
  shared?: string[];
  windows?: boolean;
  dir?: string;
}

const images: Record<string, TagGroup[]> = {};
for (const name of readdirSync(join(checkout, 'library')).sort()) {
  const entries = parseLibrary(readFileSync(join(checkout, 'library', name), 'utf8'));
  const groups: TagGroup[] = [];
  for (const e of entries) {
    const arches = list(e.Architectures ?? 'amd64');
    const isWindows = arches.some((a) => a.startsWith('windows-'));
    const isAmd64 = arches.includes('amd64');
    if (!isWindows && !isAmd64) continue;
    const group: TagGroup = { tags: list(e.Tags) };
    const shared = list(e.SharedTags);
    if (shared.length) group.shared = shared;
    if (isWindows) group.windows = true;
    if (e.Directory) group.dir = e.Directory;
    groups.push(group);
  }
  if (groups.length) images[name] = groups;
}

const out = {
  source: {
    repo: 'docker-library/official-images',
    path: 'library/<image>',
    commit,
    committedOn,
    url: `https://github.com/docker-library/official-images/tree/${commit}/library`,
  },
  note: 'Every tag of every official image at that commit, grouped by build: tags in one group name the same image. shared = SharedTags (a multi-platform alias shared with other builds, e.g. a Windows one). Only groups built for linux/amd64 or for Windows are kept.',
  images,
};
const file = join(ROOT, 'data', 'official-image-tags.json');
writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
const tags = Object.values(images).reduce(
  (s, g) => s + g.reduce((t, x) => t + x.tags.length, 0),
  0,
);
console.log(`wrote ${file}: ${Object.keys(images).length} images, ${tags} tags`);
