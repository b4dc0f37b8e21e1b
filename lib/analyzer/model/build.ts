/**
 * What the parts of one buildModel() call share: the document, the context, the stages, and the
 * problems, unknowns and certain build failures found so far.
 */
import type { AnalyzerCache } from '../cache';
import type { ParseProblem, Unknown } from '../types';
import type { BuildFailure, Stage } from '../model-types';
import type { ResolvedContext } from '../context';
import type { DocText } from './document';

export interface ModelBuild extends DocText {
  ctx: ResolvedContext;
  problems: ParseProblem[];
  unknowns: Unknown[];
  buildFailures: BuildFailure[];
  /** Every stage, in order (all created before any is simulated). */
  stages: Stage[];
  /** Stages by lower-cased name. */
  byName: Map<string, Stage>;
  /** Files still allowed to be copied in this analysis: a bound on the work COPY can cause. */
  copyBudget: number;
  /** The caller's memory between analyses (shell parses, base lookups). */
  cache: AnalyzerCache;
}

/** The stage a `--from`, mount `from` or target names: by name (any case) or by index. */
export function stageNamed(b: ModelBuild, ref: string): Stage | undefined {
  return b.byName.get(ref.toLowerCase()) ?? (/^\d+$/.test(ref) ? b.stages[Number(ref)] : undefined);
}
