import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SHORT_ID_CHARS,
  canonicalSolution,
  checkShortId,
  contentMatchesId,
  solutionId,
  type SolutionContent,
} from './short-id';

const solution: SolutionContent = {
  lesson: 'base-image',
  lessonVersion: '0123456789',
  dockerfile: 'FROM python:3.11-slim-bookworm\nCMD ["python"]\n',
  dockerignore: '.git\n',
};

describe('solutionId', () => {
  it('is 20 lower-case Crockford base32 characters', () => {
    expect(solutionId(solution)).toMatch(/^[0-9a-hjkmnp-tv-z]{20}$/);
    expect(SHORT_ID_CHARS).toBe(20);
  });

  it('gives the same ID for the same content, whatever the key order of the object', () => {
    const reordered: SolutionContent = {
      dockerignore: solution.dockerignore,
      dockerfile: solution.dockerfile,
      lessonVersion: solution.lessonVersion,
      lesson: solution.lesson,
    };
    expect(solutionId(reordered)).toBe(solutionId(solution));
    expect(solutionId({ ...solution })).toBe(solutionId(solution));
  });

  it('is pinned: the ID of a known solution never changes between releases', () => {
    // Links already handed out must keep naming the same row: never regenerate this value.
    expect(solutionId({ dockerfile: 'FROM alpine:3.20\n', dockerignore: '' })).toBe(
      'vkve0q4pckcd5885k3ek',
    );
  });

  it('changes with any one field', () => {
    const base = solutionId(solution);
    const variants: SolutionContent[] = [
      { ...solution, lesson: 'multi-stage' },
      { ...solution, lesson: undefined },
      { ...solution, lessonVersion: 'abcdefghjk' },
      { ...solution, lessonVersion: undefined },
      { ...solution, dockerfile: solution.dockerfile + ' ' },
      { ...solution, dockerfile: solution.dockerfile.replace(/\n/g, '\r\n') },
      { ...solution, dockerignore: '' },
    ];
    for (const variant of variants) expect(solutionId(variant)).not.toBe(base);
  });

  it('does not let text move between fields to forge the same ID', () => {
    const a = { dockerfile: 'FROM a\n.git', dockerignore: '' };
    const b = { dockerfile: 'FROM a\n', dockerignore: '.git' };
    expect(canonicalSolution(a)).not.toBe(canonicalSolution(b));
    expect(solutionId(a)).not.toBe(solutionId(b));
  });

  it('gives 20,000 distinct solutions 20,000 distinct IDs', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      ids.add(solutionId({ dockerfile: `FROM alpine:3.20\nRUN echo ${i}\n`, dockerignore: '' }));
    }
    expect(ids.size).toBe(20_000);
  });

  it('spreads IDs over the whole alphabet (no stuck positions)', () => {
    const seen = Array.from({ length: SHORT_ID_CHARS }, () => new Set<string>());
    for (let i = 0; i < 2_000; i++) {
      const id = solutionId({ dockerfile: `FROM scratch\n# ${i}\n`, dockerignore: '' });
      [...id].forEach((char, at) => seen[at].add(char));
    }
    for (const chars of seen) expect(chars.size).toBe(32);
  });
});

describe('checkShortId', () => {
  it('accepts every ID solutionId makes, in upper case too', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 50 }), (dockerfile, dockerignore) => {
        const id = solutionId({ dockerfile, dockerignore });
        expect(checkShortId(id)).toEqual({ ok: true, id });
        expect(checkShortId(id.toUpperCase())).toEqual({ ok: true, id });
      }),
      { numRuns: 200 },
    );
  });

  it('calls a wrong length or a foreign character malformed', () => {
    const id = solutionId(solution);
    for (const text of ['', 'abc', id.slice(1), `${id}0`, `${id.slice(0, -1)}u`, '../../etc']) {
      const result = checkShortId(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem).toBe('malformed');
    }
  });

  it('catches a changed character through the check characters', () => {
    const id = solutionId(solution);
    let caught = 0;
    let tried = 0;
    for (let at = 0; at < 18; at++) {
      for (const char of '0123456789abcdefghjkmnpqrstvwxyz') {
        if (char === id[at]) continue;
        tried++;
        const edited = id.slice(0, at) + char + id.slice(at + 1);
        const result = checkShortId(edited);
        if (!result.ok && result.problem === 'check-failed') caught++;
      }
    }
    // 10 check bits: about 1 edit in 1,024 slips through.
    expect(caught / tried).toBeGreaterThan(0.99);
  });
});

describe('contentMatchesId', () => {
  it('is true for the content an ID was made from and false for anything else', () => {
    const id = solutionId(solution);
    expect(contentMatchesId(id, solution)).toBe(true);
    expect(contentMatchesId(id, { ...solution, dockerfile: 'FROM evil\n' })).toBe(false);
  });
});
