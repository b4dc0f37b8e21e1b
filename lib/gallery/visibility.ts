import { isSlug } from '../lessons/slug';
import type { Progress } from '../progress/progress';

/**
 * Who may see a lesson's solution gallery. Solutions are spoilers, so the gallery stays hidden
 * until the learner completes that lesson. Looking early is allowed after a confirmation and is
 * recorded on their progress (`looked`), so it is a choice, never an accident. "Unlock every
 * lesson" does not open galleries: it is about lesson order, not about answers.
 */
export type GalleryAccess =
  { isOpen: false; state: 'locked' } | { isOpen: true; state: 'completed' | 'looked' };

/** The gallery's state for `slug`: `completed` wins over `looked` once the lesson is solved. */
export function galleryAccess(
  progress: Pick<Progress, 'completed' | 'looked'>,
  slug: string,
): GalleryAccess {
  if (progress.completed.includes(slug)) return { isOpen: true, state: 'completed' };
  if (progress.looked?.includes(slug)) return { isOpen: true, state: 'looked' };
  return { isOpen: false, state: 'locked' };
}

/**
 * Records that the learner chose to look at `slug`'s gallery before solving it. Returns the same
 * object when it is already recorded, already completed (nothing to hide any more) or not a slug.
 */
export function recordLooked(progress: Progress, slug: string): Progress {
  if (!isSlug(slug)) return progress;
  if (progress.completed.includes(slug) || progress.looked?.includes(slug)) return progress;
  return { ...progress, looked: [...(progress.looked ?? []), slug] };
}

/** Publishing is offered only for a completed lesson: the gallery holds solutions, not attempts. */
export function canPublish(progress: Pick<Progress, 'completed'>, slug: string): boolean {
  return progress.completed.includes(slug);
}
