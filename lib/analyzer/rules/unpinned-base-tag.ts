import { defineRule } from '../rule';
import { fromRefRange, splitRef } from './helpers/model';

export const unpinnedBaseTag = defineRule({
  id: 'unpinned-base-tag',
  technique: 'base-image',
  severity: 'warning',
  lesson: 'base-image',
  hadolint: 'DL3006/DL3007',
  message:
    'The base image has no tag (or :latest), so every build may get a different, larger image. Pin a version tag such as python:3.12-slim.',
  check: (image) =>
    image.stages.flatMap((stage) => {
      if (stage.baseStage || stage.baseRef.includes('$')) return [];
      const { repo, tag, digest } = splitRef(stage.baseRef);
      if (repo === 'scratch' || digest) return [];
      // Distroless names carry their release (python3-debian12): the tag only picks user or debug.
      if (/-debian\d+$/.test(repo) && (!tag || tag === 'latest')) return [];
      if (tag && tag !== 'latest') return [];
      return [
        {
          range: fromRefRange(image, stage),
          message: tag
            ? `${repo}:latest moves whenever a new version ships. Pin a version tag (for example ${repo}:<version>-slim).`
            : `${repo} has no tag, which means :latest. Pin a version tag (for example ${repo}:<version>-slim).`,
        },
      ];
    }),
});
