import { describe, expect, it } from 'vitest';
import {
  APT_RELEASES,
  aptClosureIn,
  aptPackageBytes,
  decodeAptRelease,
  normalizeAptName,
  type AptInstallOptions,
  type AptReleaseIndex,
  type AptTable,
} from './apt';
import { listBaseImages } from './base-images';
import type { AptClosure, AptPackage } from './types';
import generated from './generated/apt.json';
import { seededRandom } from '../../scripts/seeded-random';

/**
 * The closure as it was written before the numbered graph: names in sets and maps, a queue of
 * names. `aptClosureIn` must give exactly this (same packages, order, bytes and unknowns).
 */
function referenceClosure(
  index: AptReleaseIndex,
  names: readonly string[],
  options: AptInstallOptions,
): AptClosure {
  const { byName, virtuals } = index;
  const chosen = new Set<string>();
  const order: string[] = [];
  const unknown: string[] = [];
  const present = (n: string) => options.installed.has(n) || chosen.has(n);
  const satisfied = (n: string) => present(n) || (virtuals.get(n) ?? []).some(present);
  const pick = (group: string[]): string | undefined => {
    if (group.some(satisfied)) return undefined;
    const real = group.find((n) => byName.has(n));
    if (real) return real;
    for (const n of group) {
      const providers = virtuals.get(n);
      if (providers && providers.length > 0) return providers[0];
    }
    return undefined;
  };
  const queue: string[] = [];
  const add = (name: string) => {
    if (present(name)) return;
    chosen.add(name);
    order.push(name);
    queue.push(name);
  };
  for (const raw of names) {
    const name = normalizeAptName(raw);
    if (name === '' || satisfied(name)) continue;
    const target = pick([name]);
    if (target) add(target);
    else if (!unknown.includes(name)) unknown.push(name);
  }
  while (queue.length > 0) {
    const pkg = byName.get(queue.shift() as string) as AptPackage;
    const groups = options.recommends ? [...pkg.depends, ...pkg.recommends] : pkg.depends;
    for (const group of groups) {
      const next = pick(group);
      if (next) add(next);
    }
  }
  const packages = order.map((name) => ({
    name,
    bytes: aptPackageBytes(byName.get(name) as AptPackage, options.excludesDocs),
  }));
  return { packages, totalBytes: packages.reduce((s, p) => s + p.bytes, 0), unknown };
}

const table = generated as unknown as AptTable;

describe('aptClosureIn', () => {
  for (const release of APT_RELEASES) {
    it(`gives the name-by-name walk's answer on ${release} for random installs`, () => {
      const index = decodeAptRelease(table.releases[release]);
      const real = [...index.byName.keys()];
      const virtual = [...index.virtuals.keys()];
      const bases = listBaseImages()
        .filter((r) => r.aptRelease === release && r.packages)
        .map((r) => new Set(r.packages));
      const installedSets = [new Set<string>(), ...bases.slice(0, 3)];
      const rnd = seededRandom(release.length * 7919);
      let nonEmpty = 0;
      for (let i = 0; i < 150; i++) {
        const pick = () => {
          const r = rnd();
          if (r < 0.1) return virtual[Math.floor(rnd() * virtual.length)] ?? 'awk';
          if (r < 0.15) return `no-such-package-${Math.floor(rnd() * 3)}`;
          if (r < 0.2) return `${real[Math.floor(rnd() * real.length)]}=1.0-1`;
          return real[Math.floor(rnd() * real.length)];
        };
        const names = Array.from({ length: 1 + Math.floor(rnd() * 6) }, pick);
        const options: AptInstallOptions = {
          recommends: rnd() < 0.5,
          installed: installedSets[i % installedSets.length],
          excludesDocs: rnd() < 0.5,
        };
        const fast = aptClosureIn(index, names, options);
        expect(fast).toEqual(referenceClosure(index, names, options));
        if (fast.packages.length > 0) nonEmpty++;
      }
      // The requests must reach real closures, or the comparison proves little.
      expect(nonEmpty).toBeGreaterThan(100);
    });
  }
});
