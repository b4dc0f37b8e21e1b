import type { Draft, DraftFiles } from './progress';

/**
 * What becomes of the text a learner typed into the lesson's editor as the page's HTML showed it
 * (filled with the starting Dockerfile), before the page could read their saved draft:
 *
 * - `untouched`: nothing was typed; the editor opens as always (the saved draft, else the start).
 * - `typed`: the typing goes on in the editor, on top of `base` (the start, with the saved
 *   `.dockerignore` if any): Undo goes back to the start, and the next save stores it. No saved
 *   Dockerfile is lost by that: there was none, or it was the start, or it is what was typed.
 * - `conflict`: a different Dockerfile was saved (in an earlier visit or another tab). Neither
 *   wins silently: the editor keeps what was typed (`mine`) and storage keeps `theirs` until the
 *   learner chooses.
 */
export type PrefilledOutcome =
  | { kind: 'untouched' }
  | { kind: 'typed'; base: DraftFiles }
  | { kind: 'conflict'; base: DraftFiles; mine: DraftFiles; theirs: Draft };

/**
 * Settles the prefilled editor against the stored draft. `typed` is the editor's text when the
 * page read its storage (undefined when the page showed no prefilled editor).
 */
export function settlePrefilled(
  start: DraftFiles,
  typed: string | undefined,
  draft: Draft | undefined,
): PrefilledOutcome {
  if (typed === undefined || typed === start.dockerfile) return { kind: 'untouched' };
  const base = {
    dockerfile: start.dockerfile,
    dockerignore: draft?.dockerignore ?? start.dockerignore,
  };
  if (draft && draft.dockerfile !== start.dockerfile && draft.dockerfile !== typed)
    return {
      kind: 'conflict',
      base,
      mine: { dockerfile: typed, dockerignore: base.dockerignore },
      theirs: draft,
    };
  return { kind: 'typed', base };
}
