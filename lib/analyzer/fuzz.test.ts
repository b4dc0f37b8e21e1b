import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzerCache } from './index';
import { checkReport, fuzzInputs, stableJson } from './fuzz-families';

/**
 * CPU time one generated input may take. `npm run fuzz -- --runs 3000 --seed 42` measured a p99
 * of 26 ms and a maximum of 139 ms on the shared 2-core development machine (README, "Bounded
 * analysis"); 0.5 s leaves room for a loaded CI machine while still catching the seconds-long
 * backtracking and parser blow-ups this test exists for.
 */
const CPU_BUDGET_MS = 500;

const cpuMs = (fn: () => void) => {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};

describe('analyze', () => {
  it('never throws, repeats itself and keeps its invariants on generated inputs', () => {
    // Warm with every earlier input: a warm analysis must answer what a cold one did.
    const warm = createAnalyzerCache();
    fc.assert(
      fc.property(fuzzInputs, (input) => {
        let first = '';
        let bad: string[] = [];
        const ms = cpuMs(() => {
          const report = analyze(input);
          first = stableJson(report);
          bad = checkReport(input.dockerfile, report);
        });
        expect(bad).toEqual([]);
        expect(stableJson(analyze(input, { cache: warm }))).toBe(first);
        expect(ms).toBeLessThan(CPU_BUDGET_MS);
      }),
      { seed: 12, numRuns: 150 },
    );
  });
});
