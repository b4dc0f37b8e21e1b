/**
 * The Dockerfile as text: line endings and the size cap, offset ↔ position, line continuations
 * joined as Docker joins them, and each instruction's arguments and flags read from our own copy
 * of the text (dockerfile-ast's argument accessors re-scan the document on every call; reading
 * the arguments from our own copy, after the keyword and flags, is many times cheaper).
 */
import { typed, type Instruction } from '../parse';
import type { AnalyzeInput, ParseProblem, Position, Range } from '../types';
import { isNotText } from '../text-kind';
import { normalizeLineEndings } from '../line-endings';
import { LIMITS } from '../../limits';

/**
 * Size cap (`LIMITS.analyzer`): beyond it only the beginning is analysed and a problem says so. Real Dockerfiles are a few hundred lines at most; the cap keeps a pasted
 * megabyte from freezing the editor (analysis stays linear, measured in scripts/bench-analyzer.ts).
 */
export const { lines: MAX_LINES, chars: MAX_CHARS } = LIMITS.analyzer;

/** The text to analyse: LF endings, cut at the size cap, emptied when it is not text. */
export interface PreparedText {
  text: string;
  truncatedAtLine: number | undefined;
  notText: boolean;
}

/** Normalises, caps and checks the Dockerfile text; what it cuts or refuses becomes a problem. */
export function prepareText(input: AnalyzeInput, problems: ParseProblem[]): PreparedText {
  // CRLF and lone CR become LF once, here: positions (line, character) are the same in both texts.
  let text = normalizeLineEndings(
    typeof input.dockerfile === 'string' ? input.dockerfile : '',
  ).text;
  let truncatedAtLine: number | undefined;
  {
    let cut = -1;
    if (text.length > MAX_CHARS) cut = text.lastIndexOf('\n', MAX_CHARS);
    let count = 0;
    for (
      let i = text.indexOf('\n');
      i >= 0 && i < (cut >= 0 ? cut : text.length);
      i = text.indexOf('\n', i + 1)
    ) {
      if (++count >= MAX_LINES) {
        cut = i;
        break;
      }
    }
    if (cut >= 0) {
      text = text.slice(0, cut);
      truncatedAtLine = lineStarts(text).length;
      problems.push({
        range: {
          start: { line: truncatedAtLine - 1, character: 0 },
          end: { line: truncatedAtLine - 1, character: 0 },
        },
        severity: 'warning',
        message: `Too large: only the first ${truncatedAtLine} lines (${MAX_LINES.toLocaleString('en')} lines / ${MAX_CHARS.toLocaleString('en')} characters at most) were analysed.`,
      });
    }
  }
  // A binary file: say so once, and analyse nothing rather than echo its bytes back as lines.
  const notText = isNotText(text);
  if (notText) {
    text = '';
    problems.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'error',
      message:
        'This is not a text file (it holds NUL bytes or control characters): nothing was analysed. Open or paste the Dockerfile as text.',
    });
  }
  return { text, truncatedAtLine, notText };
}

/** Line-start offsets of a text, for offset → position conversion. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function toOffset(starts: number[], pos: Position): number {
  return (starts[pos.line] ?? starts[starts.length - 1]) + pos.character;
}

export function toPosition(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Text with continuations joined, and where each piece of it sits in the document. */
export interface Joined {
  text: string;
  /** Piece starts: joined offset `n[k]` is document offset `d[k]`, and so on until the next piece. */
  n: number[];
  d: number[];
  /** Document offset of the end of the region. */
  end: number;
}

