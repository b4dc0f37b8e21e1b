/**
 * buildModel(): Dockerfile text (+ .dockerignore + context) → ImageModel. Composes the parts in
 * model/: the document text (document.ts), ARG/ENV scopes and expansion (variables.ts), stages
 * and the stage graph (stages.ts), RUN with a real shell parser (run.ts), COPY/ADD (copy.ts),
 * layer bookkeeping (layers.ts) and what rebuilds (invalidation.ts). Each stage's file system is
 * simulated to size its layers (effects/, sim-fs.ts, size-data.ts).
 */
import { cacheOr, type AnalyzerCache } from './cache';
import { parseDockerfile } from './parse';
import type { AnalyzeInput, BuildContext, ContextFile, ParseProblem, Unknown } from './types';
import type {
  ArgDecl,
  BuildFailure,
  EnvDecl,
  ImageModel,
  Layer,
  MetaStep,
  Stage,
  Step,
} from './model-types';
import { resolveContext } from './context';
import type { StageState } from './effects';
import type { ModelBuild } from './model/build';
import { insText, lineStarts, prepareText } from './model/document';
import { applyArg, applyEnv, globalArgsOf } from './model/variables';
import {
  KNOWN_META,
  applyStageSetting,
  checkPreamble,
  createStages,
  finishStage,
  initState,
  pickTarget,
  resolveBaseMemo,
  splitStages,
} from './model/stages';
import { buildRun, primeRunScripts } from './model/run';
import { COPY_FILE_BUDGET, buildCopy } from './model/copy';
import { invalidation } from './model/invalidation';

export { MAX_CHARS, MAX_LINES } from './model/document';
export { COPY_FILE_BUDGET } from './model/copy';
export { expandDockerVars, parseEnvPairs } from './model/variables';

/**
 * Builds the image model. Never throws for any text; problems are reported in `model.problems`.
 * `cache` (the caller's, see `createAnalyzerCache`) is kept on the model for the rules and facts
 * that memoise; without one the model gets a fresh cache of its own.
 */
export function buildModel(input: AnalyzeInput, cacheIn?: AnalyzerCache): ImageModel {
  const cache = cacheOr(cacheIn);
  const problems: ParseProblem[] = [];
  const unknowns: Unknown[] = [];
  const buildFailures: BuildFailure[] = [];
  const { text, truncatedAtLine, notText } = prepareText(input, problems);
  const lines = text.split(/\r?\n/);
  const df = parseDockerfile(text);
  const escape = df.getEscapeCharacter();
  const ctx = resolveContext(input.context, input.dockerignore);
  const b: ModelBuild = {
    text,
    starts: lineStarts(text),
    escape,
    insTexts: new Map(),
    ctx,
    problems,
    unknowns,
    buildFailures,
    stages: [],
    byName: new Map(),
    copyBudget: COPY_FILE_BUDGET,
    cache,
  };

  const args: ArgDecl[] = [];
  const envs: EnvDecl[] = [];
  const instructions = df.getInstructions();
  let firstFrom = instructions.findIndex((i) => i.getKeyword() === 'FROM');
  if (firstFrom < 0) firstFrom = instructions.length;
  const globalArgs = globalArgsOf(instructions.slice(0, firstFrom), escape, args);
  checkPreamble(b, instructions, firstFrom, notText, lines.length);

  const raw = splitStages(b, instructions, firstFrom, globalArgs);
  createStages(b, raw);
  primeRunScripts(
    b,
    raw.flatMap((r) => r.body),
  );
  const stages = b.stages;
  const target = pickTarget(b, input.target);

  // Pass 2: simulate each stage in order.
  const states = new Map<Stage, StageState>();
  const layers: Layer[] = [];
  const steps: Step[] = [];
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    const r = raw[i];
    const state = initState(stage, states, (ref) => resolveBaseMemo(ref, cache));
    states.set(stage, state);
    for (const ins of r.body) {
      const kw = ins.getKeyword();
      const range = ins.getRange();
      const baseStep = {
        index: stage.steps.length,
        stage,
        range,
        keywordRange: ins.getInstructionRange(),
        text: insText(b, ins).text,
      };
      if (kw === 'RUN') {
        const run = buildRun(b, ins, baseStep, stage, state);
        stage.steps.push(run);
        stage.runs.push(run);
        steps.push(run);
        layers.push(run.layer as Layer);
        continue;
      }
      if (kw === 'COPY' || kw === 'ADD') {
        const copy = buildCopy(b, ins, kw, baseStep, stage, state);
        stage.steps.push(copy);
        stage.copies.push(copy);
        steps.push(copy);
        layers.push(copy.layer as Layer);
        continue;
      }
      const meta: MetaStep = {
        index: baseStep.index,
        stage,
        range,
        keywordRange: baseStep.keywordRange,
        text: baseStep.text,
        layer: undefined,
        kind: (KNOWN_META.has(kw) ? kw : 'OTHER') as MetaStep['kind'],
      };
      stage.steps.push(meta);
      steps.push(meta);
      if (kw === 'ARG') applyArg(ins, stage, range, globalArgs, escape, args);
      else if (kw === 'ENV') applyEnv(baseStep.text, stage, range, escape, envs);
      else if (applyStageSetting(ins, kw, baseStep.text, range, stage, r.body, escape)) continue;
      else if (!KNOWN_META.has(kw)) {
        problems.push({
          range: ins.getInstructionRange(),
          severity: 'error',
          message: `Unknown instruction ${kw}.`,
        });
      }
    }
    finishStage(stage, state);
  }

  const shippedStages = stages.filter((s) => s.isShipped);
  const shippedRuns = shippedStages.flatMap((s) => s.runs);
  const shippedCopies = shippedStages.flatMap((s) => s.copies);
  const shippedFiles = uniqueFiles(shippedCopies.flatMap((c) => c.contextFiles));
  return {
    stages,
    target,
    shippedStages,
    shippedRuns,
    shippedCopies,
    steps,
    layers,
    args,
    envs,
    context: { ...ctx.summary, files: ctx.files, shippedFiles, isKnown: ctx.isKnown },
    ...(input.dockerignore !== undefined ? { dockerignore: input.dockerignore } : {}),
    unknowns,
    lines,
    invalidatedBy: invalidation(stages, ctx),
    problems,
    buildFailures,
    ...(truncatedAtLine !== undefined ? { truncatedAtLine } : {}),
    isBuildable: firstFrom < instructions.length && !notText,
    cache,
  };
}

function uniqueFiles(files: ContextFile[]): ContextFile[] {
  const seen = new Set<string>();
  const out: ContextFile[] = [];
  for (const f of files) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    out.push(f);
  }
  return out;
}

export { resolveContext };
export type { BuildContext };
