/**
 * Line endings. Docker's parser, dockerfile-ast and Monaco all break lines at LF, CRLF and a lone
 * CR; the model works on one form only. `normalizeLineEndings` turns every CRLF and lone CR into
 * LF once, before parsing, and keeps the map back to the original text: a position (line,
 * character) means the same place in both texts, and `toOriginal` maps offsets.
 */
import type { Position } from './types';

/** A text with LF line endings only, and the way back to the text it came from. */
export interface NormalizedText {
  /** The text with every CRLF and lone CR replaced by LF. */
  text: string;
  /** True when the original had a CR (so `text` differs from it). */
  changed: boolean;
  /** The offset in the original text of offset `offset` of `text` (clamped to the text). */
  toOriginal(offset: number): number;
}

/** Normalises line endings (CRLF and lone CR → LF), with the offset map back to the original. */
export function normalizeLineEndings(original: string): NormalizedText {
  if (original.indexOf('\r') < 0)
    return {
      text: original,
      changed: false,
      toOriginal: (o) => Math.max(0, Math.min(o, original.length)),
    };
  const text = original.replace(/\r\n?/g, '\n');
  // Normalised offsets just after each collapsed CRLF: the original is one character ahead
  // for every such point at or before an offset.
  const collapsed: number[] = [];
  for (let i = original.indexOf('\r\n'), k = 0; i >= 0; i = original.indexOf('\r\n', i + 2), k++)
    collapsed.push(i - k + 1);
  return {
    text,
    changed: true,
    toOriginal(offset) {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = collapsed.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (collapsed[mid] <= o) lo = mid + 1;
        else hi = mid;
      }
      return o + lo;
    },
  };
}

/**
 * Start offset and content end (before its line break) of every line of `text`, breaking at LF,
 * CRLF and lone CR as Docker and the editor do.
 */
export function lineBounds(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

/** Offset of a 0-based position in `text`, clamped to its line (any line ending). */
export function offsetOfPosition(
  text: string,
  pos: Position,
  bounds: { starts: number[]; ends: number[] } = lineBounds(text),
): number {
  if (pos.line < 0) return 0;
  if (pos.line >= bounds.starts.length) return text.length;
  const start = bounds.starts[pos.line];
  return Math.min(start + Math.max(0, pos.character), bounds.ends[pos.line]);
}
