import { describe, expect, it } from 'vitest';
import { formatBytes, megabytes } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [740_000, '740 kB'],
    [124_780_000, '125 MB'],
    [19_872_227, '19.9 MB'],
    [5_000_000, '5 MB'],
    [1_130_000_000, '1.13 GB'],
    [1_000_000_000, '1 GB'],
    [-20_000_000, '-20 MB'],
    // The unit is chosen after rounding.
    [999_999, '1 MB'],
    [999_499, '999 kB'],
    [99_960_000, '100 MB'],
    [999_600_000, '1 GB'],
    [999.6, '1 kB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
  it('does not throw on NaN', () => {
    expect(formatBytes(Number.NaN)).toContain('?');
  });
});

describe('megabytes', () => {
  it('uses decimal megabytes', () => {
    expect(megabytes(1.5)).toBe(1_500_000);
  });
});
