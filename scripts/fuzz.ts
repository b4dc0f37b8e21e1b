/**
 * `npm run fuzz`: a longer robustness campaign over the generated families of
 * lib/analyzer/fuzz-families.ts (the unit suite runs a short one). For every input: analyze()
 * must not throw, must give the same report twice (cold and warm shell-parse memo), and the
 * report must hold checkReport's invariants. Prints inputs tried, CPU time per input
 * (median, p99, max), the slowest inputs, and any failure with the seed and path that replay it.
 *
 *   npm run fuzz -- [--runs N] [--seed S] [--path P]
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { analyze, createAnalyzerCache } from '../lib/analyzer/index';
import { checkReport, fuzzInputs, stableJson } from '../lib/analyzer/fuzz-families';
import type { AnalyzeInput } from '../lib/analyzer/types';
import { cpuMs } from './cpu-time';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(arg('runs') ?? 2000);
const seed = Number(arg('seed') ?? Date.now() % 2 ** 31);
const path = arg('path');
if (!Number.isInteger(runs) || runs <= 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--path P]');
  process.exit(2);
}

const preview = (input: AnalyzeInput) =>
  JSON.stringify(input.dockerfile.slice(0, 70)) +
  ` (${input.dockerfile.length.toLocaleString('en')} chars)`;

const times: { ms: number; input: AnalyzeInput }[] = [];
/** Warm with every earlier input: the second analysis of each input must match the cold one. */
const warm = createAnalyzerCache();
const result = fc.check(
  fc.property(fuzzInputs, (input) => {
    let first = '';
    let report;
    const ms = cpuMs(() => {
      report = analyze(input);
    });
    first = stableJson(report!);
    times.push({ ms, input });
    const again = stableJson(analyze(input, { cache: warm }));
    if (again !== first) throw new Error('two analyses of the same input differ');
    const bad = checkReport(input.dockerfile, report!);
    if (bad.length) throw new Error(bad.slice(0, 3).join('; '));
  }),
  { numRuns: runs, seed, ...(path ? { path } : {}), endOnFailure: true },
);

const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
console.log(`seed ${seed}: ${times.length.toLocaleString('en')} inputs tried`);
console.log(
  `CPU ms per input: median ${q(0.5).toFixed(1)}, p99 ${q(0.99).toFixed(1)}, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)}`,
);
console.log('slowest inputs:');
for (const t of [...times].sort((a, b) => b.ms - a.ms).slice(0, 8))
  console.log(`  ${t.ms.toFixed(1).padStart(8)} ms  ${preview(t.input)}`);
if (result.failed) {
  const input = result.counterexample?.[0] as AnalyzeInput | undefined;
  const file = `fuzz-failure-${seed}.json`;
  if (input) writeFileSync(file, JSON.stringify(input, null, 2));
  console.log(
    `\nFAILED: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`,
  );
  console.log(
    `input written to ${file}; replay: npm run fuzz -- --seed ${seed} --path ${result.counterexamplePath}`,
  );
  process.exit(1);
}
console.log('no failure');
