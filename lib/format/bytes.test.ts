import { describe, expect, it } from 'vitest';
import { formatBytes, megabytes } from './bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [950, '950 B'],
    [999, '999 B'],
    [999.4, '999 B'],
    // The unit is chosen after rounding.
    [999.6, '1 kB'],
    [1_000, '1 kB'],
    [1_234, '1.23 kB'],
    [1_500, '1.5 kB'],
    [12_400, '12.4 kB'],
    [740_000, '740 kB'],
    [999_499, '999 kB'],
    [999_500, '1 MB'],
    [999_999, '1 MB'],
    [1_000_000, '1 MB'],
    [1_234_567, '1.23 MB'],
    [5_000_000, '5 MB'],
    [5_250_000, '5.25 MB'],
    [19_872_227, '19.9 MB'],
    [74_800_000, '74.8 MB'],
    [99_960_000, '100 MB'],
    [119_400_000, '119 MB'],
    [124_780_000, '125 MB'],
    [412_000_000, '412 MB'],
    [999_499_999, '999 MB'],
    [999_600_000, '1 GB'],
    [1_000_000_000, '1 GB'],
    [1_130_000_000, '1.13 GB'],
    [1_384_000_000, '1.38 GB'],
    [12_340_000_000, '12.3 GB'],
    [2.5e12, '2.5 TB'],
    [1e18, '1 EB'],
    // Past the last unit the number grows instead of the unit.
    [1.234e21, '1230 EB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [-1, '-1 B'],
    [-999_999, '-1 MB'],
    [-20_000_000, '-20 MB'],
    [-1_384_000_000, '-1.38 GB'],
    [-0.4, '0 B'],
    [-0, '0 B'],
  ])('a saving of %d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    '%d does not throw and prints no NaN',
    (bytes) => {
      expect(formatBytes(bytes)).toBe('? B');
    },
  );

  it('never shows four digits before a unit change', () => {
    for (let e = 3; e < 18; e++) {
      for (const m of [0.9994, 0.9995, 0.99999, 1]) {
        const text = formatBytes(m * 10 ** e);
        expect(text).toMatch(/^\d{1,3}(\.\d{1,2})? (B|kB|MB|GB|TB|PB|EB)$/);
        const digits = text.split(' ')[0]!.replace('.', '').replace(/^0+/, '');
        expect(digits.length).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('megabytes', () => {
  it('uses decimal megabytes', () => {
    expect(megabytes(1.5)).toBe(1_500_000);
    expect(megabytes(0)).toBe(0);
  });
});
