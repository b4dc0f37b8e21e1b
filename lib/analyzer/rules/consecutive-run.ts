import { defineRule } from '../rule';
import type { ImageModel, RunStep } from '../model-types';
import type { Fix } from '../types';
import { textBetween, tokensIn, trimmedEnd } from './helpers/source';

/** Joins `second` onto `first` with `&& \`; `undefined` when a comment or a flag is in the way. */
function mergeFix(image: ImageModel, first: RunStep, second: RunStep): Fix | undefined {
  if (first.form !== 'shell' || second.form !== 'shell' || first.parseError || second.parseError)
    return undefined;
  const end = trimmedEnd(image, first.range.end, first.keywordRange.end);
  const firstText = textBetween(image, first.keywordRange.end, end).trim();
  if (/[&|\\]$/.test(firstText)) return undefined;
  const secondArgs = tokensIn(image, { start: second.keywordRange.end, end: second.range.end })[0];
  if (!secondArgs || secondArgs.value.startsWith('--')) return undefined;
  const gap = textBetween(image, end, secondArgs.range.start);
  if (gap.replace(/\s+/g, '').toUpperCase() !== 'RUN') return undefined; // comments or blank-line structure
  return {
    title: 'Merge into the RUN above',
    edits: [
      {
        range: { start: end, end: secondArgs.range.start },
        newText: firstText.endsWith(';') ? ' \\\n    ' : ' && \\\n    ',
      },
    ],
  };
}

export const consecutiveRun = defineRule({
  id: 'consecutive-run',
  technique: 'combine-run',
  severity: 'info',
  lesson: 'combine-run',
  hadolint: 'DL3059',
  message:
    'This RUN follows another RUN: each one adds a layer, and files one deletes still ship in the layer that made them. Join related commands with && in one RUN.',
  check: (image) =>
    image.shippedStages.flatMap((stage) =>
      stage.steps.flatMap((step, i) => {
        const prev = stage.steps[i - 1];
        if (step.kind !== 'RUN' || prev?.kind !== 'RUN') return [];
        // Separate cache or secret mounts are a deliberate reason to keep RUNs apart.
        if (step.mounts.length > 0 || prev.mounts.length > 0) return [];
        return [{ range: step.range, fix: mergeFix(image, prev, step) }];
      }),
    ),
});
