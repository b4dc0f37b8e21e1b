import { defineRule } from '../rule';
import type { ShellCommand } from '../model-types';
import { buildStepOf, purgesOwnToolchain } from './helpers/commands';

/** `rustc --version`, `go version`: a smoke test of the toolchain, not a build. */
function isVersionQuery(c: ShellCommand): boolean {
  return (
    c.args.length > 0 && c.args.every((a) => ['--version', '-V', 'version', '--help'].includes(a))
  );
}

export const singleStageBuild = defineRule({
  id: 'single-stage-build',
  technique: 'multi-stage',
  severity: 'warning',
  lesson: 'multi-stage',
  message:
    'The app is built in the image that ships, so the whole toolchain and the sources ship with it. Build in a first stage (FROM … AS build) and COPY --from=build only the output into a small runtime stage.',
  check: (image) =>
    image.shippedRuns.flatMap((run) => {
      const build = run.commands.find((c) => buildStepOf(c) !== undefined && !isVersionQuery(c));
      // A RUN that installs its toolchain, builds and purges it in one layer ships neither.
      if (!build || purgesOwnToolchain(run)) return [];
      return [
        {
          range: build.range,
          message: `\`${buildStepOf(build)}\` runs in the image that ships, so its toolchain and sources ship too. Build in a first stage (FROM … AS build) and COPY --from=build only the output into a small runtime stage.`,
        },
      ];
    }),
});
