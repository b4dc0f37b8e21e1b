import { defineRule } from '../rule';

/**
 * `COPY --from=N` where the file has N stages or fewer: BuildKit's dockerfile frontend reads a
 * number as a stage index and stops with "invalid stage index N"
 * (moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go, `toCommand` and
 * `findStateByIndex`, @73ed6825c4b7569379ef89df0aedcdbe64473d31). That list also holds the
 * images other `--from`s name once they are read, so a file with any of those is not judged.
 */
export const copyFromInvalidStageIndex = defineRule({
  id: 'copy-from-invalid-stage-index',
  technique: 'correctness',
  severity: 'error',
  lesson: 'multi-stage',
  message:
    'COPY --from=N counts stages from 0, and this file has no stage N, so the build stops with "invalid stage index". Use the index of an existing stage, or better its name (FROM … AS name).',
  check: (image) => {
    const fromImage = image.steps.some(
      (s) =>
        (s.kind === 'COPY' && s.from !== undefined && !s.fromStage && !/^\d+$/.test(s.from)) ||
        (s.kind === 'RUN' &&
          s.mounts.some(
            (m) =>
              m.from !== undefined &&
              !image.stages.some((st) => st.name?.toLowerCase() === m.from?.toLowerCase()) &&
              !/^\d+$/.test(m.from),
          )),
    );
    if (fromImage || image.truncatedAtLine !== undefined) return [];
    const count = image.stages.length;
    return image.steps.flatMap((s) => {
      if (s.kind !== 'COPY' || s.from === undefined || s.fromHasVariable || !/^\d+$/.test(s.from))
        return [];
      if (Number(s.from) < count) return [];
      return [
        {
          range: s.fromRange ?? s.range,
          message: `COPY --from=${s.from} counts stages from 0, and this file has ${count === 1 ? 'one stage (0)' : `${count} stages (0–${count - 1})`}, so the build stops with "invalid stage index ${s.from}". Use the index of an existing stage, or better its name (FROM … AS name).`,
        },
      ];
    });
  },
});
