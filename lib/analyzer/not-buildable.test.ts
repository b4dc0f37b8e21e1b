import { describe, expect, it } from 'vitest';
import { analyze } from './index';

describe('analyze', () => {
  it.each([
    ['an empty text', ''],
    ['only blank lines and comments', '\n\n# nothing yet\n'],
    ['instructions but no FROM', 'RUN apt-get update\nUSER root\nCMD ["sh"]\n'],
  ])('%s is only a "No FROM" problem: no findings, nothing to build', (_reason, dockerfile) => {
    const report = analyze({ dockerfile });
    expect(report.isBuildable).toBe(false);
    expect(report.findings).toEqual([]);
    expect(report.problems[0].message).toMatch(/^No FROM instruction/);
    expect(report.start.status).toBe('unknown');
  });

  it.each([
    [
      'NUL bytes and junk',
      '\u0000\u0001\u0002PK\u0003\u0004\u0000garbage\nmore\u0000junk\nRUN x\n',
    ],
    ['a PNG header', '\ufffdPNG\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\ufffd'],
    ['a Dockerfile with a NUL in it', 'FROM alpine:3.20\nRUN echo hi\u0000\n'],
  ])('%s is "not a text file", said once, with nothing echoed', (_reason, dockerfile) => {
    const report = analyze({ dockerfile });
    expect(report.isBuildable).toBe(false);
    expect(report.findings).toEqual([]);
    expect(report.layers).toEqual([]);
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^This is not a text file/),
    ]);
  });

  it('a Dockerfile with a FROM is buildable', () => {
    const report = analyze({ dockerfile: 'FROM alpine:3.20\nRUN echo hi\n' });
    expect(report.isBuildable).toBe(true);
    expect(report.problems).toEqual([]);
  });
});
