import { defineRule } from '../rule';
import type { ImageModel, RunStep } from '../model-types';
import type { Fix } from '../types';
import { isCall } from './helpers/commands';
import { appendToRun, formatBytes } from './helpers/fixes';
import { addedBytes, pathUnder, positive } from './helpers/model';
import { textBetween, trimmedEnd } from './helpers/source';

const LISTS = '/var/lib/apt/lists';
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';
const TITLE = 'Delete the apt lists in the same RUN';

/**
 * True when the RUN leaves no apt lists behind: rm, a cache/tmpfs mount, or `apt-get dist-clean`
 * where apt has it (the model records that deletion only on apt 2.7+).
 */
function cleansLists(run: RunStep): boolean {
  return run.deletes(LISTS) || run.mountsCover(LISTS);
}

const installs = (run: RunStep) =>
  run.commands.some((c) => isCall(c, ['apt-get', 'apt'], ['install', 'reinstall']));

/**
 * The fix for an update that does not clean up. Deleting the lists at the end of this RUN is
 * safe only when no later RUN of the stage installs (it would then find no lists). When this
 * RUN only updates and the installs follow in the RUNs right after it, those RUNs are merged
 * into one that updates, installs and deletes the lists. `undefined` when neither is safe.
 */
function listsFix(image: ImageModel, run: RunStep): Fix | undefined {
  const steps = run.stage.steps;
  const later = steps.slice(run.index + 1);
  const laterInstalls = later.filter((s): s is RunStep => s.kind === 'RUN' && installs(s));
  if (installs(run) || laterInstalls.length === 0) {
    return laterInstalls.length === 0 ? appendToRun(image, run, CLEANUP, TITLE) : undefined;
  }
  const last = laterInstalls[laterInstalls.length - 1];
  const block = steps.slice(run.index, last.index + 1);
  const isPlain = (s: (typeof steps)[number]): s is RunStep =>
    s.kind === 'RUN' && s.form === 'shell' && !s.parseError && s.mounts.length === 0;
  if (!block.every(isPlain)) return undefined;
  const parts = block.map((s) =>
    textBetween(
      image,
      s.keywordRange.end,
      trimmedEnd(image, s.range.end, s.keywordRange.end),
    ).trim(),
  );
  if (parts.some((p) => p === '' || p.startsWith('-') || /[;&|]$/.test(p))) return undefined;
  const end = trimmedEnd(image, last.range.end, last.keywordRange.end);
  return {
    title: 'Merge the apt RUNs into one that deletes the lists at its end',
    edits: [
      {
        range: { start: run.keywordRange.end, end },
        newText: ` ${[...parts, CLEANUP].join(' \\\n && ')}`,
      },
    ],
  };
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
          fix: listsFix(image, run),
        },
      ];
    }),
});
