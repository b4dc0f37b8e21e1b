import { describe, expect, it } from 'vitest';
import { isNotText } from './text-kind';

describe('isNotText', () => {
  it.each([
    ['a NUL byte', 'FROM alpine\u0000\n'],
    ['the start of a PNG read as text', '\ufffdPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'],
    ['a zip archive', 'PK\u0003\u0004\u0014\u0000\u0008\u0000junk'],
    ['UTF-16 read as UTF-8', '\ufffd\ufffdF\u0000R\u0000O\u0000M\u0000'],
    ['many invalid sequences', `FROM alpine\n${'\ufffd'.repeat(40)}\n`],
  ])('not text: %s', (_reason, text) => {
    expect(isNotText(text)).toBe(true);
  });

  it.each([
    ['an empty text', ''],
    ['a Dockerfile with tabs and CRLF', 'FROM alpine\r\n\tRUN echo hi\r\n'],
    ['one mis-decoded accent in a comment', '# caf\ufffd\nFROM alpine\nRUN echo hi\n'],
    ['non-Latin text', '# 你好，世界\nFROM alpine\nLABEL description="Überall ✓"\n'],
  ])('text: %s', (_reason, text) => {
    expect(isNotText(text)).toBe(false);
  });
});
