import { describe, expect, it } from 'vitest';
import { applyFix } from './fix';
import type { TextEdit } from './types';

const edit = (sl: number, sc: number, el: number, ec: number, newText: string): TextEdit => ({
  range: { start: { line: sl, character: sc }, end: { line: el, character: ec } },
  newText,
});

describe('applyFix', () => {
  const text = 'FROM python:3.12\nRUN apt-get update\nCMD ["python"]\n';

  it('replaces a range, inserts at an empty range, and deletes', () => {
    expect(applyFix(text, [edit(0, 12, 0, 16, '3.12-slim')])).toBe(
      'FROM python:3.12-slim\nRUN apt-get update\nCMD ["python"]\n',
    );
    expect(applyFix(text, [edit(1, 18, 1, 18, ' && rm -rf /var/lib/apt/lists/*')])).toBe(
      'FROM python:3.12\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nCMD ["python"]\n',
    );
    expect(applyFix(text, [edit(1, 0, 2, 0, '')])).toBe('FROM python:3.12\nCMD ["python"]\n');
  });

  it('applies several edits against the original text, whatever their order', () => {
    const edits = [edit(2, 0, 2, 3, 'ENTRYPOINT'), edit(0, 12, 0, 16, '3.12-slim')];
    const expected = 'FROM python:3.12-slim\nRUN apt-get update\nENTRYPOINT ["python"]\n';
    expect(applyFix(text, edits)).toBe(expected);
    expect(applyFix(text, [...edits].reverse())).toBe(expected);
    expect(applyFix(text, { title: 'both', edits })).toBe(expected);
  });

  it('keeps the order of inserts at the same place', () => {
    expect(applyFix('ab', [edit(0, 1, 0, 1, 'X'), edit(0, 1, 0, 1, 'Y')])).toBe('aXYb');
  });

  it('keeps the line endings of a CRLF or CR file in inserted lines', () => {
    const insert = [edit(1, 0, 1, 0, 'RUN a\nRUN b\n')];
    expect(applyFix('FROM x\r\nCMD y\r\n', insert)).toBe('FROM x\r\nRUN a\r\nRUN b\r\nCMD y\r\n');
    expect(applyFix('FROM x\rCMD y\r', insert)).toBe('FROM x\rRUN a\rRUN b\rCMD y\r');
    expect(applyFix('FROM x\rCMD y', [edit(1, 9, 1, 9, '!')])).toBe('FROM x\rCMD y!');
  });

  it('rejects overlapping edits', () => {
    expect(() => applyFix(text, [edit(0, 0, 0, 10, 'a'), edit(0, 5, 0, 12, 'b')])).toThrow(
      RangeError,
    );
  });

  it('clamps positions past the end of a line or of the text', () => {
    expect(applyFix('abc\ndef', [edit(0, 99, 0, 99, '!')])).toBe('abc!\ndef');
    expect(applyFix('abc', [edit(5, 0, 5, 0, '\nx')])).toBe('abc\nx');
  });

  it('treats CRLF line ends as the end of the line', () => {
    expect(applyFix('ab\r\ncd\r\n', [edit(0, 99, 0, 99, '!')])).toBe('ab!\r\ncd\r\n');
  });
});
