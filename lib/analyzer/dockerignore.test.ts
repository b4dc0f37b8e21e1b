import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ignore from '@balena/dockerignore';
import { compileDockerignore } from './dockerignore';

/** The library's answer, or 'throws' when it rejects the pattern (an invalid RegExp). */
function reference(lines: string[], path: string): boolean | 'throws' {
  const m = ignore({ ignorecase: false });
  m.add(lines);
  try {
    return m.ignores(path);
  } catch {
    return 'throws';
  }
}

const patternChar = fc.constantFrom(
  'a',
  'b',
  '.',
  '/',
  '*',
  '**',
  '**/',
  '?',
  '[',
  ']',
  '[a-b]',
  '[^a]',
  '[!a]',
  '-',
  '\\',
  '!',
  ' ',
  '..',
  '(',
  ')',
  '|',
  '+',
  '$',
  '^',
);
const patternArb = fc.array(patternChar, { maxLength: 8 }).map((cs) => cs.join(''));
const pathArb = fc
  .array(fc.constantFrom('a', 'b', 'ab', '.a', 'a.b', 'b-a', '+', '(a)', 'a|b', '$'), {
    minLength: 1,
    maxLength: 4,
  })
  .map((segs) => segs.join('/'));

describe('compileDockerignore', () => {
  it('gives the same answer as @balena/dockerignore on generated patterns and paths', () => {
    fc.assert(
      fc.property(fc.array(patternArb, { minLength: 1, maxLength: 3 }), pathArb, (lines, path) => {
        const want = reference(lines, path);
        const matcher = compileDockerignore(lines.join('\n'));
        if (want === 'throws') {
          expect(matcher.errors.length).toBeGreaterThan(0);
          return;
        }
        for (const e of matcher.errors) {
          // Only characters that are plain in Docker's glob but special to a RegExp can make a
          // line too complex to run here; an invalid one would have made the library throw.
          expect(e.reason).toBe('too-complex');
          expect(e.line).toMatch(/[(){}|^+]|\\[A-Za-z0-9]/);
        }
        if (matcher.errors.length) return;
        expect(matcher.ignores(path)).toBe(want);
      }),
      { seed: 20261202, numRuns: 4000 },
    );
  });

  it.each([
    ['node_modules', 'node_modules/x/index.js', true],
    ['**/*.log', 'a/b/c.log', true],
    ['*.md\n!README.md', 'README.md', false],
    ['docs/**', 'docs/a/b.txt', true],
    ['/build', 'build/out.js', true],
    ['a/../b', 'b/x', true],
    ['!', 'x', false],
  ])('%j ignores %s: %s', (text, path, want) => {
    expect(compileDockerignore(text).ignores(path)).toBe(want);
    expect(reference(text.split('\n'), path)).toBe(want);
  });

  it('reports an invalid pattern and keeps the other lines', () => {
    const m = compileDockerignore('[\n*.log');
    expect(m.errors).toEqual([{ line: '[', reason: 'invalid' }]);
    expect(m.ignores('x.log')).toBe(true);
  });

  it('ignores a file named like an Object.prototype member when a pattern says so', () => {
    // The library caches answers in a plain object, so `constructor` is never ignored there.
    expect(compileDockerignore('*').ignores('constructor')).toBe(true);
    expect(compileDockerignore('*').ignores('__proto__')).toBe(true);
  });

  it('finishes `**/` ×150 + `x` and `*` ×1000 + `b` on long paths in bounded time', () => {
    const long = Array.from({ length: 30 }, (_, i) => `dir${i}`).join('/') + '/file.txt';
    for (const text of ['**/'.repeat(150) + 'x', '*'.repeat(1000) + 'b']) {
      const m = compileDockerignore(text);
      expect(m.errors).toEqual([]);
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) m.ignores(long.replace('file', `f${i}`));
      // The library took 8.5 s and over 90 s here; a generous cap against machine load.
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
});
