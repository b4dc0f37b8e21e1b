/**
 * The analyzer's single entry: `analyze(input) → Report`. Pure and synchronous; runs unchanged in
 * a Web Worker and in Node (the CLI).
 */
import { buildModel } from './model';
import type { ImageModel } from './model-types';
import { rules as allRules } from './rules';
import type { RuleDefinition } from './rule';
import type { AnalyzeInput, Finding, LayerInfo, Range, Report, StageInfo } from './types';
import { estimateSize } from './size-estimate';
import { computeScore } from './score';
import { finalFacts } from './final-facts';
import { startOf } from './start-model';
import type { Goal, RebuildResult, StartSummary } from './types';
import {
  AnalyzerCache,
  cacheOr,
  cacheSlot,
  createAnalyzerCache,
  reuseLast,
  type LastInput,
} from './cache';
import { rebuildOf } from './rebuilds';
import { evaluateGoals } from '../lessons/goals';

export { buildModel } from './model';
export { applyFix } from './fix';
export { AnalyzerCache, createAnalyzerCache } from './cache';
export type * from './types';
export type * from './model-types';

function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}

const TEXT_MAX = 80;

/** The instruction as written (flags included), continuations joined, comment lines dropped, shortened. */
function instructionText(model: ImageModel, range: Range): string {
  const parts: string[] = [];
  // Length of parts.join(' '), kept as lines are added.
  let joined = -1;
  for (let i = range.start.line; i <= range.end.line && i < model.lines.length; i++) {
    const line = model.lines[i];
    if (i > range.start.line && /^\s*#/.test(line)) continue;
    const part = line.replace(/\\\s*$/, '');
    parts.push(part);
    joined += part.length + 1;
    if (joined > TEXT_MAX * 2) break;
  }
  const one = parts.join(' ').replace(/\s+/g, ' ').trim();
  return one.length > TEXT_MAX ? one.slice(0, TEXT_MAX - 1) + '…' : one;
}

/** Runs every rule over the model; a rule that throws becomes a problem, never a crash. */
export function runRules(
  model: ImageModel,
  rules: RuleDefinition[] = allRules,
): { findings: Finding[]; errors: string[] } {
  const findings: Finding[] = [];
  const errors: string[] = [];
  for (const rule of rules) {
    let hits;
    try {
      hits = rule.check(model);
    } catch (err) {
      errors.push(`rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    for (const hit of hits) {
      findings.push({
        rule: rule.id,
        technique: rule.technique,
        severity: rule.severity,
        message: hit.message ?? rule.message,
        range: hit.range,
        ...(hit.savedBytes !== undefined && hit.savedBytes > 0
          ? { savingsBytes: Math.round(hit.savedBytes) }
          : {}),
        ...(rule.hadolint ? { hadolint: rule.hadolint } : {}),
        lesson: rule.lesson,
        fixes: hit.fix ? [hit.fix] : [],
      });
    }
  }
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  return { findings, errors };
}

/** The start model's verdict in report form; a model failure reads as `unknown`, never a throw. */
export function startSummary(model: ImageModel): StartSummary {
  if (!model.isBuildable) return { status: 'unknown', reason: 'There is no image to start.' };
  try {
    const start = startOf(model);
    const check =
      start.checks.find((c) => c.status === 'fails' && c.isCertain) ??
      start.checks.find((c) => c.status !== 'ok');
    return {
      status: start.status,
      ...(check && start.status !== 'starts'
        ? { reason: check.message, line: check.range.start.line }
        : {}),
      ...(start.argv ? { argv: [...start.argv] } : {}),
    };
  } catch (err) {
    return {
      status: 'unknown',
      reason: `The start model failed: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** Builds the report from a model (analyze() without the parse; the workbench may reuse a model). */
export function reportOf(model: ImageModel, rules: RuleDefinition[] = allRules): Report {
  const size = estimateSize(model);
  // Nothing to build (no FROM, not text): the problem is all there is to say; no tips.
  const { findings, errors } = model.isBuildable
    ? runRules(model, rules)
    : { findings: [], errors: [] };
  const problems = [...(model.problems ?? [])];
  for (const e of errors)
    problems.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'info',
      message: e,
    });
  const stageBytes = new Map<number, number>();
  const stages: StageInfo[] = model.stages.map((s) => {
    const own = s.steps.reduce((sum, st) => sum + (st.layer?.sizeBytes ?? 0), 0);
    const below = s.baseStage ? (stageBytes.get(s.baseStage.index) ?? 0) : s.baseImage.sizeBytes;
    const sizeBytes = below + own;
    stageBytes.set(s.index, sizeBytes);
    return {
      index: s.index,
      ...(s.name ? { name: s.name } : {}),
      range: s.range,
      base: s.baseRef,
      ...(s.baseStage ? { baseStage: s.baseStage.index } : {}),
      isShipped: s.isShipped,
      isTarget: s.isTarget,
      sizeBytes,
    };
  });
  const layers: LayerInfo[] = model.layers.map((l) => ({
    stage: l.stage.index,
    line: l.step.range.start.line,
    range: l.step.range,
    instruction: l.step.kind,
    text: instructionText(model, l.step.range),
    sizeBytes: l.sizeBytes,
    wastedBytes: l.wastedBytes,
    items: l.items.map((i) => ({ ...i })),
    isShipped: l.isShipped,
  }));
  return {
    stages,
    layers,
    base: model.target.baseImage,
    size,
    findings,
    score: computeScore(model, size, findings),
    final: finalFacts(model),
    context: {
      sentBytes: model.context.sentBytes,
      sentFiles: model.context.sentFiles,
      totalBytes: model.context.totalBytes,
      totalFiles: model.context.totalFiles,
      ignored: model.context.ignored,
      hasDockerignore: model.context.hasDockerignore,
      dockerignoreErrors: model.context.dockerignoreErrors,
    },
    problems,
    start: startSummary(model),
    isBuildable: model.isBuildable,
  };
}

/** What `analyze()` answers beyond the report, and the cache it may reuse. */
export interface AnalyzeOptions {
  /** Goals to check; the report's `goals` says which are met (implicit `no-errors` last). */
  goals?: Goal[];
  /** Context paths to answer "What rebuilds" for, in `report.rebuilds` (in this order). */
  rebuildPaths?: string[];
  /**
   * The starting Dockerfile (same context and target): `report.startComparison` gives its size
   * for "change vs. the start".
   */
  start?: { dockerfile: string; dockerignore?: string };
  /**
   * Memory between calls (`createAnalyzerCache()`): shell parses, base lookups and the last
   * input's model and report. Without one the call is cold and remembers nothing.
   */
  cache?: AnalyzerCache;
}

interface Analysed {
  model: ImageModel;
  /** The report without `elapsedMs` or the answers of the options; never handed out as is. */
  report: Report;
}

/** The last input's model and report, so "What rebuilds" after an analysis builds nothing. */
const LAST = cacheSlot<LastInput<Analysed>>('last analysis', () => ({}));
/** The starting Dockerfile's report, analysed again only when the start changes. */
const LAST_START = cacheSlot<LastInput<Report>>('start analysis', () => ({}));

function analysed(input: AnalyzeInput, cache: AnalyzerCache): Analysed {
  return reuseLast(cache.get(LAST), input, () => {
    const model = buildModel(input, cache);
    return { model, report: reportOf(model) };
  });
}

/**
 * Analyses a Dockerfile: the model, the size estimate, every rule's findings, the score and the
 * facts about the final image, and, when asked, the goals met, what rebuilds for each path and the
 * comparison with the start. Never throws for any text (problems are reported instead).
 */
export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): Report {
  const t0 = now();
  const cache = cacheOr(options.cache);
  const { model, report: base } = analysed(input, cache);
  const report: Report = { ...base };
  const goals = options.goals;
  const goalPaths = (goals ?? []).flatMap((g) => (g.type === 'rebuild-below' ? [g.path] : []));
  const paths = [...new Set([...(options.rebuildPaths ?? []), ...goalPaths])];
  if (paths.length > 0) {
    const rebuilds: RebuildResult[] = paths.map((p) => rebuildOf(model, p));
    report.rebuilds = rebuilds;
  }
  if (goals) report.goals = evaluateGoals(report, goals);
  if (options.start) {
    const start = { ...input, ...options.start, dockerignore: options.start.dockerignore ?? '' };
    // A cache of its own (memos of the start stay apart), with the host's tag index.
    const startCache = createAnalyzerCache({ baseIndex: cache.baseIndex });
    const startReport = reuseLast(cache.get(LAST_START), start, () =>
      reportOf(buildModel(start, startCache)),
    );
    report.startComparison = { startBytes: startReport.size.bytes };
  }
  report.elapsedMs = now() - t0;
  return report;
}
