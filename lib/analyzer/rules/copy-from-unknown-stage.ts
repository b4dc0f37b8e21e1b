import type { CopyStep, ImageModel } from '../model-types';
import { defineRule, type RuleHit } from '../rule';
import { editDistance } from '../spelling';
import { isOfficialName } from './helpers/images';

/** The stage names of the file, as written. */
function stageNames(image: ImageModel): string[] {
  return image.stages.flatMap((s) => (s.name ? [s.name] : []));
}

/** The one stage name within 2 edits of `name` (case does not count), or undefined. */
function closeStage(name: string, names: string[]): string | undefined {
  const close = names.filter((n) => editDistance(name.toLowerCase(), n.toLowerCase(), 2) <= 2);
  return close.length === 1 ? close[0] : undefined;
}

/**
 * A `--from` that names no stage and reads as a plain image name: no stage has it (at any place
 * in the file: BuildKit resolves names before it builds), it is not an index (numbers are
 * copy-from-invalid-stage-index's), and it is no image reference that is plausibly real (a
 * registry, namespace, tag or digest, or an official image).
 */
export function unknownStageName(image: ImageModel, step: CopyStep): string | undefined {
  const from = step.from;
  if (from === undefined || step.fromStage || step.fromHasVariable || from === '') return undefined;
  if (/^\d+$/.test(from) || /[/:@$]/.test(from)) return undefined;
  if (image.stages.some((s) => s.name?.toLowerCase() === from.toLowerCase())) return undefined;
  if (from.toLowerCase() === 'scratch' || isOfficialName(from.toLowerCase(), image.cache.baseIndex))
    return undefined;
  return from;
}

export const copyFromUnknownStage = defineRule({
  id: 'copy-from-unknown-stage',
  technique: 'correctness',
  severity: 'warning',
  lesson: 'multi-stage',
  message:
    'COPY --from names no stage of this file, so Docker reads it as an image and tries to pull it, which fails unless such an image exists. Name the stage with FROM … AS, or fix the name.',
  check: (image) => {
    const names = stageNames(image);
    const hits: RuleHit[] = [];
    for (const step of image.steps) {
      if (step.kind !== 'COPY') continue;
      const from = unknownStageName(image, step);
      if (from === undefined) continue;
      const meant = closeStage(from, names);
      // Without the tag index an unknown name may still be an official image: then only a
      // name one or two edits from a stage's is reported (a typo, far likelier than an image).
      if (!meant && !image.cache.baseIndex) continue;
      const stages = names.length
        ? `this file's stages are ${names.map((n) => `"${n}"`).join(', ')}`
        : 'no stage of this file has a name';
      hits.push({
        range: step.fromRange ?? step.range,
        message: `No stage is called "${from}"; ${stages}. Docker therefore reads --from=${from} as an image and tries to pull docker.io/library/${from.toLowerCase()}, which fails unless an image of that name exists. ${meant ? `Write --from=${meant}.` : `Name the stage to copy from (FROM … AS ${from}), or copy from an existing stage.`}`,
        ...(meant && step.fromRange
          ? {
              fix: {
                title: `Copy from the stage ${meant}`,
                edits: [{ range: step.fromRange, newText: meant }],
              },
            }
          : {}),
      });
    }
    return hits;
  },
});
