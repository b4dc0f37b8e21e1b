/** Reading the build model's certain failures (model.buildFailures) for the rules that report them. */
import type { BuildFailure, BuildFailureKind, ImageModel } from '../../model-types';

/** The recorded failures of one kind, in file order; empty when the model recorded none. */
export function failuresOf(image: ImageModel, kind: BuildFailureKind): BuildFailure[] {
  return (image.buildFailures ?? []).filter((f) => f.kind === kind);
}

/** True when the command's range was mapped inside its RUN (so an edit at it lands on the command). */
export function isMapped(failure: BuildFailure): boolean {
  const { range } = failure.command;
  const run = failure.run.range;
  return (
    failure.run.form === 'shell' &&
    !failure.run.parseError &&
    (range.start.line !== run.start.line || range.start.character !== run.start.character)
  );
}
