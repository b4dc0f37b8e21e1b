/**
 * Prints how many base images of a set of Dockerfiles the size tables know: the final stage's
 * base (what the estimate rests on) and every FROM that names an image. Measured twice: with the
 * measured table alone (what a page sees before the tag index loads) and with the official-image
 * tag index passed in (the CLI, and the workbench once loaded). Then, over every Linux build of
 * every official image in the index, how many have a measured size (any of its tags resolves
 * to a measurement of that build, not to a stand-in or a family guess), and how many tags those
 * builds carry.
 * Usage: npm run bench:bases [-- <Dockerfile or folder>...]  (default: the regression cases)
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, createAnalyzerCache } from '../lib/analyzer/index';
import { rootStage } from '../lib/analyzer/rules/helpers/model';
import type { BaseIndex } from '../lib/sizes/base-index';
import { staticBaseIndex } from '../lib/sizes/base-index-static';
import { isWindowsImageRef, resolveBaseImage } from '../lib/sizes/base-images';

const DEFAULT = 'lib/analyzer/regression/cases';

function files(args: string[]): string[] {
  const roots = args.length ? args : existsSync(DEFAULT) ? [DEFAULT] : [];
  return roots.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('Dockerfile'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}

interface Tally {
  finalKnown: number;
  finals: number;
  fromKnown: number;
  froms: number;
  windows: number;
  unknown: Map<string, number>;
}

function measure(paths: string[], index?: BaseIndex): Tally {
  const t: Tally = {
    finalKnown: 0,
    finals: 0,
    fromKnown: 0,
    froms: 0,
    windows: 0,
    unknown: new Map(),
  };
  for (const path of paths) {
    const model = buildModel(
      { dockerfile: readFileSync(path, 'utf8') },
      createAnalyzerCache({ baseIndex: index }),
    );
    const final = rootStage(model.target).baseRef;
    if (final !== 'scratch' && !final.includes('$')) {
      t.finals++;
      if (resolveBaseImage(final, index)) t.finalKnown++;
    }
    for (const stage of model.stages) {
      const ref = stage.baseRef;
      if (stage.baseStage || ref === 'scratch' || ref.includes('$')) continue;
      t.froms++;
      if (isWindowsImageRef(ref, index)) t.windows++;
      if (resolveBaseImage(ref, index)) t.fromKnown++;
      else t.unknown.set(ref, (t.unknown.get(ref) ?? 0) + 1);
    }
  }
  return t;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
const paths = files(process.argv.slice(2));
const before = measure(paths);
const after = measure(paths, staticBaseIndex());
console.log(`${paths.length} Dockerfiles`);
for (const [label, t] of [
  ['measured table only', before],
  ['with the official-image tag index', after],
] as const) {
  console.log(`\n${label}`);
  console.log(
    `  final stage base known: ${t.finalKnown}/${t.finals} (${pct(t.finalKnown, t.finals)})`,
  );
  console.log(`  every FROM image known: ${t.fromKnown}/${t.froms} (${pct(t.fromKnown, t.froms)})`);
  if (t.windows) console.log(`  Windows bases (refused): ${t.windows}`);
}
let groups = 0;
let measuredGroups = 0;
let tags = 0;
let measuredTags = 0;
const tagIndex = staticBaseIndex();
for (const [repo, lines] of Object.entries(tagIndex.data.images)) {
  for (const line of lines) {
    if (line.startsWith('w:')) continue;
    const own = line.split(' ');
    groups++;
    tags += own.length;
    if (own.some((t) => resolveBaseImage(`${repo}:${t}`, tagIndex)?.isExact)) {
      measuredGroups++;
      measuredTags += own.length;
    }
  }
}
console.log(
  `\nofficial Linux builds with a measured size: ${measuredGroups}/${groups} (${pct(measuredGroups, groups)}), carrying ${measuredTags}/${tags} tags (${pct(measuredTags, tags)})`,
);
const top = [...after.unknown].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
console.log(
  `\nunknown bases (${top.length}): ${top.map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)).join(', ')}`,
);
