import { defineRule } from '../rule';
import type { CopyStep } from '../model-types';
import { UNWANTED_DIRS, unwantedDirOf, unwantedGroups } from './helpers/context';
import { formatBytes } from './helpers/fixes';
import { positive } from './helpers/model';

/** True when a COPY source names the unwanted directory itself (copying it is deliberate). */
function namesDir(copy: CopyStep, dir: string): boolean {
  return copy.sources.some((s) => {
    const clean = s.replace(/^\.\//, '').replace(/\/+$/, '');
    return clean === dir || clean.startsWith(`${dir}/`);
  });
}

export const contextIncludesVcsOrDeps = defineRule({
  id: 'context-includes-vcs-or-deps',
  technique: 'dockerignore',
  severity: 'warning',
  lesson: 'dockerignore',
  message:
    'This COPY takes version control, installed dependencies or caches from the build context. List them in .dockerignore.',
  check: (image) =>
    image.steps.flatMap((step) => {
      if ((step.kind !== 'COPY' && step.kind !== 'ADD') || step.from !== undefined) return [];
      const files = step.contextFiles.filter((f) => {
        const dir = unwantedDirOf(f.path);
        return dir !== undefined && !namesDir(step, dir);
      });
      const groups = unwantedGroups(files);
      if (groups.size === 0) return [];
      const bytes = [...groups.values()].reduce((n, g) => n + g.bytes, 0);
      const list = [...groups.keys()]
        .map((k) => `${k}/ (${UNWANTED_DIRS[k.replace('**/', '')]})`)
        .join(', ');
      return [
        {
          range: step.range,
          savedBytes: step.stage.isShipped ? positive(bytes) : undefined,
          message: `This COPY takes ${formatBytes(bytes)} of ${list} from the build context. Add ${[...groups.keys()].join(', ')} to .dockerignore.`,
        },
      ];
    }),
});
