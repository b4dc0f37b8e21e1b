import { defineRule } from '../rule';
import { unwantedGroups } from './helpers/context';
import { positive } from './helpers/model';

/** Up to this many context files, with nothing unwanted among them, the copy is judged harmless. */
const SMALL_CONTEXT_FILES = 10;

export const broadCopyNoDockerignore = defineRule({
  id: 'broad-copy-no-dockerignore',
  technique: 'dockerignore',
  severity: 'warning',
  lesson: 'dockerignore',
  message:
    'COPY . sends and copies the whole folder, and there is no .dockerignore. Add one that leaves out .git, node_modules, caches, local .env files and build output.',
  check: (image) => {
    // Without a described context (a pasted Dockerfile) there is nothing to judge.
    if (image.context.hasDockerignore || image.context.totalFiles === 0) return [];
    return image.steps.flatMap((step) => {
      if (
        (step.kind !== 'COPY' && step.kind !== 'ADD') ||
        step.from !== undefined ||
        !step.isWholeContext
      )
        return [];
      const unwanted = [...unwantedGroups(step.contextFiles).values()].reduce(
        (n, g) => n + g.bytes,
        0,
      );
      // A handful of files with nothing that should be ignored: a .dockerignore would change nothing.
      if (unwanted === 0 && image.context.totalFiles <= SMALL_CONTEXT_FILES) return [];
      return [
        { range: step.range, savedBytes: step.stage.isShipped ? positive(unwanted) : undefined },
      ];
    });
  },
});
