import { describe, expect, it } from 'vitest';
import { analyze, buildModel, createAnalyzerCache } from './index';
import { rebuildOf } from './rebuilds';
import { sameInput } from './cache';
import type { AnalyzeInput } from './types';

const dockerfile = [
  'FROM node:22-slim',
  'WORKDIR /app',
  'COPY package.json .',
  'RUN npm install',
  `RUN echo ${'x'.repeat(120)}`,
  'COPY src/ src/',
  'CMD ["node", "src/app.js"]',
  '',
].join('\n');

const input: AnalyzeInput = {
  dockerfile,
  context: {
    files: [
      { path: 'package.json', sizeBytes: 500, content: '{"dependencies":{}}' },
      { path: 'src/app.js', sizeBytes: 40_000 },
    ],
  },
};

describe('analyze(input, options)', () => {
  it('without options, answers only the report fields it always had', () => {
    const report = analyze(input);
    expect(report.goals).toBeUndefined();
    expect(report.rebuilds).toBeUndefined();
    expect(report.startComparison).toBeUndefined();
  });

  it('answers "What rebuilds" for each asked path, in order, as the panel shows it', () => {
    const report = analyze(input, { rebuildPaths: ['package.json', 'src/app.js', 'README.md'] });
    const [pkg, app, readme] = report.rebuilds!;
    expect(pkg.path).toBe('package.json');
    expect(pkg.layers.map((l) => l.line)).toEqual([2, 3, 4, 5]);
    expect(pkg.cachedLayers).toBe(0);
    expect(pkg.rebuiltBytes).toBe(pkg.layers.reduce((sum, l) => sum + l.sizeBytes, 0));
    // The long RUN reads as 77 characters and an ellipsis.
    expect(pkg.layers[2].text).toHaveLength(78);
    expect(pkg.layers[2].text.endsWith('…')).toBe(true);
    expect(app.layers.map((l) => [l.line, l.instruction])).toEqual([[5, 'COPY']]);
    expect(app.cachedLayers).toBe(3);
    expect(readme).toEqual({
      path: 'README.md',
      layers: [],
      rebuiltBytes: 0,
      cachedLayers: report.layers.length,
    });
  });

  it('the rebuild answer is the model’s invalidation, summed', () => {
    const model = buildModel(input);
    const answer = rebuildOf(model, './src/app.js');
    expect(answer.rebuiltBytes).toBe(
      model.invalidatedBy('src/app.js').reduce((sum, l) => sum + l.sizeBytes, 0),
    );
  });

  it('compares with the start: its estimated size, as analysing the start alone gives', () => {
    const start = { dockerfile: 'FROM node:22\nCOPY . .\n' };
    const report = analyze(input, { start });
    const alone = analyze({ ...input, ...start, dockerignore: '' });
    expect(report.startComparison).toEqual({ startBytes: alone.size.bytes });
    expect(report.startComparison!.startBytes).toBeGreaterThan(report.size.bytes);
  });

  it('with a cache, the same input answers the same report, and a changed one a new report', () => {
    const cache = createAnalyzerCache();
    const first = analyze(input, { cache });
    const again = analyze(input, { cache, rebuildPaths: ['src/app.js'] });
    const { elapsedMs: _a, ...a } = first;
    const { elapsedMs: _b, rebuilds: _r, ...b } = again;
    expect(b).toEqual(a);
    expect(cache.slotNames()).toContain('last analysis');
    const changed = analyze({ ...input, dockerfile: 'FROM alpine:3.20\n' }, { cache });
    expect(changed.base.ref).not.toBe(first.base.ref);
  });

  it('keeps apk, pip and npm closures in the caller cache, so a new cache starts without them', () => {
    const dockerfile =
      'FROM python:3.12-alpine\nRUN apk add --no-cache git curl\nRUN pip install flask\nRUN apk add --no-cache nodejs npm && npm install express\n';
    const cache = createAnalyzerCache();
    const first = analyze({ dockerfile }, { cache });
    expect(cache.slotNames()).toEqual(
      expect.arrayContaining(['apk closures', 'pip closures', 'npm closures']),
    );
    const fresh = createAnalyzerCache();
    expect(fresh.slotNames()).toEqual([]);
    const { elapsedMs: _a, ...a } = first;
    const { elapsedMs: _b, ...b } = analyze({ dockerfile }, { cache: fresh });
    expect(b).toEqual(a);
  });

  it('a different context of the same file count and total size is a different input', () => {
    const other: AnalyzeInput = {
      ...input,
      context: {
        files: [
          { path: 'package.json', sizeBytes: 500, content: '{"dependencies":{}}' },
          { path: 'lib/app.js', sizeBytes: 40_000 },
        ],
      },
    };
    expect(sameInput(input, other)).toBe(false);
    const cache = createAnalyzerCache();
    const shipped = analyze(input, { cache }).final.contextFilesShipped;
    const otherShipped = analyze(other, { cache }).final.contextFilesShipped;
    expect(shipped).toContain('src/app.js');
    expect(otherShipped).not.toContain('src/app.js');
  });

  it('editing the caller’s input after the call does not change what the cache compares', () => {
    const mine: AnalyzeInput = structuredClone(input);
    const cache = createAnalyzerCache();
    analyze(mine, { cache });
    mine.context!.files[1].sizeBytes = 4_000_000;
    expect(sameInput(mine, input)).toBe(false);
    const after = analyze(mine, { cache });
    expect(after.context.totalBytes).toBe(4_000_500);
  });
});
