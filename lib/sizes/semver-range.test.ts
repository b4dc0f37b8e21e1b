import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { compareVersions, satisfies } from './semver-range';

describe('satisfies', () => {
  it.each([
    ['1.2.3', '^1.0.0', true],
    ['2.0.0', '^1.0.0', false],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.9.0', '1.x', true],
    ['2.0.0', '1', false],
    ['1.5.0', '>=1.2 <2', true],
    ['2.0.0', '>=1.2 <2', false],
    ['3.1.0', '^1 || ^3', true],
    ['1.5.0', '1.2.3 - 1.6', true],
    ['1.7.0', '1.2.3 - 1.6', false],
    ['4.21.2', '4.21.2', true],
    ['5.0.0-beta.1', '^4 || ^5', false],
    ['5.0.0-beta.2', '>=5.0.0-beta.1', true],
    ['1.0.0', '*', true],
    ['1.0.0', '', true],
    ['1.0.0', '>= 0.8', true],
  ])('%s satisfies %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('returns undefined for ranges that are not semver', () => {
    expect(satisfies('1.0.0', 'github:user/repo')).toBeUndefined();
  });
});

describe('compareVersions', () => {
  it('orders releases, prereleases and numeric parts', () => {
    const sorted = ['1.10.0', '1.2.0', '1.2.0-rc.1', '1.2.0-beta.10', '1.2.0-beta.2'].sort(
      compareVersions,
    );
    expect(sorted).toEqual(['1.2.0-beta.2', '1.2.0-beta.10', '1.2.0-rc.1', '1.2.0', '1.10.0']);
  });
});

describe('satisfies against npm semver', () => {
  // semver is npm's own implementation (a dependency of our toolchain); test-only reference.
  it('agrees with it on generated versions and ranges', async () => {
    const fc = await import('fast-check');
    const semver = createRequire(import.meta.url)('semver') as {
      satisfies(version: string, range: string): boolean;
    };
    const part = fc.integer({ min: 0, max: 4 });
    const version = fc.tuple(part, part, part).map(([a, b, c]) => `${a}.${b}.${c}`);
    const partial = fc.oneof(
      version,
      fc.tuple(part, part).map(([a, b]) => `${a}.${b}`),
      part.map(String),
      fc.constantFrom('1.x', '2.1.x', '*'),
    );
    const comparator = fc
      .tuple(fc.constantFrom('', '^', '~', '>=', '>', '<', '<=', '='), partial)
      .map(([op, v]) => `${op}${v}`);
    const set = fc.oneof(
      fc.array(comparator, { minLength: 1, maxLength: 2 }).map((cs) => cs.join(' ')),
      fc.tuple(version, version).map(([a, b]) => `${a} - ${b}`),
    );
    const range = fc.array(set, { minLength: 1, maxLength: 2 }).map((ss) => ss.join(' || '));
    fc.assert(
      fc.property(version, range, (v, r) => {
        expect(satisfies(v, r), `${v} in ${r}`).toBe(semver.satisfies(v, r));
      }),
      { numRuns: 3000 },
    );
  });
});
