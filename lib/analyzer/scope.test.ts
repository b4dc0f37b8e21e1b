import { describe, expect, it } from 'vitest';
import { isTruthy } from './scope';

describe('isTruthy', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['  ', false],
    ['0', false],
    ['false', false],
    ['FALSE', false],
    ['no', false],
    ['off', false],
    [' Off ', false],
    ['1', true],
    ['true', true],
    ['yes', true],
    ['on', true],
    ['2', true],
    ['anything', true],
  ])('%j: %s', (value, expected) => {
    expect(isTruthy(value)).toBe(expected);
  });
});
