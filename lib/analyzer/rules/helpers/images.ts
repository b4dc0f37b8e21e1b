/** Whether a name is an image Docker Hub knows, for the rules that tell an image from a typo. */
import type { BaseIndex } from '../../../sizes/base-index';
import { listBaseImages, parseImageRef } from '../../../sizes/base-images';
import { RETIRED_OFFICIAL_IMAGES } from '../../../sizes/retired-official-images';
import { lazy } from '../../../sizes/lazy';

/** The one-segment (official) names of the measured table. */
const MEASURED_OFFICIAL = lazy(
  () =>
    new Set(
      listBaseImages()
        .map((r) => parseImageRef(r.ref).repo)
        .filter((repo) => !repo.includes('/')),
    ),
);

/** The official images of the tag index (undefined without the index). */
export function currentOfficialNames(index: BaseIndex | undefined): string[] | undefined {
  return index ? Object.keys(index.data.images) : undefined;
}

/**
 * True when `name` (one segment, lower case) is an official image: in the tag index, the measured
 * table, or among the images official-images once listed (`RETIRED_OFFICIAL_IMAGES`).
 */
export function isOfficialName(name: string, index: BaseIndex | undefined): boolean {
  return (
    MEASURED_OFFICIAL().has(name) ||
    RETIRED_OFFICIAL_IMAGES.has(name) ||
    (index !== undefined && Object.hasOwn(index.data.images, name))
  );
}