/** Document offset of joined offset `i`. */
export function docOffset(j: Joined, i: number): number {
  if (i >= j.text.length) return j.end;
  let lo = 0;
  let hi = j.n.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (j.n[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return j.d[lo] + (i - j.n[lo]);
}

/**
 * Joins Dockerfile line continuations (escape + newline) and drops comment and empty lines inside
 * them, as Docker does before handing the text to the shell.
 */
function joinContinuations(doc: string, start: number, end: number, escape: string): Joined {
  const n: number[] = [0];
  const d: number[] = [start];
  let text = '';
  let pieceStart = start;
  let i = doc.indexOf(escape, start);
  while (i >= 0 && i < end) {
    let j = i + 1;
    while (j < end && (doc[j] === ' ' || doc[j] === '\t')) j++;
    if (doc[j] === '\r') j++;
    if (doc[j] !== '\n') {
      i = doc.indexOf(escape, i + 1);
      continue;
    }
    text += doc.slice(pieceStart, i);
    j++;
    // Skip comment lines and blank lines that follow a continuation.
    for (;;) {
      let k = j;
      while (k < end && (doc[k] === ' ' || doc[k] === '\t')) k++;
      if (doc[k] === '#') {
        const nl = doc.indexOf('\n', k);
        if (nl < 0 || nl >= end) {
          j = end;
          break;
        }
        j = nl + 1;
      } else if (k < end && (doc[k] === '\n' || (doc[k] === '\r' && doc[k + 1] === '\n'))) {
        j = doc[k] === '\r' ? k + 2 : k + 1;
      } else break;
    }
    pieceStart = j;
    n.push(text.length);
    d.push(j);
    i = doc.indexOf(escape, j);
  }
  text += doc.slice(pieceStart, end);
  return { text, n, d, end };
}

/** An instruction's arguments as read from the document text. */
export interface InsText {
  /** Document offsets of the arguments (after keyword and flags). */
  start: number;
  end: number;
  /** Arguments with continuations joined, trimmed. */
  text: string;
  /** `--name=value` flags before the arguments, in order, with the document offsets of the value. */
  flags: { name: string; value: string | null; valueAt?: [number, number] }[];
  joined: Joined;
  /** Offset in `joined.text` where the arguments start. */
  argsAt: number;
}

/** The document one analysis reads, with the arguments of each instruction once read. */
export interface DocText {
  text: string;
  /** Line-start offsets of `text`. */
  starts: number[];
  escape: string;
  insTexts: Map<Instruction, InsText>;
}

/** The arguments and flags of `ins`, read once per analysis. */
export function insText(d: DocText, ins: Instruction): InsText {
  const { text, starts, escape, insTexts } = d;
  let hit = insTexts.get(ins);
  if (hit) return hit;
  const end = toOffset(starts, ins.getRange().end);
  const joined = joinContinuations(
    text,
    toOffset(starts, ins.getInstructionRange().end),
    end,
    escape,
  );
  const flags: InsText['flags'] = [];
  const j = joined.text;
  let i = 0;
  for (;;) {
    while (i < j.length && (j[i] === ' ' || j[i] === '\t')) i++;
    if (j[i] !== '-' || j[i + 1] !== '-') break;
    let k = i + 2;
    while (k < j.length && j[k] !== ' ' && j[k] !== '\t' && j[k] !== '\n') k++;
    const token = j.slice(i + 2, k);
    const eq = token.indexOf('=');
    flags.push(
      eq >= 0
        ? {
            name: token.slice(0, eq),
            value: token.slice(eq + 1),
            valueAt: [docOffset(joined, i + 3 + eq), docOffset(joined, k)],
          }
        : { name: token, value: null },
    );
    i = k;
  }
  const rest = j.slice(i);
  const textOut = rest.trim();
  const lead = rest.length - rest.trimStart().length;
  hit = {
    start: docOffset(joined, i + lead),
    end,
    text: textOut,
    flags,
    joined,
    argsAt: i + lead,
  };
  insTexts.set(ins, hit);
  return hit;
}

export function jsonStrings(ins: Instruction, content: string): string[] | undefined {
  if (!content.startsWith('[')) return undefined;
  try {
    const parsed = JSON.parse(content) as unknown;
    if (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string'))
      return parsed as string[];
  } catch {
    // Not strict JSON: fall back to dockerfile-ast's reading.
  }
  const j = typed(ins) as unknown as { getJSONStrings?: () => { getJSONValue(): string }[] };
  if (!j.getJSONStrings) return undefined;
  const strings = j.getJSONStrings();
  return strings.length ? strings.map((s) => s.getJSONValue()) : undefined;
}

export function heredocsOf(ins: Instruction): { name: string; content: Range | null }[] {
  const h = typed(ins) as unknown as {
    getHeredocs?: () => { getName(): string; getContentRange(): Range | null }[];
  };
  if (!h.getHeredocs) return [];
  try {
    return h.getHeredocs().map((d) => ({ name: d.getName(), content: d.getContentRange() }));
  } catch {
    return [];
  }
}

/** The `name=value` properties of an ARG. */
export function argProps(ins: Instruction): { name: string; value: string | null }[] {
  const p = typed(ins) as unknown as {
    getProperties?: () => { getName(): string; getValue(): string | null }[];
  };
  return p.getProperties
    ? p.getProperties().map((x) => ({ name: x.getName(), value: x.getValue() }))
    : [];
}
