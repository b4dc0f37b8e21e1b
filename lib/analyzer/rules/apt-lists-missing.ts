import { defineRule } from '../rule';
import type { Fix } from '../types';
import { failuresOf, isMapped } from './helpers/failures';
import { appendToRun } from './helpers/fixes';
import { at } from './helpers/source';

export const aptListsMissing = defineRule({
  id: 'apt-lists-missing',
  technique: 'correctness',
  severity: 'error',
  lesson: 'combine-run',
  message:
    'apt-get install runs without package lists, so it cannot find any package and the build fails. Run apt-get update in the same RUN, before the install.',
  check: (image) =>
    failuresOf(image, 'apt-lists-missing').map((f) => {
      let fix: Fix | undefined;
      if (isMapped(f)) {
        // Update right before the install, and delete the lists at the end of this RUN so the
        // fix does not leave 20 MB in the layer (unless this RUN already deletes them).
        const cleanup = f.run.deletes('/var/lib/apt/lists')
          ? undefined
          : appendToRun(image, f.run, 'rm -rf /var/lib/apt/lists/*', '');
        if (f.run.deletes('/var/lib/apt/lists') || cleanup)
          fix = {
            title: 'Run apt-get update in this RUN (and delete the lists at its end)',
            edits: [
              { range: at(f.command.range.start), newText: 'apt-get update && ' },
              ...(cleanup?.edits ?? []),
            ],
          };
      }
      return { range: f.range, message: f.message, ...(fix ? { fix } : {}) };
    }),
});
