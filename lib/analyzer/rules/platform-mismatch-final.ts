import { defineRule } from '../rule';
import { stageChain } from './helpers/commands';

/** True when a --platform value names the build machine's platform (`$BUILDPLATFORM`, `${BUILDPLATFORM}`). */
function isBuildPlatform(value: string): boolean {
  return /\$\{?BUILDPLATFORM\b/.test(value);
}

export const platformMismatchFinal = defineRule({
  id: 'platform-mismatch-final',
  technique: 'multi-stage',
  severity: 'warning',
  lesson: 'multi-stage',
  message:
    'FROM --platform=$BUILDPLATFORM on the stage that ships builds it for the build machine: in a multi-platform build every image gets that architecture. Keep $BUILDPLATFORM on build stages only and leave the final FROM without --platform.',
  check: (image) =>
    // The target and every stage it inherits from by FROM make up the shipped image.
    stageChain(image.target).flatMap((stage) =>
      stage.platform && isBuildPlatform(stage.platform.value)
        ? [
            {
              range: stage.platform.range,
              message: `${stage.name ? `Stage ${stage.name}` : 'This stage'} ships, but --platform=${stage.platform.value} builds it for the build machine: in a multi-platform build (--platform linux/amd64,linux/arm64) every variant gets the builder's architecture. Use $BUILDPLATFORM on build stages only (cross-compile there with $TARGETOS/$TARGETARCH) and leave the final FROM without --platform.`,
            },
          ]
        : [],
    ),
});
