import { describe, expect, it } from 'vitest';
import { formatChange } from './format';

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
