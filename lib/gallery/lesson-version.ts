import type { Lesson } from '../lessons/types';
import { base32Prefix, canonicalJson, sha256Text } from './hash';

/** Characters of a lesson version stamp (50 bits of SHA-256). */
export const LESSON_VERSION_CHARS = 10;
export const LESSON_VERSION_PATTERN = /^[0-9a-hjkmnp-tv-z]{10}$/;

/**
 * The lesson's content version: a stamp derived from everything that decides whether a solution
 * passes and how big it is — the goals, the project files (paths, sizes, contents), the start and
 * reference texts and the technique. Prose, title, summary, hints and the lesson's position in the
 * course are left out: fixing a typo must not mark every shared solution as "made for an older
 * lesson". Equal content gives an equal stamp on every machine.
 */
export function lessonVersion(
  lesson: Pick<
    Lesson,
    | 'technique'
    | 'goals'
    | 'project'
    | 'startDockerfile'
    | 'solutionDockerfile'
    | 'startDockerignore'
    | 'solutionDockerignore'
  >,
): string {
  const text = canonicalJson({
    tag: 'layerlab/lesson-version/1',
    technique: lesson.technique,
    goals: lesson.goals,
    project: lesson.project.files.map((file) => ({
      path: file.path,
      sizeBytes: file.sizeBytes,
      content: file.content,
      fileCount: file.fileCount,
    })),
    startDockerfile: lesson.startDockerfile,
    solutionDockerfile: lesson.solutionDockerfile,
    startDockerignore: lesson.startDockerignore ?? '',
    solutionDockerignore: lesson.solutionDockerignore ?? '',
  });
  return base32Prefix(sha256Text(text), LESSON_VERSION_CHARS);
}

export type VersionState = 'current' | 'changed' | 'unknown';

/**
 * Compares the stamp a solution carries with the lesson as it is now: `current` when equal,
 * `changed` when the lesson changed since, `unknown` when the solution carries no stamp (links
 * made before stamps existed) — the view then says it cannot tell.
 */
export function versionState(stamp: string | undefined, current: string): VersionState {
  if (stamp === undefined) return 'unknown';
  return stamp === current ? 'current' : 'changed';
}
