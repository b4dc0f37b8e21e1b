/**
 * Applies a Fix (text edits with 0-based ranges) to a Dockerfile text. The workbench and the rule
 * tests both use it; rules never edit text themselves. Lines break at LF, CRLF and lone CR, as
 * the analyzer counts them, so a fix applies to the text as the user wrote it.
 */
import type { Fix, Position, TextEdit } from './types';
import { lineBounds, offsetOfPosition } from './line-endings';

/** Offset of a 0-based position, clamped to the text (a character past the line end = line end). */
export function offsetAt(text: string, pos: Position, bounds = lineBounds(text)): number {
  return offsetOfPosition(text, pos, bounds);
}

/** The line break that ends line `line` of `text` (LF when it has none). */
function breakOf(text: string, bounds: { starts: number[]; ends: number[] }, line: number): string {
  const l = Math.max(0, Math.min(line, bounds.ends.length - 1));
  const end = bounds.ends[l];
  const next = l + 1 < bounds.starts.length ? bounds.starts[l + 1] : end;
  return next > end ? text.slice(end, next) : '\n';
}

/** `newText` with its line breaks written as `eol`, so a fix keeps the file's line endings. */
function withLineEnding(newText: string, eol: string): string {
  return eol === '\n' || !/[\r\n]/.test(newText) ? newText : newText.replace(/\r\n?|\n/g, eol);
}

/**
 * Returns `text` with every edit of `fix` applied. Edits are interpreted against the original
 * text; they are applied from the end backwards so earlier offsets stay valid. Overlapping edits
 * are a programming error: throws `RangeError`. Edits at the same insertion point keep their order.
 */
export function applyFix(text: string, fix: Fix | TextEdit[]): string {
  const edits = Array.isArray(fix) ? fix : fix.edits;
  const starts = lineBounds(text);
  const resolved = edits
    .map((e, i) => ({
      start: offsetAt(text, e.range.start, starts),
      end: offsetAt(text, e.range.end, starts),
      newText: withLineEnding(e.newText, breakOf(text, starts, e.range.start.line)),
      i,
    }))
    .map((e) => (e.end < e.start ? { ...e, start: e.end, end: e.start } : e))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let k = 1; k < resolved.length; k++) {
    if (resolved[k].start < resolved[k - 1].end) {
      throw new RangeError('applyFix: overlapping edits');
    }
  }
  let out = text;
  for (let k = resolved.length - 1; k >= 0; k--) {
    const e = resolved[k];
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}
