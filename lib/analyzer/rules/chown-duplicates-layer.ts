import { defineRule } from '../rule';
import type { CopyStep, ImageModel, Layer, RunStep, ShellCommand } from '../model-types';
import type { Fix, TextEdit } from '../types';
import { hasFlag, isCall, operands, stepsOfImage } from './helpers/commands';
import { formatBytes } from './helpers/fixes';
import { itemBytes, joinPath, LiveAdds, lineOf, shippedLayers, workdirAt } from './helpers/model';
import { at, wholeLines } from './helpers/source';

/** Below this, duplicating is not worth a finding (`chmod +x` on a small script). */
const MIN_BYTES = 16_000;

/** A `chown`/`chmod` call with the absolute paths it changes. */
interface OwnershipChange {
  command: ShellCommand;
  program: 'chown' | 'chmod';
  recursive: boolean;
  spec: string;
  paths: string[];
}

function changesOf(run: RunStep): OwnershipChange[] {
  const calls = run.commands.filter((c) => isCall(c, ['chown', 'chmod']));
  if (calls.length === 0) return [];
  const dir = workdirAt(run);
  return calls.flatMap((c) => {
    const ops = operands(c.args, c.name);
    if (ops.length < 2) return [];
    const recursive =
      hasFlag(c.args, '-R', '--recursive') || c.args.some((a) => /^-[a-zA-Z]*R/.test(a));
    return [
      {
        command: c,
        program: c.name.endsWith('chmod') ? ('chmod' as const) : ('chown' as const),
        recursive,
        spec: ops[0],
        paths: ops.slice(1).map((p) => joinPath(dir, p)),
      },
    ];
  });
}

/** True when the user (or uid) in `spec` exists before `copy`: numeric ids, or an earlier useradd/adduser. */
function ownerExistsBefore(spec: string, copy: CopyStep): boolean {
  const [user, group] = spec.split(':');
  if (/^\d+$/.test(user) && (group === undefined || /^\d+$/.test(group))) return true;
  for (const step of stepsOfImage(copy.stage)) {
    if (step === copy) return false;
    if (
      step.kind === 'RUN' &&
      step.commands.some((c) => isCall(c, ['useradd', 'adduser']) && c.args.includes(user))
    )
      return true;
  }
  return false;
}

/**
 * Moves a lone `chown -R spec path` onto the COPYs that created everything under `path`
 * (`COPY --chown=spec`) and deletes the RUN. `undefined` when the RUN does more, or something
 * else wrote under the path, or the owner might not exist yet at the COPY.
 */
function chownFix(
  image: ImageModel,
  run: RunStep,
  change: OwnershipChange,
  touching: Layer[],
): Fix | undefined {
  if (change.program !== 'chown' || run.commands.length !== 1 || run.form !== 'shell')
    return undefined;
  if (
    touching.length === 0 ||
    touching.some((l) => l.step.kind === 'RUN' || l.step.stage !== run.stage)
  )
    return undefined;
  const copies = touching.map((l) => l.step as CopyStep);
  if (copies.some((c) => c.chown !== undefined || !ownerExistsBefore(change.spec, c)))
    return undefined;
  const edits: TextEdit[] = copies.map((c) => ({
    range: at(c.keywordRange.end),
    newText: ` --chown=${change.spec}`,
  }));
  edits.push({ range: wholeLines(image, run.range), newText: '' });
  return { title: `Use COPY --chown=${change.spec} instead of a chown layer`, edits };
}

/** True when an earlier layer placed `path` as a directory (something lies under it). */
function isDirectory(layers: Layer[], before: number, path: string): boolean {
  const prefix = path.replace(/\/+$/, '') + '/';
  return layers
    .slice(0, before)
    .some((l) =>
      l.adds.some(
        (e) =>
          e.path.startsWith(prefix) ||
          (e.path === path && (e.files ?? []).some((f) => f.path.startsWith(prefix))),
      ),
    );
}

export const chownDuplicatesLayer = defineRule({
  id: 'chown-duplicates-layer',
  technique: 'combine-run',
  severity: 'warning',
  lesson: 'combine-run',
  message:
    'chown/chmod in a later RUN copies every file it touches into a new layer, so they ship twice. Set the owner while copying: COPY --chown=user:group (or --chmod).',
  check: (image) => {
    const layers = shippedLayers(image);
    if (!image.shippedRuns.some((r) => r.commands.some((c) => isCall(c, ['chown', 'chmod']))))
      return [];
    // Replay the image: a chown rewrites (and so replaces) what is visible under its paths.
    const live = new LiveAdds();
    return layers.flatMap((layer, index) => {
      const changes = layer.step.kind === 'RUN' ? changesOf(layer.step) : [];
      const hits = changes.flatMap((change) => {
        const run = layer.step as RunStep;
        // Without -R, chown/chmod of a directory changes that one inode, not the files in it.
        const found = change.paths.flatMap((p) =>
          change.recursive ? live.take(p) : isDirectory(layers, index, p) ? [] : live.takeExact(p),
        );
        const counted = found.reduce((n, a) => n + a.bytes, 0);
        // The model sizes what the RUN rewrote from the file system at that point; prefer it.
        const bytes = itemBytes(layer, 'copy') ?? counted;
        if (counted <= 0 || bytes < MIN_BYTES) return [];
        const touching = [...new Set(found.map((a) => a.index))]
          .sort((a, b) => a - b)
          .map((i) => layers[i]);
        const shown = touching.slice(0, 3).map((l) => lineOf(l.step));
        const lines =
          touching.length > 3
            ? `${shown.join(', ')} and ${touching.length - 3} more`
            : shown.join(', ');
        return [
          {
            range: change.command.range,
            savedBytes: bytes,
            message: `${change.program} here duplicates ${formatBytes(bytes)} from line ${lines} into a new layer, so those files ship twice. Set ownership while copying (COPY --${change.program}=${change.spec}) instead.`,
            fix: chownFix(image, run, change, touching),
          },
        ];
      });
      live.add(layer, index);
      return hits;
    });
  },
});
