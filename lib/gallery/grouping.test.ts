import { describe, expect, it } from 'vitest';
import { ignorePatterns, parsedInstructions, solutionGroupKey } from './grouping';

const reference =
  'FROM python:3.11-slim\nWORKDIR /app\nCOPY --chown=app . .\nRUN pip install -r r.txt && rm -rf /tmp/x\nCMD ["python", "app.py"]\n';

describe('solutionGroupKey', () => {
  const same: [string, string][] = [
    [
      'comments and blank lines added',
      `# my solution\n\n${reference.replace('WORKDIR', '# where\nWORKDIR')}\n\n`,
    ],
    ['keyword case changed', reference.replace('FROM', 'from').replace('RUN', 'run')],
    ['a RUN split over lines', reference.replace(' && ', ' \\\n    && ')],
    ['runs of spaces', reference.replace('WORKDIR /app', 'WORKDIR    /app')],
    ['CRLF line endings', reference.replace(/\n/g, '\r\n')],
  ];
  it.each(same)('groups solutions that differ only in layout: %s', (_reason, text) => {
    expect(solutionGroupKey(text, '.git\n')).toBe(solutionGroupKey(reference, '.git\n'));
  });

  const different: [string, string, string][] = [
    ['another base image', reference.replace('3.11-slim', '3.12-slim'), '.git\n'],
    ['a flag dropped', reference.replace('--chown=app ', ''), '.git\n'],
    [
      'instructions reordered',
      reference.replace('WORKDIR /app\nCOPY --chown=app . .', 'COPY --chown=app . .\nWORKDIR /app'),
      '.git\n',
    ],
    ['another .dockerignore', reference, '.git\nnode_modules\n'],
  ];
  it.each(different)('keeps solutions apart when they differ: %s', (_reason, text, ignore) => {
    expect(solutionGroupKey(text, ignore)).not.toBe(solutionGroupKey(reference, '.git\n'));
  });

  it('treats .dockerignore comments and blank lines as layout', () => {
    expect(solutionGroupKey(reference, '# vcs\n\n.git\n')).toBe(
      solutionGroupKey(reference, '.git'),
    );
  });

  it('never throws on text that is not a Dockerfile', () => {
    expect(solutionGroupKey('\u0000\\\n<<EOF', '')).toMatch(/^[0-9a-z]{16}$/);
  });
});

describe('parsedInstructions', () => {
  it('keeps keyword, flags and words', () => {
    expect(parsedInstructions('copy --from=build /a /b\n')).toEqual([
      ['COPY', '--from=build', '/a', '/b'],
    ]);
  });
});

describe('ignorePatterns', () => {
  it('keeps order (negations depend on it)', () => {
    expect(ignorePatterns('*.md\n!README.md\n')).toEqual(['*.md', '!README.md']);
  });
});
