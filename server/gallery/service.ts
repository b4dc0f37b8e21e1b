import { lessons } from '@/content/lessons/generated';
import { lessonVersion } from '@/lib/gallery/lesson-version';
import { filterByRoom, rankGallery, type GalleryGroup } from '@/lib/gallery/ranking';
import type { Lesson } from '@/lib/lessons/types';
import type { Executor } from '../db/database';
import { measure, startMeasure, type Measure } from './measure';
import { listEntries } from './store';

/** The lesson with this slug, or undefined. */
export function findLesson(slug: string | undefined): Lesson | undefined {
  return slug === undefined ? undefined : lessons.find((lesson) => lesson.slug === slug);
}

/** One group as the gallery page gets it: what the stable hooks show, and nothing secret. */
export interface GalleryGroupView {
  rank: number;
  bytes: number;
  score: number;
  count: number;
  solutionId: string;
  nickname?: string;
  publishedAt: string;
  /** True when the entry was published for an earlier version of the lesson (re-measured now). */
  isOlderVersion: boolean;
  /** Entry ids in the group (a learner finds and withdraws their own by id). */
  entryIds: string[];
  /** The analysis against the lesson as it is now. */
  shippedLayers: number;
  findings: { rule: string; line: number }[];
}

export interface GalleryView {
  lesson: string;
  lessonVersion: string;
  startBytes: number;
  groups: GalleryGroupView[];
}

/**
 * The ranked, grouped gallery of a lesson: every visible entry re-measured against the lesson as
 * it is now (so a changed lesson re-ranks fairly), grouped and ranked by lib/gallery.
 */
export async function galleryView(
  db: Executor,
  lesson: Lesson,
  room?: string,
): Promise<GalleryView> {
  const current = lessonVersion(lesson);
  const stored = filterByRoom(await listEntries(db, lesson.slug), room);
  const versions = new Map(stored.map((entry) => [entry.entryId, entry.lessonVersion]));
  const analyses = new Map<string, Measure>();
  const measured = stored.map((entry) => {
    const now = measure(lesson, entry.dockerfile, entry.dockerignore);
    analyses.set(entry.entryId, now);
    return { ...entry, bytes: now.bytes, score: now.score };
  });
  const groups: GalleryGroup[] = rankGallery(measured);
  return {
    lesson: lesson.slug,
    lessonVersion: current,
    startBytes: startMeasure(lesson).bytes,
    groups: groups.map((group) => ({
      rank: group.rank,
      bytes: group.bytes,
      score: group.score,
      count: group.count,
      solutionId: group.first.solutionId,
      ...(group.first.nickname ? { nickname: group.first.nickname } : {}),
      publishedAt: group.first.publishedAt,
      isOlderVersion: versions.get(group.first.entryId) !== current,
      entryIds: group.entries.map((entry) => entry.entryId),
      shippedLayers: analyses.get(group.first.entryId)?.shippedLayers ?? 0,
      findings: analyses.get(group.first.entryId)?.findings ?? [],
    })),
  };
}
