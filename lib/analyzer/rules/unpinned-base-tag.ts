import { defineRule } from '../rule';
import { fromRefRange, splitRef } from './helpers/model';

/**
 * Official images that publish `-slim` variants (their docker-library tag lists: python, node,
 * debian, ruby, rust, perl, openjdk). Elsewhere (alpine, golang, mysql, nginx, redis, …) a -slim
 * suggestion names a tag that does not exist.
 */
const HAS_SLIM = new Set(['python', 'node', 'debian', 'ruby', 'rust', 'perl', 'openjdk']);

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
      const example = `${repo}:<version>${HAS_SLIM.has(repo.replace(/^(docker\.io\/)?(library\/)?/, '')) ? '-slim' : ''}`;
      return [
        {
          range: fromRefRange(image, stage),
          message: tag
            ? `${repo}:latest moves whenever a new version ships. Pin a version tag (for example ${example}).`
            : `${repo} has no tag, which means :latest. Pin a version tag (for example ${example}).`,
        },
      ];
    }),
});
