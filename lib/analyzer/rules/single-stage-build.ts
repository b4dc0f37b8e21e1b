import { defineRule } from '../rule';
import { isVersionQuery } from '../vocabulary';
import { buildStepOf, purgesOwnToolchain } from './helpers/commands';

export const singleStageBuild = defineRule({
  id: 'single-stage-build',
  technique: 'multi-stage',
  severity: 'warning',
  lesson: 'multi-stage',
  message:
    'The app is built in the image that ships, so the whole toolchain and the sources ship with it. Build in a first stage (FROM … AS build) and COPY --from=build only the output into a small runtime stage.',
  check: (image) =>
    image.shippedRuns.flatMap((run) => {
      const build = run.commands.find(
        (c) => buildStepOf(c) !== undefined && !isVersionQuery(c.args),
      );
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
