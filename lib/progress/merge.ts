/**
 * Merging progress changed in two tabs. A tab holds `mine` (in memory), knows `base` (what it
 * last read from or wrote to storage) and receives `theirs` (what another tab just stored).
 * Nothing held in memory is dropped: a field only one side changed takes that side's value, sets
 * are united, and a draft both sides changed differently (or that another tab changed while this
 * tab has it open in an editor) becomes a conflict the learner settles.
 */
import type { Draft, DraftFiles, Progress } from './progress';

export interface DraftConflict {
  slug: string;
  /** This tab's draft (what its editor holds). */
  mine: Draft;
  /** The other tab's draft, as stored. */
  theirs: Draft;
  /**
   * `before-load`: `mine` was typed into the page's prefilled editor before the page had read
   * the stored draft (`theirs`, from an earlier visit or another tab). Absent: another tab
   * changed the draft while this one held a different text.
   */
  origin?: 'before-load';
}

export interface MergeResult {
  /** What this tab holds after the merge: for a conflicted draft, still its own. */
  progress: Progress;
  /** Drafts to settle, one per slug. */
  conflicts: DraftConflict[];
}

/** True when two drafts hold the same texts (the save time does not matter). */
export function sameDraft(a: Draft | undefined, b: Draft | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.dockerfile === b.dockerfile && a.dockerignore === b.dockerignore;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((item, i) => item === right[i]);
}

/** Their list plus what mine added since base; their removals hold unless mine changed the list. */
function mergeList(
  base: readonly string[] | undefined,
  mine: readonly string[] | undefined,
  theirs: readonly string[] | undefined,
): string[] | undefined {
  if (sameList(mine, base)) return theirs === undefined ? undefined : [...theirs];
  const added = (mine ?? []).filter((item) => !(base ?? []).includes(item));
  return [...new Set([...(theirs ?? []), ...added])];
}

function pick<T>(base: T, mine: T, theirs: T): T {
  return mine === base ? theirs : mine;
}

/** When a conflict's own side is an editor that never saved (it shows the lesson's start). */
const NEVER_SAVED = new Date(0).toISOString();

/**
 * Three-way merge of progress. `open` maps each draft open in an editor in this tab to the
 * texts that editor opened with: for them a change from another tab that differs from this
 * tab's text is a conflict even when this tab has not saved anything since, because its editor
 * would overwrite it at the next key press. (Without a draft here, the editor's text is the one
 * it opened with.)
 */
export function mergeProgress(
  base: Progress,
  mine: Progress,
  theirs: Progress,
  open: ReadonlyMap<string, DraftFiles> = new Map(),
): MergeResult {
  const drafts: Record<string, Draft> = {};
  const conflicts: DraftConflict[] = [];
  const slugs = new Set([
    ...Object.keys(base.drafts),
    ...Object.keys(mine.drafts),
    ...Object.keys(theirs.drafts),
  ]);
  for (const slug of slugs) {
    const b = base.drafts[slug];
    const m = mine.drafts[slug];
    const t = theirs.drafts[slug];
    const opened = open.get(slug);
    let kept: Draft | undefined;
    if (sameDraft(m, t)) kept = m;
    else if (sameDraft(t, b)) kept = m;
    // Only theirs changed (or was deleted), and no editor here holds the draft: take theirs.
    else if (sameDraft(m, b) && opened === undefined) kept = t;
    // Deleted there, but edited or open here: keep the words.
    else if (t === undefined) kept = m;
    else if (m === undefined) {
      // Open here without a saved draft: the editor shows the texts it opened with.
      const shown = opened && { ...opened, savedAt: NEVER_SAVED };
      if (shown && !sameDraft(shown, t)) conflicts.push({ slug, mine: shown, theirs: t });
      else kept = t;
    } else {
      kept = m;
      conflicts.push({ slug, mine: m, theirs: t });
    }
    if (kept !== undefined) drafts[slug] = kept;
  }
  const completed = mergeList(base.completed, mine.completed, theirs.completed) ?? [];
  const looked = mergeList(base.looked, mine.looked, theirs.looked);
  const progress: Progress = {
    version: mine.version,
    completed,
    drafts,
    unlockAll: pick(base.unlockAll, mine.unlockAll, theirs.unlockAll),
  };
  const lastLesson = pick(base.lastLesson, mine.lastLesson, theirs.lastLesson);
  if (lastLesson !== undefined) progress.lastLesson = lastLesson;
  const theme = pick(base.theme, mine.theme, theirs.theme);
  if (theme !== undefined) progress.theme = theme;
  if (looked !== undefined) progress.looked = looked;
  return { progress, conflicts };
}

/**
 * What to write to storage while conflicts are open: this tab's progress, but with the other
 * tab's version of each conflicted draft, so neither text is lost before the learner chooses.
 */
export function progressForStorage(
  progress: Progress,
  conflicts: readonly DraftConflict[],
): Progress {
  if (conflicts.length === 0) return progress;
  const drafts = { ...progress.drafts };
  for (const conflict of conflicts) drafts[conflict.slug] = conflict.theirs;
  return { ...progress, drafts };
}

export type ConflictChoice = 'mine' | 'theirs';

/** This tab's progress after the learner settles a conflict by keeping one side. */
export function settleConflict(
  progress: Progress,
  conflict: DraftConflict,
  choice: ConflictChoice,
): Progress {
  const draft = choice === 'mine' ? conflict.mine : conflict.theirs;
  return { ...progress, drafts: { ...progress.drafts, [conflict.slug]: draft } };
}

/**
 * True when two progress values hold the same facts (draft save times and key order aside):
 * the test for "nothing to write back" after a merge, so two tabs never echo writes forever.
 */
export function sameProgress(a: Progress, b: Progress): boolean {
  const slugs = new Set([...Object.keys(a.drafts), ...Object.keys(b.drafts)]);
  for (const slug of slugs) if (!sameDraft(a.drafts[slug], b.drafts[slug])) return false;
  return (
    sameList(a.completed, b.completed) &&
    sameList(a.looked, b.looked) &&
    a.unlockAll === b.unlockAll &&
    a.lastLesson === b.lastLesson &&
    a.theme === b.theme
  );
}

/**
 * Conflicts after another change arrived: the new ones, plus each earlier one that is still
 * open (the stored draft is still theirs and this tab still holds its own).
 */
export function carryConflicts(
  earlier: readonly DraftConflict[],
  found: readonly DraftConflict[],
  stored: Progress,
  held: Progress,
): DraftConflict[] {
  const slugs = new Set(found.map((conflict) => conflict.slug));
  const kept = earlier.filter(
    (conflict) =>
      !slugs.has(conflict.slug) &&
      sameDraft(stored.drafts[conflict.slug], conflict.theirs) &&
      !sameDraft(held.drafts[conflict.slug], conflict.theirs),
  );
  return [...kept, ...found];
}
