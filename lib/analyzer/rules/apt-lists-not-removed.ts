import { defineRule } from '../rule';
import type { RunStep } from '../model-types';
import { isCall } from './helpers/commands';
import { appendToRun, formatBytes } from './helpers/fixes';
import { addedBytes, pathUnder, positive } from './helpers/model';

const LISTS = '/var/lib/apt/lists';

/** True when the RUN leaves no apt lists behind: rm, dist-clean or a cache/tmpfs mount. */
function cleansLists(run: RunStep): boolean {
  return (
    run.deletes(LISTS) ||
    run.mountsCover(LISTS) ||
    run.commands.some((c) => isCall(c, ['apt-get', 'apt'], ['dist-clean']))
  );
}

export const aptListsNotRemoved = defineRule({
  id: 'apt-lists-not-removed',
  technique: 'combine-run',
  severity: 'warning',
  lesson: 'combine-run',
  hadolint: 'DL3009',
  message:
    'apt-get update leaves the package lists (about 20 MB on Debian bookworm) in this layer. Delete them in the same RUN: `&& rm -rf /var/lib/apt/lists/*`.',
  check: (image) =>
    image.shippedRuns.flatMap((run) => {
      const update = run.commands.find((c) => isCall(c, ['apt-get', 'apt'], ['update']));
      if (!update || cleansLists(run)) return [];
      const listed = positive(
        addedBytes(run.layer, (e) => e.kind === 'lists' || pathUnder(e.path, LISTS)),
      );
      // A later RUN that deletes the lists is reported by cleanup-in-later-layer with these very
      // bytes: count them there only.
      const later = image.shippedRuns.some(
        (r) => r.stage === run.stage && r.index > run.index && r.deletes(LISTS),
      );
      const bytes = later ? undefined : listed;
      return [
        {
          range: update.range,
          savedBytes: bytes,
          message: listed
            ? `apt-get update leaves ${formatBytes(listed)} of package lists in this layer. Delete them in the same RUN: \`&& rm -rf /var/lib/apt/lists/*\`.`
            : undefined,
          fix: appendToRun(
            image,
            run,
            'rm -rf /var/lib/apt/lists/*',
            'Delete the apt lists in the same RUN',
          ),
        },
      ];
    }),
});
