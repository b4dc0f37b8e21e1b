import { formatBytes } from '@/lib/format';
import { BASE_IMAGES_SOURCE, resolveBaseImage } from '@/lib/sizes';
import type { BaseImageRecord } from '@/lib/sizes';

/** The citation every measured size in the prose carries. */
export const SIZE_CITATION = `measured amd64 sizes from docker-library/repo-info, collected ${BASE_IMAGES_SOURCE.collectedOn}`;

export interface ImageRow {
  /** As the lesson wrote it. */
  ref: string;
  record: BaseImageRecord;
  /** True when `ref` itself was measured (not a sibling tag standing in for it). */
  isExact: boolean;
}

/**
 * Looks a reference up in the measured table. Throws for an unknown reference, so a typo in
 * a lesson fails the build (and the content test) instead of printing a guess.
 */
export function imageRow(ref: string): ImageRow {
  const resolution = resolveBaseImage(ref);
  if (!resolution) throw new Error(`Lesson names an image that is not in the size table: ${ref}`);
  return { ref, record: resolution.record, isExact: resolution.isExact };
}

/**
 * A measured size as every size is printed (`formatBytes`: "125 MB", "5.58 MB"), marked "≈" when
 * the figure is approximate: sizes from 1 GB up (the source rounds them to 10 MB, "≈ 1.01 GB")
 * and low-confidence figures (user reports, estimates: "≈ 51.3 MB").
 */
export function measuredSize(record: BaseImageRecord): string {
  const bytes = record.uncompressedBytes;
  const shown = formatBytes(bytes);
  return bytes >= 1e9 || record.confidence === 'low' ? `≈ ${shown}` : shown;
}
