/**
 * What rebuilds: the layers that rerun when one context file changes (its first COPY/ADD or bind
 * mount, every later step of that stage, and the stages built from it or copying from it).
 */
import type { CopyStep, Layer, RunStep, Stage } from '../model-types';
import { normalizeContextPath, hasGlob, type ResolvedContext } from '../context';
import { compilePathGlob } from '../glob';
import { isUnder } from '../sim-fs';

/** `invalidatedBy(path)` over these stages: the layers a change to context file `path` reruns. */
export function invalidation(stages: Stage[], ctx: ResolvedContext): (pathIn: string) => Layer[] {
  return function invalidatedBy(pathIn: string): Layer[] {
    const path = normalizeContextPath(pathIn);
    if (!path || ctx.isIgnored(path)) return [];
    const dirtyFrom = new Map<Stage, number>();
    const out: Layer[] = [];
    for (const stage of stages) {
      let from = stage.baseStage && dirtyFrom.has(stage.baseStage) ? 0 : Infinity;
      for (let i = 0; i < stage.steps.length && i < from; i++) {
        const step = stage.steps[i];
        if (step.kind === 'COPY' || step.kind === 'ADD') {
          if (copyIncludes(step, path) || (step.fromStage && dirtyFrom.has(step.fromStage)))
            from = i;
        } else if (step.kind === 'RUN') {
          const fromDirty = step.mounts.some(
            (m) =>
              m.from &&
              [...dirtyFrom.keys()].some(
                (s) =>
                  s.name?.toLowerCase() === m.from?.toLowerCase() || String(s.index) === m.from,
              ),
          );
          if (runBindsPath(step, path) || fromDirty) from = i;
        }
      }
      if (from === Infinity) continue;
      dirtyFrom.set(stage, from);
      for (const step of stage.steps.slice(from)) if (step.layer) out.push(step.layer);
    }
    return out;
  };
}

function copyIncludes(copy: CopyStep, path: string): boolean {
  if (copy.fromStage || copy.from !== undefined || copy.isRemote) return false;
  if (copy.contextFiles.some((f) => f.path === path)) return true;
  return copy.sources.some((s) => {
    const src = normalizeContextPath(s);
    if (src === '') return true;
    if (!hasGlob(src)) return isUnder(path, src);
    return compilePathGlob(src, { escapes: true }).test(path);
  });
}

function runBindsPath(run: RunStep, path: string): boolean {
  return run.mounts.some((m) => {
    if (m.type !== 'bind' || m.from) return false;
    const src = normalizeContextPath(m.source ?? '.');
    return src === '' || isUnder(path, src);
  });
}
