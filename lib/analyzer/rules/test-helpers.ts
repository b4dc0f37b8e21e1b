/**
 * Table-driven tests for rules (STYLE.md §3). Each case is keyed by a reason written as a
 * sentence. Invalid cases name the 1-based lines (as an editor shows them) where the rule reports;
 * a case with `fixed` applies every offered fix, compares the text, and re-runs the rule to prove
 * the problem is gone. A case without `fixed` asserts that no fix is offered.
 */
import { describe, expect, it } from 'vitest';
import { applyFix } from '../fix';
import { buildModel } from '../model';
import type { AnalyzerCache } from '../cache';
import type { RuleDefinition, RuleHit } from '../rule';
import type { AnalyzeInput, ContextFile, Fix } from '../types';

/** Context files: path → text content (sized by its length) or a size in bytes. */
export type FileSpec = Record<string, string | number>;

export interface RuleCase {
  dockerfile: string;
  dockerignore?: string;
  files?: FileSpec;
  target?: string;
}

export interface InvalidCase extends RuleCase {
  /** 1-based lines where the rule reports, in report order. */
  lines: number[];
  /** The Dockerfile after applying every offered fix; leave out when no fix is offered. */
  fixed?: string;
  /** Each hit's message must match. */
  message?: RegExp;
  /** Each hit's savedBytes must fall in [min, max]. */
  savedBytes?: [number, number];
}

/** Strips the first newline and the common indentation of a template literal. */
export function df(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce(
    (acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''),
    '',
  );
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  const indent = Math.min(
    ...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length),
  );
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n') + '\n';
}

/** Turns a file spec into build-context files. */
export function contextFiles(files: FileSpec): ContextFile[] {
  return Object.entries(files).map(([path, v]) =>
    typeof v === 'number' ? { path, sizeBytes: v } : { path, sizeBytes: v.length, content: v },
  );
}

function inputOf(c: RuleCase | string): AnalyzeInput {
  const rc = typeof c === 'string' ? { dockerfile: c } : c;
  return {
    dockerfile: rc.dockerfile,
    ...(rc.dockerignore !== undefined ? { dockerignore: rc.dockerignore } : {}),
    ...(rc.files ? { context: { files: contextFiles(rc.files) } } : {}),
    ...(rc.target ? { target: rc.target } : {}),
  };
}

/** Runs `rule` on the input (with `cache`, e.g. one holding the apt name registry). */
export function runRule(
  rule: RuleDefinition,
  c: RuleCase | string,
  cache?: AnalyzerCache,
): RuleHit[] {
  return rule.check(buildModel(inputOf(c), cache));
}

const runRuleWith = runRule;

/** Merges the fixes of several hits into one fix (edits sorted by position by applyFix). */
export function mergeFixes(hits: RuleHit[]): Fix | undefined {
  const fixes = hits.flatMap((h) => (h.fix ? [h.fix] : []));
  if (fixes.length === 0) return undefined;
  return { title: fixes.map((f) => f.title).join('; '), edits: fixes.flatMap((f) => f.edits) };
}

/** Declares the valid and invalid tables of a rule as vitest cases. */
export function ruleTests(
  rule: RuleDefinition,
  tables: { valid: Record<string, RuleCase | string>; invalid: Record<string, InvalidCase> },
  options: { cache?: () => AnalyzerCache } = {},
): void {
  const runRule = (r: RuleDefinition, c: RuleCase | string) => runRuleWith(r, c, options.cache?.());
  describe(rule.id, () => {
    describe('valid', () => {
      for (const [reason, c] of Object.entries(tables.valid)) {
        it(reason, () => {
          const hits = runRule(rule, c);
          expect(
            hits.map((h) => ({ line: h.range.start.line + 1, message: h.message ?? rule.message })),
          ).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const [reason, c] of Object.entries(tables.invalid)) {
        it(reason, () => {
          const hits = runRule(rule, c);
          expect(hits.map((h) => h.range.start.line + 1)).toEqual(c.lines);
          for (const h of hits) {
            if (c.message) expect(h.message ?? rule.message).toMatch(c.message);
            if (c.savedBytes) {
              expect(h.savedBytes).toBeGreaterThanOrEqual(c.savedBytes[0]);
              expect(h.savedBytes).toBeLessThanOrEqual(c.savedBytes[1]);
            }
            expect(h.range.start.line).toBeLessThanOrEqual(h.range.end.line);
          }
          const fix = mergeFixes(hits);
          if (c.fixed === undefined) {
            expect(fix, 'this case offers a fix: state the fixed Dockerfile').toBeUndefined();
            return;
          }
          expect(fix, 'no fix offered').toBeDefined();
          const fixedText = applyFix(c.dockerfile, fix!);
          expect(fixedText).toBe(c.fixed);
          const unfixed = hits.filter((h) => !h.fix).length;
          expect(runRule(rule, { ...c, dockerfile: fixedText })).toHaveLength(unfixed);
        });
      }
    });
  });
}
