import { defineRule } from '../rule';

export const copySourceMissing = defineRule({
  id: 'copy-source-missing',
  technique: 'correctness',
  severity: 'error',
  lesson: 'dockerignore',
  message:
    'A COPY source is not in the build context (or .dockerignore excludes it), so the build fails here. Fix the path or the .dockerignore entry.',
  check: (image) => {
    // Without a described context (a pasted Dockerfile) every source would look missing.
    if (image.context.totalFiles === 0) return [];
    return image.steps.flatMap((step) => {
      if ((step.kind !== 'COPY' && step.kind !== 'ADD') || step.from !== undefined || step.isRemote)
        return [];
      const parts: string[] = [];
      if (step.missingSources.length > 0)
        parts.push(
          `${step.missingSources.join(', ')} ${step.missingSources.length === 1 ? 'is' : 'are'} not in the build context`,
        );
      if (step.excludedSources.length > 0)
        parts.push(`.dockerignore excludes ${step.excludedSources.join(', ')}`);
      if (parts.length === 0) return [];
      return [
        {
          range: step.range,
          message: `${parts.join('; ')}, so the build fails here. Fix the path or the .dockerignore entry.`,
        },
      ];
    });
  },
});
