import { defineRule } from '../rule';
import type { RuleHit } from '../rule';
import type { Stage } from '../model-types';
import { isNpmProjectInstall } from './helpers/commands';
import { joinPath, pathUnder, workdirAt } from './helpers/model';

/** What a builder's workdir holds besides the build output: its sources, installed dev dependencies. */
function workdirExtras(stage: Stage, workdir: string): string[] {
  const extras: string[] = [];
  const steps = stage.steps;
  if (
    steps.some(
      (s) =>
        (s.kind === 'COPY' || s.kind === 'ADD') &&
        s.from === undefined &&
        s.isWholeContext &&
        pathUnder(joinPath(workdirAt(s), s.dest), workdir),
    )
  )
    extras.push('the sources');
  if (
    stage.runs.some((r) => r.commands.some(isNpmProjectInstall) && pathUnder(workdirAt(r), workdir))
  )
    extras.push('node_modules with devDependencies');
  return extras;
}

export const copyWholeBuilder = defineRule({
  id: 'copy-whole-builder',
  technique: 'multi-stage',
  severity: 'warning',
  lesson: 'multi-stage',
  message:
    'This copies a whole build stage, so its sources, caches and dev dependencies ship too. Copy only the build output (a binary, dist/, production node_modules).',
  check: (image) => {
    const hits: RuleHit[] = [];
    for (const copy of image.shippedCopies) {
      const builder = copy.fromStage;
      if (!builder) continue;
      const builderDir = builder.workdir || '/';
      for (const source of copy.sources) {
        const abs = joinPath(builderDir, source);
        if (abs === '/') {
          hits.push({
            range: copy.range,
            savedBytes: builder.baseImage.sizeBytes > 0 ? builder.baseImage.sizeBytes : undefined,
            message: `COPY --from=${copy.from} / copies the whole file system of stage ${copy.from}, including its OS, compilers and caches. Copy only the build output.`,
          });
          break;
        }
        if (abs === builderDir) {
          const extras = workdirExtras(builder, builderDir);
          if (extras.length === 0) continue;
          hits.push({
            range: copy.range,
            message: `This copies all of ${abs} from stage ${copy.from}, including ${extras.join(' and ')}. Copy only the build output (e.g. ${abs}/dist) and production dependencies.`,
          });
          break;
        }
      }
    }
    return hits;
  },
});
