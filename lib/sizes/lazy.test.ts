import { describe, expect, it } from 'vitest';
import { lazy, lazyPer } from './lazy';

describe('lazy', () => {
  it('makes the value on first use only, and answers the same value after', () => {
    let made = 0;
    const value = lazy(() => ({ n: ++made }));
    expect(made).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps a made undefined too', () => {
    let made = 0;
    const value = lazy(() => {
      made++;
      return undefined;
    });
    value();
    value();
    expect(made).toBe(1);
  });

  it('lazyPer makes one value per key', () => {
    const seen: string[] = [];
    const per = lazyPer((k: string) => (seen.push(k), k.toUpperCase()));
    expect(per('a')).toBe('A');
    expect(per('b')).toBe('B');
    expect(per('a')).toBe('A');
    expect(seen).toEqual(['a', 'b']);
  });
});
