// Generates lib/analyzer/generated/apt-names.json: for each apt release, a Bloom filter of every
// package name and every Provides name of the archive's amd64 Packages indexes (the components
// the official images enable: Debian main; Ubuntu main, restricted, universe, multiverse, with
// -updates, -security and -backports). A name the filter rejects is certainly not in that
// release, so `apt-get install <name>` fails there (rule package-not-in-release); a name it
// accepts may still be missing (false-positive rate below), and the rule then says nothing.
//
// Usage: npx tsx scripts/gen-apt-names.ts   (npm run gen:apt-names)
//
// Inputs: each release's lists are fetched with apt-get into /tmp/layerlab-apt-names/<release>
// from deb.debian.org / archive.ubuntu.com (and their security hosts). The newest InRelease date
// of each release is recorded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv, type AptNameFilter } from '../lib/analyzer/apt-names';
import { APT_SUITES, AptLists, type AptSource } from './apt-lists';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'lib', 'analyzer', 'generated', 'apt-names.json');
const WORK = '/tmp/layerlab-apt-names';
/** Target false-positive rate of each filter: 1 in 100 absent names slips through silently. */
const FALSE_POSITIVE_RATE = 0.01;

const { bookworm, trixie, jammy, noble } = APT_SUITES;
const RELEASES: Record<string, AptSource> = { bookworm, trixie, jammy, noble };

const apt = new AptLists(WORK, RELEASES);

function namesOf(release: string) {
  const { files, texts, newestInRelease } = apt.packages(release);
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/^Package: (\S+)$/gm)) names.add(m[1]);
    for (const m of text.matchAll(/^Provides: (.+)$/gm))
      for (const p of m[1].split(',')) names.add(p.trim().split(/\s/)[0]);
  }
  return { names, files, newestInRelease };
}

/** A Bloom filter over `names` that lib/analyzer/apt-names.ts reads (same hash, same layout). */
export function bloom(names: Set<string>): Pick<AptNameFilter, 'bits' | 'hashes' | 'filter'> {
  const n = names.size;
  const bits = Math.ceil((-n * Math.log(FALSE_POSITIVE_RATE)) / Math.LN2 ** 2 / 8) * 8;
  const hashes = Math.max(1, Math.round((bits / n) * Math.LN2));
  const buf = Buffer.alloc(bits / 8);
  for (const name of names) {
    const a = fnv(name, 0);
    const b = fnv(name, 0x5bd1e995) | 1;
    for (let i = 0; i < hashes; i++) {
      const bit = (a + Math.imul(i, b)) >>> 0;
      const k = bit % bits;
      buf[k >> 3] |= 1 << (k & 7);
    }
  }
  return { bits, hashes, filter: buf.toString('base64') };
}

function main(): void {
  const out: {
    source: string;
    generatedBy: string;
    generatedOn: string;
    falsePositiveRate: number;
    releases: Record<string, AptNameFilter & { inputs: string[] }>;
  } = {
    source:
      'Debian and Ubuntu archive Packages indexes (amd64): every Package and Provides name, read with apt on this machine',
    generatedBy: 'scripts/gen-apt-names.ts',
    generatedOn: new Date().toISOString().slice(0, 10),
    falsePositiveRate: FALSE_POSITIVE_RATE,
    releases: {},
  };
  for (const release of Object.keys(RELEASES)) {
    try {
      const { names, files, newestInRelease } = namesOf(release);
      if (names.size === 0) throw new Error('no Packages files');
      out.releases[release] = {
        names: names.size,
        inputs: files,
        newestInRelease,
        ...bloom(names),
      };
      console.log(`${release}: ${names.size} names`);
    } catch (err) {
      // A release whose index cannot be read here gets no filter: the rule stays silent on it.
      console.log(
        `${release}: skipped (${err instanceof Error ? err.message.split('\n')[0] : err})`,
      );
    }
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, JSON.stringify(out, null, 1) + '\n');
  console.log(`wrote ${OUTPUT}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
