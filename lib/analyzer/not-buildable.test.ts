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

describe('here-documents that never end', () => {
  // The errors this check adds (a shell script's own syntax errors are reported apart).
  const errors = (dockerfile: string) =>
    analyze({ dockerfile })
      .problems.filter((p) => p.severity === 'error' && p.message.includes('never ends'))
      .map((p) => p.message);

  it.each([
    ['the terminator indented with spaces', 'FROM alpine\nRUN <<EOF\necho hi\n  EOF\nCMD ["x"]\n'],
    ['no terminator before the end of the file', 'FROM alpine\nRUN <<EOF\necho hi\n'],
    ['<<- with spaces, not tabs', 'FROM alpine\nRUN <<-EOF\n\techo hi\n  EOF\n'],
    ['a COPY here-document', 'FROM alpine\nCOPY <<EOF /x\nhi\n'],
  ])('%s: an error, as BuildKit stops with "unterminated heredoc"', (_why, dockerfile) => {
    const found = errors(dockerfile);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/<<EOF never ends/);
  });

  it('names only the second of two here-documents when only it is open', () => {
    expect(errors('FROM alpine\nRUN <<EOF <<END\necho 1\nEOF\necho 2\n')).toEqual([
      expect.stringMatching(/<<END never ends/),
    ]);
  });

  it.each([
    ['terminated', 'FROM alpine\nRUN <<EOF\necho hi\nEOF\n'],
    ['<<- with a tab-indented terminator', 'FROM alpine\nRUN <<-EOF\n\techo hi\n\tEOF\n'],
    ['a quoted name', 'FROM alpine\nRUN cat <<"EOF"\nhi\nEOF\n'],
    ['CRLF line ends', 'FROM alpine\r\nRUN cat <<EOF\r\nhi\r\nEOF\r\n'],
    ['exec form, where << is just text', 'FROM alpine\nRUN ["sh", "-c", "cat <<EOF"]\n'],
    ['a here-string', 'FROM alpine\nRUN cat <<< "hi"\n'],
    ['<< inside quotes', 'FROM alpine\nRUN echo "<<EOF" > x\n'],
  ])('%s: no error', (_why, dockerfile) => {
    expect(errors(dockerfile)).toEqual([]);
  });
});
