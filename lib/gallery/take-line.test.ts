import { describe, expect, it } from 'vitest';
import { takeLine } from './take-line';

const shared = 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nUSER app\n';

describe('takeLine', () => {
  it('says "same" for a line the draft already has', () => {
    const draft = 'FROM python:3.11\nWORKDIR /app\nCOPY . .\nUSER app\n';
    const changes = [
      {
        originalStartLineNumber: 1,
        originalEndLineNumber: 1,
        modifiedStartLineNumber: 1,
        modifiedEndLineNumber: 1,
      },
    ];
    expect(takeLine(shared, draft, changes, 2)).toEqual({ kind: 'same' });
  });

  it('replaces the paired line of a changed block', () => {
    const draft = 'FROM python:3.11\nWORKDIR /app\nCOPY . .\nUSER app\n';
    const changes = [
      {
        originalStartLineNumber: 1,
        originalEndLineNumber: 1,
        modifiedStartLineNumber: 1,
        modifiedEndLineNumber: 1,
      },
    ];
    expect(takeLine(shared, draft, changes, 1)).toEqual({
      kind: 'replace',
      draftLine: 1,
      replaced: 'FROM python:3.11',
      line: 'FROM python:3.11-slim',
      text: shared,
    });
  });

  it('inserts a line the draft lacks after the line the diff names', () => {
    const draft = 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\n';
    const changes = [
      {
        originalStartLineNumber: 4,
        originalEndLineNumber: 4,
        modifiedStartLineNumber: 3,
        modifiedEndLineNumber: 0,
      },
    ];
    const result = takeLine(shared, draft, changes, 4);
    expect(result).toMatchObject({ kind: 'insert', draftLine: 3, line: 'USER app' });
    if (result.kind !== 'same') expect(result.text).toBe(shared);
  });

  it('inserts after a shorter draft block', () => {
    const two = 'FROM a\nRUN x\nRUN y\n';
    const draft = 'FROM a\nRUN z\n';
    const changes = [
      {
        originalStartLineNumber: 2,
        originalEndLineNumber: 3,
        modifiedStartLineNumber: 2,
        modifiedEndLineNumber: 2,
      },
    ];
    const result = takeLine(two, draft, changes, 3);
    expect(result).toMatchObject({ kind: 'insert', draftLine: 2 });
    if (result.kind !== 'same') expect(result.text).toBe('FROM a\nRUN z\nRUN y\n');
  });

  it('ignores a line number outside the shared text', () => {
    expect(takeLine(shared, '', [], 99)).toEqual({ kind: 'same' });
  });
});
