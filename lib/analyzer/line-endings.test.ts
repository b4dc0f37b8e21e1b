import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, applyFix } from './index';
import { lineBounds, normalizeLineEndings, offsetOfPosition } from './line-endings';
import type { Report } from './types';

const lessonsDir = join(__dirname, '../../content/lessons');
const starts = readdirSync(lessonsDir)
  .filter((d) => /^\d\d-/.test(d))
  .map((d) => [d, readFileSync(join(lessonsDir, d, 'start.Dockerfile'), 'utf8')] as const);

const withEnding = (lf: string, eol: string) => lf.replace(/\n/g, eol);

/** The report without timing, so reports of the same Dockerfile compare equal. */
const stable = (r: Report) => JSON.stringify({ ...r, elapsedMs: undefined });

describe('normalizeLineEndings', () => {
  it.each([
    ['CRLF', 'a\r\nbc\r\n\r\nd'],
    ['lone CR', 'a\rbc\r\rd'],
    ['mixed', 'a\r\r\nb\nc\rd\r\n'],
    ['LF only', 'a\nb'],
  ])('maps every offset of the %s text back to the same character', (_r, original) => {
    const n = normalizeLineEndings(original);
    expect(n.text).not.toMatch(/\r/);
    for (let i = 0; i < n.text.length; i++) {
      const o = n.toOriginal(i);
      if (n.text[i] === '\n') expect('\r\n').toContain(original[o]);
      else expect(original[o]).toBe(n.text[i]);
    }
    expect(n.toOriginal(n.text.length)).toBe(original.length);
  });

  it('counts lines as the editor does: CR, CRLF and LF each end one', () => {
    const original = 'a\r\r\nb\nc\rd';
    expect(normalizeLineEndings(original).text.split('\n')).toHaveLength(5);
    expect(lineBounds(original).starts).toHaveLength(5);
    expect(offsetOfPosition(original, { line: 3, character: 0 })).toBe(original.indexOf('c'));
    expect(offsetOfPosition(original, { line: 0, character: 9 })).toBe(1);
  });
});

describe('analyze', () => {
  it('sizes a Dockerfile with lone CR line endings as its LF version', () => {
    const lf =
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\nCMD ["python"]\n';
    const context = { files: [{ path: 'app.py', sizeBytes: 5_000_000 }] };
    const want = analyze({ dockerfile: lf, context });
    for (const eol of ['\r', '\r\n']) {
      const got = analyze({ dockerfile: withEnding(lf, eol), context });
      expect(got.size.bytes).toBe(want.size.bytes);
      expect(got.layers.map((l) => l.sizeBytes)).toEqual(want.layers.map((l) => l.sizeBytes));
      expect(got.findings.map((f) => f.rule)).toEqual(want.findings.map((f) => f.rule));
    }
  });

  it.each(starts)('reports %s the same with CR, CRLF and LF line endings', (_lesson, lf) => {
    const want = stable(analyze({ dockerfile: lf }));
    expect(stable(analyze({ dockerfile: withEnding(lf, '\r\n') }))).toBe(want);
    expect(stable(analyze({ dockerfile: withEnding(lf, '\r') }))).toBe(want);
  });

  it.each(starts)('applies every fix of %s to the CR and CRLF text', (_lesson, lf) => {
    const fixes = analyze({ dockerfile: lf }).findings.flatMap((f) => f.fixes);
    for (const eol of ['\r', '\r\n']) {
      const original = withEnding(lf, eol);
      const again = analyze({ dockerfile: original }).findings.flatMap((f) => f.fixes);
      expect(again).toEqual(fixes);
      for (const fix of fixes) {
        const fixed = applyFix(original, fix);
        expect(fixed).toBe(withEnding(applyFix(lf, fix), eol));
      }
    }
  });

  it('keeps every range of a CRLF report on the same characters as in the LF text', () => {
    const lf = starts.map(([, t]) => t).join('\n');
    const crlf = withEnding(lf, '\r\n');
    const report = analyze({ dockerfile: crlf });
    const slice = (t: string, r: Report['findings'][number]['range']) =>
      t.slice(offsetOfPosition(t, r.start), offsetOfPosition(t, r.end)).replace(/\r/g, '');
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(slice(crlf, f.range)).toBe(slice(lf, f.range));
  });
});
