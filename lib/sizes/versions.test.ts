import { describe, expect, it } from 'vitest';
import { compareVersions, satisfies } from './versions';

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
    ['1.0.0', 'latest', true],
    ['1.0.0-rc.1', 'latest', false],
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
