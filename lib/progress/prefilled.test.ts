import { describe, expect, it } from 'vitest';
import { settlePrefilled } from './prefilled';

const start = { dockerfile: 'FROM debian\n', dockerignore: 'node_modules\n' };
const saved = (dockerfile: string, dockerignore = start.dockerignore) => ({
  dockerfile,
  dockerignore,
  savedAt: '2026-12-01T10:00:00.000Z',
});

describe('settlePrefilled', () => {
  it.each([
    ['the page showed no prefilled editor', undefined, saved('FROM alpine\n')],
    ['nothing was typed and no draft is saved', start.dockerfile, undefined],
    ['nothing was typed and a different draft is saved', start.dockerfile, saved('FROM alpine\n')],
  ])('leaves the editor to open as always when %s', (_reason, typed, draft) => {
    expect(settlePrefilled(start, typed, draft)).toEqual({ kind: 'untouched' });
  });

  it.each([
    ['no draft is saved', undefined, start.dockerignore],
    ['the saved draft is the start', saved(start.dockerfile), start.dockerignore],
    ['the saved draft is what was typed', saved('FROM debian\n# mine\n'), start.dockerignore],
    [
      'the saved draft changed only the .dockerignore',
      saved(start.dockerfile, '*.log\n'),
      '*.log\n',
    ],
  ])('goes on with what was typed when %s', (_reason, draft, dockerignore) => {
    expect(settlePrefilled(start, 'FROM debian\n# mine\n', draft)).toEqual({
      kind: 'typed',
      base: { dockerfile: start.dockerfile, dockerignore },
    });
  });

  it('keeps both when a different Dockerfile was saved: the typed one in the editor, the saved one stored', () => {
    const draft = saved('FROM alpine\n', '*.log\n');
    expect(settlePrefilled(start, 'FROM debian\n# mine\n', draft)).toEqual({
      kind: 'conflict',
      base: { dockerfile: start.dockerfile, dockerignore: '*.log\n' },
      mine: { dockerfile: 'FROM debian\n# mine\n', dockerignore: '*.log\n' },
      theirs: draft,
    });
  });
});
