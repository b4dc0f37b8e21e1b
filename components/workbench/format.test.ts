import { describe, expect, it } from 'vitest';
import { formatBytes as lessonsFormatBytes } from '@/lib/lessons';
import { formatBytes, formatChange } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [950, '950 B'],
    [12_400, '12 kB'],
    [1_234_567, '1.2 MB'],
    [3_718_289, '3.7 MB'],
    [412_000_000, '412 MB'],
    [1_210_000_000, '1.21 GB'],
  ])('%d bytes reads as %s (decimal units, like docker images)', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
  it('is the formatter of the lesson prose and the findings', () => {
    expect(formatBytes).toBe(lessonsFormatBytes);
  });
});

describe('formatChange', () => {
  it('shows a drop with its size and percentage', () => {
    const change = formatChange(1_000_000_000, 160_000_000);
    expect(change.direction).toBe('down');
    expect(change.text).toBe('▼ 840 MB, −84 %');
    expect(change.label).toContain('smaller');
  });

  it('shows growth as up', () => {
    expect(formatChange(100_000_000, 103_000_000)).toMatchObject({
      direction: 'up',
      text: '▲ 3 MB, +3 %',
    });
  });

  it('treats a few hundred bytes as no change', () => {
    expect(formatChange(100_000_000, 100_000_200).direction).toBe('same');
  });

  it('has no percentage when the start is empty', () => {
    expect(formatChange(0, 5_000_000).text).toBe('▲ 5 MB');
  });
});
