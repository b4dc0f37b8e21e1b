/**
 * "Take this line": copy one line of a shared solution into the learner's draft, at the place the
 * diff pairs it with. Pure, so it is tested without an editor; the view always asks before it
 * applies the result.
 */

/** A changed region as Monaco's diff reports it (1-based; an end of 0 means "no lines on that side"). */
export interface LineChange {
  originalStartLineNumber: number;
  originalEndLineNumber: number;
  modifiedStartLineNumber: number;
  modifiedEndLineNumber: number;
}

export type TakeLine =
  | { kind: 'same' }
  | {
      kind: 'replace' | 'insert';
      /** 1-based line of the draft that is replaced, or after which the line is inserted (0 = top). */
      draftLine: number;
      /** The draft line being replaced (for the confirmation); undefined for an insert. */
      replaced?: string;
      line: string;
      text: string;
    };

/**
 * What taking line `sharedLine` (1-based) of `shared` into `draft` would do, given the diff's
 * `changes` (original = shared, modified = draft). `same` when that line is not part of a change
 * (the draft already has it). A line inside a changed block replaces the draft line at the same
 * offset in the block, or is inserted after the block when the draft's block is shorter or empty.
 */
export function takeLine(
  shared: string,
  draft: string,
  changes: readonly LineChange[],
  sharedLine: number,
): TakeLine {
  const sharedLines = shared.split('\n');
  const draftLines = draft.split('\n');
  if (sharedLine < 1 || sharedLine > sharedLines.length) return { kind: 'same' };
  const change = changes.find(
    (c) =>
      c.originalEndLineNumber > 0 &&
      sharedLine >= c.originalStartLineNumber &&
      sharedLine <= c.originalEndLineNumber,
  );
  if (!change) return { kind: 'same' };
  const line = sharedLines[sharedLine - 1];
  const offset = sharedLine - change.originalStartLineNumber;
  const hasDraftBlock = change.modifiedEndLineNumber > 0;
  const draftBlockLength = hasDraftBlock
    ? change.modifiedEndLineNumber - change.modifiedStartLineNumber + 1
    : 0;
  if (offset < draftBlockLength) {
    const draftLine = change.modifiedStartLineNumber + offset;
    const replaced = draftLines[draftLine - 1];
    const next = [...draftLines];
    next[draftLine - 1] = line;
    return { kind: 'replace', draftLine, replaced, line, text: next.join('\n') };
  }
  // For an insert-only block Monaco gives the draft line *after which* the block would go.
  const after = hasDraftBlock ? change.modifiedEndLineNumber : change.modifiedStartLineNumber;
  const next = [...draftLines];
  next.splice(after, 0, line);
  return { kind: 'insert', draftLine: after, line, text: next.join('\n') };
}
