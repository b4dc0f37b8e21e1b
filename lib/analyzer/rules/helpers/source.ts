/**
 * Locating words in the Dockerfile source for fixes. Rules decide what is wrong from the model;
 * these helpers only find where an edit goes (after `install`, before a FROM reference...).
 */
import type { ImageModel } from '../../model-types';
import type { Position, Range } from '../../types';

/** A shell-ish word of the source with its position; quotes kept in `text`, removed in `value`. */
export interface SourceToken {
  text: string;
  value: string;
  range: Range;
}

function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

const OPERATOR_CHARS = new Set(['&', '|', ';', '(', ')', '<', '>']);

/**
 * Splits the source inside `range` into words: whitespace, `\` line continuations and shell
 * operators separate them; quoted parts stay inside their word. Operators become tokens of their
 * own (`&&`, `|`, `;`), so callers can tell where one command ends.
 */
export function tokensIn(model: ImageModel, range: Range): SourceToken[] {
  const tokens: SourceToken[] = [];
  let current: { text: string; start: Position; end: Position } | undefined;
  let quote: string | undefined;
  const flush = () => {
    if (current) {
      tokens.push({
        text: current.text,
        value: current.text.replace(/["']/g, ''),
        range: { start: current.start, end: current.end },
      });
      current = undefined;
    }
  };
  for (let line = range.start.line; line <= range.end.line && line < model.lines.length; line++) {
    const text = model.lines[line];
    const from = line === range.start.line ? range.start.character : 0;
    const to = line === range.end.line ? Math.min(range.end.character, text.length) : text.length;
    for (let ch = from; ch < to; ch++) {
      const c = text[ch];
      const pos = { line, character: ch };
      const next = { line, character: ch + 1 };
      if (quote) {
        current!.text += c;
        current!.end = next;
        if (c === quote) quote = undefined;
        continue;
      }
      if (c === '\\' && ch === to - 1 && line < range.end.line) {
        flush(); // a line continuation
        continue;
      }
      if (c === ' ' || c === '\t') {
        flush();
        continue;
      }
      if (OPERATOR_CHARS.has(c)) {
        flush();
        const last = tokens[tokens.length - 1];
        const joins =
          last &&
          OPERATOR_CHARS.has(last.text[0]) &&
          last.range.end.line === line &&
          last.range.end.character === ch &&
          last.text.length === 1 &&
          (c === last.text || (last.text === '|' && c === '&'));
        if (joins) {
          last.text += c;
          last.value += c;
          last.range = { start: last.range.start, end: next };
        } else {
          tokens.push({ text: c, value: c, range: { start: pos, end: next } });
        }
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      if (current) {
        current.text += c;
        current.end = next;
      } else {
        current = { text: c, start: pos, end: next };
      }
    }
    if (!quote) flush();
    const continued = text.slice(0, to).trimEnd().endsWith('\\');
    if (!quote && !continued && line < range.end.line) {
      // A newline without continuation ends a command (heredoc bodies).
      tokens.push({
        text: '\n',
        value: '\n',
        range: { start: { line, character: to }, end: { line, character: to } },
      });
    }
  }
  flush();
  return tokens;
}

const SEPARATORS = new Set(['&&', '||', ';', '|', '&', '(', ')', ';;', '|&', '\n']);

/** True for a token that ends a simple command (`&&`, `|`, `;`...). */
export function isSeparator(token: SourceToken): boolean {
  return SEPARATORS.has(token.text);
}

/** The last word of a path-like token: `/usr/bin/pip3` → `pip3`. */
export function baseName(word: string): string {
  const i = word.lastIndexOf('/');
  return i >= 0 ? word.slice(i + 1) : word;
}

/** Text of the source between two positions. */
export function textBetween(model: ImageModel, start: Position, end: Position): string {
  if (comparePos(start, end) >= 0) return '';
  const out: string[] = [];
  for (let line = start.line; line <= end.line && line < model.lines.length; line++) {
    const text = model.lines[line];
    const from = line === start.line ? start.character : 0;
    const to = line === end.line ? end.character : text.length;
    out.push(text.slice(from, to));
  }
  return out.join('\n');
}

/**
 * End of the last non-blank character at or before `pos` (skips trailing spaces, a dangling
 * `\` continuation and blank lines), so an appended `&& cmd` lands right after the last word.
 */
export function trimmedEnd(model: ImageModel, pos: Position, floor: Position): Position {
  let line = Math.min(pos.line, model.lines.length - 1);
  let ch =
    line === pos.line
      ? Math.min(pos.character, model.lines[line]?.length ?? 0)
      : model.lines[line].length;
  while (line > floor.line || (line === floor.line && ch > floor.character)) {
    const text = model.lines[line] ?? '';
    const prev = text[ch - 1];
    if (ch > 0 && prev !== ' ' && prev !== '\t' && prev !== '\\') return { line, character: ch };
    if (ch > 0) {
      ch--;
      continue;
    }
    line--;
    if (line < 0) break;
    ch = model.lines[line].length;
  }
  return floor;
}

/** Range from the first character of `start`'s line to the start of the line after `end`'s line. */
export function wholeLines(model: ImageModel, range: Range): Range {
  const endLine = range.end.line + 1;
  if (endLine < model.lines.length) {
    return {
      start: { line: range.start.line, character: 0 },
      end: { line: endLine, character: 0 },
    };
  }
  return {
    start: { line: range.start.line, character: 0 },
    end: { line: range.end.line, character: model.lines[range.end.line]?.length ?? 0 },
  };
}

/** The empty range at `pos`, for insertions. */
export function at(pos: Position): Range {
  return { start: pos, end: pos };
}
