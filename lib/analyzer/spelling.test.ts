import { describe, expect, it } from 'vitest';
import { editDistance, onlyCloseName } from './spelling';

describe('editDistance', () => {
  it.each([
    ['update', 'update', 0],
    ['updat', 'update', 1],
    ['upadte', 'update', 1],
    ['pyhton', 'python', 1],
    ['instal', 'install', 1],
    ['buidler', 'builder', 1],
    ['ngnix', 'nginx', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ] as const)('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early above max', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('onlyCloseName', () => {
  it('answers the one name within reach, never the word itself', () => {
    expect(onlyCloseName('updat', ['update', 'install'])).toBe('update');
    expect(onlyCloseName('update', ['update', 'install'])).toBeUndefined();
    expect(onlyCloseName('fetch-everything', ['update', 'install'])).toBeUndefined();
  });

  it('answers nothing when two names are within reach', () => {
    expect(onlyCloseName('clean', ['clear', 'cleat'])).toBeUndefined();
    expect(onlyCloseName('mongo', ['mono', 'mongo-express', 'mongoose'], 1)).toBe('mono');
  });
});
