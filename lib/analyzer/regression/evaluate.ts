/**
 * Runs the analyzer over regression cases and checks each against what it must say: every
 * expected finding present, every forbidden one absent; for a case with a real image size, no
 * error finding (the image builds and starts), the truth inside `sizeRange` and within the error
 * its confidence level promises (high ±10 %, medium ±25 %). Pure: the test and
 * `npm run calibrate` read the case files and pass their text in.
 */
import { analyze, type AnalyzerCache } from '../index';
import type { Confidence, Report } from '../types';
import type { RegressionCase } from './case';
import { formatBytes } from '../../format';

/** The largest error each confidence level promises (|estimate − truth| / truth). */
export const PROMISED_ERROR: Record<Confidence, number> = {
  high: 0.1,
  medium: 0.25,
  low: Infinity,
};

export interface CaseResult {
  case: RegressionCase;
  report?: Report;
  /** (estimate − truth) / truth, for sized cases. */
  error?: number;
  inRange?: boolean;
  /** Rules that fired, once each. */
  rules: string[];
  /** What the case expected and did not get, as sentences; empty when it passes. */
  failures: string[];
}

/**
 * Analyzes one case (with `cache`: pass one holding the apt name registry, as the CLI does) and
 * lists every expectation it misses; never throws.
 */
export function evaluateCase(c: RegressionCase, cache?: AnalyzerCache): CaseResult {
  let report: Report;
  try {
    report = analyze(c.input, { cache });
  } catch (err) {
    return {
      case: c,
      rules: [],
      failures: [`analyze threw: ${err instanceof Error ? err.message : String(err)}`],
    };
  }
  const failures: string[] = [];
  const rules = [...new Set(report.findings.map((f) => f.rule))].sort();
  for (const id of c.expect)
    if (!rules.includes(id)) failures.push(`expected ${id}, which did not fire`);
  if (cache?.baseIndex)
    for (const id of c.expectWithIndex)
      if (!rules.includes(id)) failures.push(`expected ${id} (with the index), which did not fire`);
  for (const id of c.expectNot)
    if (rules.includes(id)) failures.push(`${id} fired, which the case forbids`);
  for (const [id, text] of c.messageNot)
    for (const f of report.findings)
      if (f.rule === id && f.message.includes(text))
        failures.push(`${id} says "${text}": ${f.message}`);
  if (c.maxSavingsBytes !== undefined) {
    const total = report.findings.reduce((n, f) => n + (f.savingsBytes ?? 0), 0);
    if (total > c.maxSavingsBytes)
      failures.push(
        `findings promise ${formatBytes(total)} of savings, over ${formatBytes(c.maxSavingsBytes)}`,
      );
  }
  let error: number | undefined;
  let inRange: boolean | undefined;
  if (c.truth) {
    // A sized case rebuilds a published image: it builds and starts, so no error can be right.
    for (const f of report.findings)
      if (f.severity === 'error')
        failures.push(`error ${f.rule} on an image that builds and starts: ${f.message}`);
    const size = report.size;
    error = (size.bytes - c.truth.bytes) / c.truth.bytes;
    const [lo, hi] = size.sizeRange;
    inRange = lo <= c.truth.bytes && c.truth.bytes <= hi;
    if (!inRange)
      failures.push(
        `truth ${formatBytes(c.truth.bytes)} outside the range ${formatBytes(lo)}–${formatBytes(hi)}`,
      );
    if (Math.abs(error) > PROMISED_ERROR[size.confidence])
      failures.push(
        `confidence ${size.confidence} promises ±${PROMISED_ERROR[size.confidence] * 100} %, error is ${(error * 100).toFixed(1)} %`,
      );
  }
  return { case: c, report, error, inRange, rules, failures };
}
