import { describe, expect, it } from 'vitest';
import type { editor } from 'monaco-editor/editor';
import type { Finding } from '@/lib/analyzer';
import {
  codeActionsFor,
  findingsToMarkers,
  fixToEdits,
  toMonacoRange,
  toPosition,
} from './monaco-convert';
import type { ModelHooks } from './monaco-convert';

const finding: Finding = {
  rule: 'apt-lists-not-removed',
  technique: 'combine-run',
  severity: 'warning',
  message: 'apt package lists stay in this layer.',
  range: { start: { line: 3, character: 0 }, end: { line: 3, character: 40 } },
  savingsBytes: 19_900_000,
  lesson: 'combine-run',
  fixes: [
    {
      title: 'Delete the lists',
      edits: [
        {
          range: { start: { line: 3, character: 40 }, end: { line: 3, character: 40 } },
          newText: ' && rm -rf /var/lib/apt/lists/*',
        },
      ],
    },
  ],
};

function fakeModel(versionId: number): editor.ITextModel {
  return {
    getVersionId: () => versionId,
    uri: { toString: () => 'inmemory://x' },
  } as unknown as editor.ITextModel;
}

function hooksFor(versionId: number | undefined): ModelHooks {
  return {
    hover: async () => null,
    complete: async () => [],
    findings: () => (versionId === undefined ? undefined : { findings: [finding], versionId }),
  };
}

describe('toMonacoRange', () => {
  it('turns the core 0-based range into Monaco 1-based lines and columns', () => {
    expect(toMonacoRange(finding.range)).toEqual({
      startLineNumber: 4,
      startColumn: 1,
      endLineNumber: 4,
      endColumn: 41,
    });
  });
});

describe('toPosition', () => {
  it('is the inverse for positions', () => {
    expect(toPosition({ lineNumber: 1, column: 1 })).toEqual({ line: 0, character: 0 });
  });
});

describe('findingsToMarkers', () => {
  it('puts the savings into the hover message and keeps the rule as the code', () => {
    const [marker] = findingsToMarkers([finding], 7);
    expect(marker.message).toContain('19.9 MB');
    expect(marker.code).toBe('apt-lists-not-removed');
    expect(marker.modelVersionId).toBe(7);
    expect(marker.startLineNumber).toBe(4);
  });
});

describe('fixToEdits', () => {
  it('converts every edit of the fix', () => {
    expect(fixToEdits(finding.fixes[0])).toEqual([
      {
        range: { startLineNumber: 4, startColumn: 41, endLineNumber: 4, endColumn: 41 },
        text: ' && rm -rf /var/lib/apt/lists/*',
      },
    ]);
  });
});

describe('codeActionsFor', () => {
  const [marker] = findingsToMarkers([finding], 5);

  it('offers the fix for a Layerlab marker when the analysis matches the text', () => {
    const actions = codeActionsFor(fakeModel(5), [marker], hooksFor(5));
    expect(actions.map((a) => a.title)).toEqual(['Delete the lists']);
    expect(actions[0].kind).toBe('quickfix');
  });

  it('offers nothing when the text changed since the analysis', () => {
    expect(codeActionsFor(fakeModel(6), [marker], hooksFor(5))).toEqual([]);
  });

  it('ignores markers of other owners', () => {
    const other = { ...marker, source: 'dockerfile' };
    expect(codeActionsFor(fakeModel(5), [other], hooksFor(5))).toEqual([]);
  });
});
