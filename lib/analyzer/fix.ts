/**
 * Applies a Fix (text edits with 0-based ranges) to a Dockerfile text. The workbench and the rule
 * tests both use it; rules never edit text themselves.
 */
import type { Fix, Position, TextEdit } from './types';

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Offset of a 0-based position, clamped to the text (a character past the line end = line end). */
export function offsetAt(text: string, pos: Position, starts = lineStartOffsets(text)): number {
  if (pos.line < 0) return 0;
  if (pos.line >= starts.length) return text.length;
  const lineStart = starts[pos.line];
  const next = pos.line + 1 < starts.length ? starts[pos.line + 1] - 1 : text.length;
  // A CRLF line's visible end is before the \r.
  const lineEnd =
    next > lineStart && text[next - 1] === '\r' && next < text.length ? next - 1 : next;
  return Math.min(lineStart + Math.max(0, pos.character), lineEnd);
}

/**
 * Returns `text` with every edit of `fix` applied. Edits are interpreted against the original
 * text; they are applied from the end backwards so earlier offsets stay valid. Overlapping edits
 * are a programming error: throws `RangeError`. Edits at the same insertion point keep their order.
 */
export function applyFix(text: string, fix: Fix | TextEdit[]): string {
  const edits = Array.isArray(fix) ? fix : fix.edits;
  const starts = lineStartOffsets(text);
  const resolved = edits
    .map((e, i) => ({
      start: offsetAt(text, e.range.start, starts),
      end: offsetAt(text, e.range.end, starts),
      newText: e.newText,
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
