/**
 * `npm run calibrate`: runs the analyzer over the regression cases in
 * lib/analyzer/regression/cases and prints, over the cases with a cited real image size, the
 * error distribution per confidence level (count, median, p90 and max absolute error) and how many
 * truths fall outside `sizeRange`; then, over the cases with expected findings, how often each
 * rule was right. A rule's precision counts the cases that name it: a firing the case expects is
 * a true positive, a firing the case forbids a false positive (precision = tp / (tp + fp)).
 *
 * The official-image tag index (and the sizes it carries) is installed first, as the CLI does;
 * `--no-index` leaves it out, which is what a page sees before the index chunk has loaded.
 *
 *   npm run calibrate -- [--cases] [--no-index]   (--cases also prints one line per sized case)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../lib/analyzer/regression/case';
import { evaluateCase, PROMISED_ERROR, type CaseResult } from '../lib/analyzer/regression/evaluate';
import type { Confidence } from '../lib/analyzer/types';
import { formatBytes } from '../lib/format';
import { ALL_APT_NAMES } from '../lib/analyzer/apt-names-all';
import { createAnalyzerCache } from '../lib/analyzer/cache';
import { buildModel } from '../lib/analyzer/index';
import { rootStage } from '../lib/analyzer/rules/helpers/model';
import { staticBaseIndex } from '../lib/sizes/base-index-static';
import { resolveBaseImage } from '../lib/sizes/base-images';

const withIndex = !process.argv.includes('--no-index');
const baseIndex = withIndex ? staticBaseIndex() : undefined;

/** One cache for the run, with the apt name registry the CLI uses. */
const cache = createAnalyzerCache({ aptNames: ALL_APT_NAMES, baseIndex });

const DIR = new URL('../lib/analyzer/regression/cases', import.meta.url).pathname;
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.Dockerfile'))
  .sort();
const results: CaseResult[] = files.map((f) =>
  evaluateCase(parseCase(f, readFileSync(join(DIR, f), 'utf8')), cache),
);

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}
const pct = (x: number) => (Number.isNaN(x) ? '   -' : `${(x * 100).toFixed(1)} %`.padStart(8));

const sized = results.filter((r) => r.error !== undefined);
console.log(
  `${results.length} cases: ${sized.length} with a real image size, ${results.length - sized.length} with expected findings only`,
);
const knownBase = sized.filter((r) =>
  r.report?.size.unknowns.every((u) => u.kind !== 'base-image'),
);
console.log(`base image known: ${knownBase.length} of ${sized.length} sized cases`);
// Measured: the final stage's base is a build with its own measured size (an exact match, an
// alias of the same image, another tag of the same build, or a repo-info size for the build), not
// a stand-in for a nearby build or a guess from its family.
const isMeasured = (r: CaseResult) => {
  const ref = rootStage(buildModel(r.case.input).target).baseRef;
  return ref === 'scratch' || resolveBaseImage(ref, baseIndex)?.isExact === true;
};
console.log(
  `base image known and measured: ${results.filter(isMeasured).length} of ${results.length} cases, ${sized.filter(isMeasured).length} of ${sized.length} sized cases (official-image tag index ${withIndex ? 'passed in, as the CLI does' : 'not passed'})`,
);
console.log('');
console.log('confidence  cases   median      p90      max   promise  outside range');
for (const level of ['high', 'medium', 'low'] as Confidence[]) {
  const rs = sized.filter((r) => r.report?.size.confidence === level);
  const errs = rs.map((r) => Math.abs(r.error!)).sort((a, b) => a - b);
  const outside = rs.filter((r) => !r.inRange).length;
  const promise =
    PROMISED_ERROR[level] === Infinity ? '     -' : `±${PROMISED_ERROR[level] * 100} %`.padStart(6);
  console.log(
    `${level.padEnd(10)} ${String(rs.length).padStart(6)} ${pct(quantile(errs, 0.5))} ${pct(quantile(errs, 0.9))} ${pct(errs[errs.length - 1] ?? NaN)}    ${promise}  ${String(outside).padStart(6)}`,
  );
}
const broken = sized.filter((r) => Math.abs(r.error!) > PROMISED_ERROR[r.report!.size.confidence]);
console.log(
  `outside their level's promise: ${broken.length}; outside sizeRange: ${sized.filter((r) => !r.inRange).length} of ${sized.length}`,
);
if (process.argv.includes('--cases')) {
  console.log('');
  for (const r of sized) {
    const s = r.report!.size;
    console.log(
      `${r.case.name.padEnd(40)} ${s.confidence.padEnd(6)} est ${formatBytes(s.bytes).padStart(8)}  truth ${formatBytes(r.case.truth!.bytes).padStart(8)}  error ${pct(r.error!)}  range ${formatBytes(s.sizeRange[0])}–${formatBytes(s.sizeRange[1])}`,
    );
  }
}

console.log('');
console.log(
  'rule                            cases  fired-expected  fired-forbidden  missed  silent-as-expected  precision',
);
const rules = new Set(
  results.flatMap((r) => [
    ...r.case.expect,
    ...(baseIndex ? r.case.expectWithIndex : []),
    ...r.case.expectNot,
  ]),
);
for (const id of [...rules].sort()) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let named = 0;
  for (const r of results) {
    const wants =
      r.case.expect.includes(id) ||
      (baseIndex !== undefined && r.case.expectWithIndex.includes(id));
    const forbids = r.case.expectNot.includes(id);
    if (!wants && !forbids) continue;
    named++;
    const fired = r.rules.includes(id);
    if (wants && fired) tp++;
    if (wants && !fired) fn++;
    if (forbids && fired) fp++;
    if (forbids && !fired) tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : NaN;
  console.log(
    `${id.padEnd(30)} ${String(named).padStart(6)} ${String(tp).padStart(15)} ${String(fp).padStart(16)} ${String(fn).padStart(7)} ${String(tn).padStart(19)}   ${pct(precision)}`,
  );
}
const errorFindings = results.flatMap((r) =>
  r.case.truth
    ? (r.report?.findings ?? [])
        .filter((f) => f.severity === 'error')
        .map((f) => `${r.case.name}: ${f.rule}`)
    : [],
);
console.log('');
console.log(
  `error-severity findings on the sized cases (images that build and start): ${errorFindings.length}`,
);
for (const e of errorFindings) console.log(`  ${e}`);
const failing = results.filter((r) => r.failures.length > 0);
console.log(`cases failing an expectation: ${failing.length}`);
for (const r of failing) console.log(`  ${r.case.name}: ${r.failures.join('; ')}`);
