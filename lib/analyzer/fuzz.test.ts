import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzerCache } from './index';
import { checkReport, fuzzInputs, stableJson } from './fuzz-families';

// How long each input takes is printed by `npm run fuzz` (median, p99, max CPU ms), not asserted here.
describe('analyze', () => {
  it('never throws, repeats itself and keeps its invariants on generated inputs', () => {
    // Warm with every earlier input: a warm analysis must answer what a cold one did.
    const warm = createAnalyzerCache();
    fc.assert(
      fc.property(fuzzInputs, (input) => {
        const report = analyze(input);
        expect(checkReport(input.dockerfile, report)).toEqual([]);
        expect(stableJson(analyze(input, { cache: warm }))).toBe(stableJson(report));
      }),
      { seed: 12, numRuns: 150 },
    );
  });
});
