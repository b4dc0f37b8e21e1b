import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { MAX_SLUG_CHARS, SlugSchema, isSlug } from './slug';

describe('isSlug', () => {
  it.each([
    ['combine-run', true],
    ['a', true],
    ['0', true],
    ['x'.repeat(MAX_SLUG_CHARS), true],
    ['x'.repeat(MAX_SLUG_CHARS + 1), false],
    ['', false],
    ['Combine-run', false],
    ['-run', false],
    ['run-', false],
    ['combine--run', false],
    ['combine run', false],
    ['../etc', false],
    [42, false],
    [null, false],
  ])('%j: %s', (value, expected) => {
    expect(isSlug(value)).toBe(expected);
    expect(v.is(SlugSchema, value)).toBe(expected);
  });
});
