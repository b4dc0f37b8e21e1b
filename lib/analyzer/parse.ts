/**
 * Dockerfile instructions for the model, split by a small tokenizer of our own and checked against
 * dockerfile-ast, the reference (parse.test.ts: every Dockerfile in the repository and generated
 * text give the same instructions, ranges, here-documents, JSON, ARG properties and FROM parts).
 *
 * Why not `DockerfileParser.parse` for everything: it builds a typed instruction (Run, Copy, Cmd …)
 * for every line, twice, and the JSON-capable ones scan their arguments in the constructor; on the
 * bench's 1,000-line files that was 8-14× the time of this tokenizer (`npm run bench:parse`). The
 * model reads keyword and ranges of every instruction and its own copy of the text; dockerfile-ast's
 * typed instruction it needs only for FROM, ARG, non-strict JSON and here-documents. So:
 *
 * - `parseDockerfile` splits the text the way dockerfile-ast's parser does (parser directives, the
 *   escape character, comments, line continuations, a keyword split by a continuation). A document
 *   whose RUN, COPY, ADD or ONBUILD has a `<` may hold here-documents, whose bodies decide where
 *   the next instruction starts: that document is parsed by `DockerfileParser.parse` itself.
 * - `typed(ins)` is dockerfile-ast's own typed instruction, from its public API: the first call
 *   parses, with `DockerfileParser.parse`, a copy of the document that keeps only the FROM and ARG
 *   lines (and the one asked for) at their places, every other line empty; any other instruction
 *   asked for later is parsed the same way alone. Ranges are those of the whole document.
 *
 * Nothing is remembered between calls: what `typed()` builds belongs to the parse it came from.
 */
import { DockerfileParser, Instruction as AstInstruction } from 'dockerfile-ast';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}

/** An instruction as the model reads it; `typed(ins)` gives dockerfile-ast's own for it. */
export interface Instruction {
  /** The keyword in upper case, as dockerfile-ast's `getKeyword()`. */
  getKeyword(): string;
  /** From the keyword to the end of the arguments (here-document bodies included). */
  getRange(): Range;
  /** The keyword's range. */
  getInstructionRange(): Range;
}

/** A parsed Dockerfile: its escape character and its instructions, in order. */
export interface ParsedDockerfile {
  getEscapeCharacter(): string;
  getInstructions(): Instruction[];
}

/** Keywords whose arguments dockerfile-ast scans for here-documents (ONBUILD: its trigger's). */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'ONBUILD']);
/** Keywords the model reads typed in every document: built together on the first `typed()`. */
const TYPED_TOGETHER = new Set(['FROM', 'ARG']);
const BOM = '\ufeff';

/** Line-start offsets as dockerfile-ast's text document counts them (LF, CRLF and a lone CR). */
function lineOffsets(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
  return out;
}

/** One instruction of our split; `typed()` asks its document for dockerfile-ast's. */
class OwnInstruction implements Instruction {
  typedInstruction: AstInstruction | undefined;
  constructor(
    readonly doc: OwnDocument,
    readonly index: number,
    readonly keyword: string,
    readonly range: Range,
    readonly keywordRange: Range,
    /** Offset where the instruction ends (exclusive). */
    readonly end: number,
  ) {}
  getKeyword(): string {
    return this.keyword;
  }
  getRange(): Range {
    return this.range;
  }
  getInstructionRange(): Range {
    return this.keywordRange;
  }
}

class OwnDocument implements ParsedDockerfile {
  readonly instructions: OwnInstruction[] = [];
  private typedTogether = false;
  constructor(
    readonly text: string,
    readonly lines: number[],
    readonly escape: string,
  ) {}
  getEscapeCharacter(): string {
    return this.escape;
  }
  getInstructions(): Instruction[] {
    return this.instructions;
  }

  typedOf(ins: OwnInstruction): AstInstruction {
    if (ins.typedInstruction) return ins.typedInstruction;
    let wanted = [ins];
    if (!this.typedTogether) {
      this.typedTogether = true;
      wanted = this.instructions.filter((i) => i === ins || TYPED_TOGETHER.has(i.keyword));
    }
    const got = this.parseSparse(wanted);
    wanted.forEach((w, k) => (w.typedInstruction = got[k]));
    return got[wanted.indexOf(ins)];
  }

  /**
   * dockerfile-ast's instructions for `wanted` (in order), parsed from a copy of the document
   * that holds only them, each on its own lines, every other line empty: the same text, lines and
   * columns for those instructions. The escape directive, when the document has one, stays on
   * line 0 (a directive line there too, as no instruction can start on it).
   */
  private parseSparse(wanted: OwnInstruction[]): AstInstruction[] {
    const parts: string[] = [this.escape === '\\' ? '' : `# escape=${this.escape}`];
    let line = 0;
    for (const ins of wanted) {
      const first = ins.range.start.line;
      parts.push('\n'.repeat(first - line), this.text.slice(this.lines[first], ins.end));
      line = ins.range.end.line;
    }
    const got = DockerfileParser.parse(parts.join('')).getInstructions();
    if (
      got.length === wanted.length &&
      got.every((g, k) => g.getRange().start.line === wanted[k].range.start.line)
    )
      return got;
    // Never seen (the differential test guards it); then the whole document, the slow way.
    const all = DockerfileParser.parse(this.text).getInstructions();
    return wanted.map((w) => all[w.index]);
  }
}

/**
 * dockerfile-ast's split of a Dockerfile into instructions (`Parser` in its parser module: the
 * same states and the same answers), without building instructions. `run()` is `undefined` when
 * a RUN, COPY, ADD or ONBUILD has a `<` (a possible here-document).
 */
class Tokenizer {
  readonly lines: number[];
  escape = '\\';
  private found: { keyword: string; start: number; keywordEnd: number; end: number }[] = [];
  private mayHaveHeredoc = false;

  constructor(readonly buffer: string) {
    this.lines = lineOffsets(buffer);
  }

  position(offset: number): Position {
    const { lines, buffer } = this;
    const at = Math.max(Math.min(offset, buffer.length), 0);
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lines[mid] > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    let o = at;
    while (o > lines[line] && (buffer[o - 1] === '\r' || buffer[o - 1] === '\n')) o--;
    return { line, character: o - lines[line] };
  }

  run(): OwnDocument | undefined {
    const buffer = this.buffer;
    const directives = this.directiveCount();
    let offset = 0;
    if (directives > 0)
      offset = directives < this.lines.length ? this.lines[directives] : buffer.length;
    else if (buffer[0] === BOM) offset = 1;
    for (let i = offset; i < buffer.length; i++) {
      const char = buffer[i];
      if (char === ' ' || char === '\t' || char === '\r' || char === '\n') continue;
      i = char === '#' ? this.commentEnd(i) : this.instruction(char, i);
      if (this.mayHaveHeredoc) return undefined;
    }
    const doc = new OwnDocument(buffer, this.lines, this.escape);
    this.found.forEach((f, index) => {
      const start = this.position(f.start);
      doc.instructions.push(
        new OwnInstruction(
          doc,
          index,
          f.keyword.toUpperCase(),
          { start, end: this.position(f.end) },
          { start, end: this.position(f.keywordEnd) },
          f.end,
        ),
      );
    });
    return doc;
  }

  /** The leading parser directives (`# name=value` lines); sets `escape` from them. */
  private directiveCount(): number {
    const buffer = this.buffer;
    let count = 0;
    let escape: string | undefined;
    directiveCheck: for (let i = buffer[0] === BOM ? 1 : 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c === ' ' || c === '\t') continue;
      if (c !== '#') break;
      let nameStart = -1;
      let nameEnd = -1;
      for (let j = i + 1; j < buffer.length; j++) {
        const d = buffer[j];
        if (d === ' ' || d === '\t') {
          if (nameStart !== -1 && nameEnd === -1) nameEnd = j;
        } else if (d === '\r' || d === '\n') {
          break directiveCheck;
        } else if (d === '=') {
          if (nameEnd === -1) nameEnd = j;
          let valueStart = -1;
          let valueEnd = -1;
          let lineEnd = buffer.length;
          for (let k = j + 1; k < buffer.length; k++) {
            const e = buffer[k];
            if (e === '\r' || e === '\n') {
              if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
              lineEnd = k;
              break;
            }
            if (e === ' ' || e === '\t') {
              if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
            } else if (valueStart === -1) valueStart = k;
          }
          if (nameStart === -1) break directiveCheck; // `# =x` is a comment
          if (valueStart === -1) {
            valueStart = j + 1;
            valueEnd = lineEnd;
          } else if (valueEnd === -1) valueEnd = buffer.length;
          count++;
          const value = buffer.slice(valueStart, valueEnd);
          if (
            escape === undefined &&
            buffer.slice(nameStart, nameEnd).toLowerCase() === 'escape' &&
            (value === '\\' || value === '`')
          )
            escape = value;
          i = buffer[valueEnd] === '\r' ? valueEnd + 1 : valueEnd;
          continue directiveCheck;
        } else if (nameStart === -1) nameStart = j;
      }
      break;
    }
    if (escape) this.escape = escape;
    return count;
  }

  /** Reads one instruction from `start` (its first character); returns where it ends. */
  private instruction(first: string, start: number): number {
    const { buffer, escape } = this;
    let keyword = first;
    let keywordEnd = -1;
    let escaped = false;
    keywordCheck: for (let i = start + 1; i < buffer.length; i++) {
      let char = buffer[i];
      if (char === escape) {
        escaped = true;
        char = buffer[i + 1];
        if (char === '\r' || char === '\n') {
          if (keywordEnd === -1) keywordEnd = i;
          i++;
        } else if (char === ' ' || char === '\t') {
          for (let j = i + 2; j < buffer.length; j++) {
            const c = buffer[j];
            if (c === ' ' || c === '\t') continue;
            if (c === '\r' || c === '\n') {
              i = j;
              continue keywordCheck;
            }
            keywordEnd = i + 1;
            keyword += escape;
            i = j - 2;
            continue keywordCheck;
          }
          keywordEnd = i + 1;
          keyword += escape;
          break keywordCheck;
        } else {
          keywordEnd = i + 1;
          keyword += escape;
          escaped = false;
        }
      } else if (char === ' ' || char === '\t') {
        if (escaped) {
          for (let j = i + 1; j < buffer.length; j++) {
            const c = buffer[j];
            if (c === ' ' || c === '\t') continue;
            if (c === '\r' || c === '\n') {
              i = j;
              continue keywordCheck;
            }
            break;
          }
          escaped = false;
        }
        if (keywordEnd === -1) keywordEnd = i;
        const end = this.argumentsEnd(keyword, start, i);
        this.found.push({ keyword, start, keywordEnd, end });
        return end;
      } else if (char === '\r' || char === '\n') {
        if (escaped) continue;
        this.found.push({ keyword, start, keywordEnd: i, end: i });
        return i;
      } else if (char === '#' && escaped) {
        continue;
      } else {
        keywordEnd = i + 1;
        keyword += char;
        escaped = false;
      }
    }
    if (keywordEnd === -1) keywordEnd = buffer.length;
    this.found.push({ keyword, start, keywordEnd, end: buffer.length });
    return buffer.length;
  }

  /** Where the arguments that start after `offset` end (dockerfile-ast's processArguments). */
  private argumentsEnd(keyword: string, start: number, offset: number): number {
    const { buffer, escape } = this;
    let escaped = false;
    argumentsCheck: for (let i = offset + 1; i < buffer.length; i++) {
      const char = buffer[i];
      if (char === '\r' || char === '\n') {
        if (escaped) continue;
        // dockerfile-ast would look for `<<NAME` arguments here and skip their bodies.
        const upper = keyword.toUpperCase();
        if (HEREDOC_KEYWORDS.has(upper) && buffer.slice(start, i).includes('<'))
          this.mayHaveHeredoc = true;
        return i;
      }
      if (char === escape) {
        const next = buffer[i + 1];
        if (next === '\n' || next === '\r') {
          escaped = true;
          i++;
        } else if (next === ' ' || next === '\t') {
          for (let j = i + 2; j < buffer.length; j++) {
            const c = buffer[j];
            if (c === ' ' || c === '\t') continue;
            if (c === '\r' || c === '\n') escaped = true;
            i = j;
            continue argumentsCheck;
          }
          return buffer.length;
        }
      } else if (char === '#') {
        if (escaped) i = this.commentEnd(i);
      } else if (char !== ' ' && char !== '\t') {
        escaped = false;
      }
    }
    return buffer.length;
  }

  private commentEnd(start: number): number {
    const buffer = this.buffer;
    for (let i = start + 1; i < buffer.length; i++)
      if (buffer[i] === '\r' || buffer[i] === '\n') return i;
    return buffer.length;
  }
}

/**
 * The instructions of `text`, as dockerfile-ast splits them (see above). Never throws.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  return new Tokenizer(text).run() ?? DockerfileParser.parse(text);
}

/** dockerfile-ast's typed instruction (From, Arg, Run, Copy, Cmd …) for `ins`. */
export function typed(ins: Instruction): AstInstruction {
  if (ins instanceof OwnInstruction) return ins.doc.typedOf(ins);
  return ins as AstInstruction;
}

/**
 * Names of the here-documents of a RUN, COPY or ADD that no line ends (`<<EOF` without a line that
 * is exactly `EOF`, or tabs then `EOF` for `<<-EOF`). BuildKit stops on them with "unterminated
 * heredoc" (moby/buildkit frontend/dockerfile/parser/parser.go), so the image does not build.
 * Exec form has no here-documents: dockerfile-ast would read `["sh", "-c", "cat <<EOF"]` as one.
 */
export function unterminatedHeredocs(ins: Instruction, argsText: string): string[] {
  if (!HEREDOC_KEYWORDS.has(ins.getKeyword()) || ins.getKeyword() === 'ONBUILD') return [];
  if (!argsText.includes('<<')) return [];
  if (argsText.trimStart().startsWith('[')) return [];
  const t = typed(ins) as unknown as {
    getHeredocs?: () => { getName(): string; getDelimiterRange(): Range | null }[];
  };
  try {
    return (t.getHeredocs?.() ?? []).filter((h) => !h.getDelimiterRange()).map((h) => h.getName());
  } catch {
    return [];
  }
}
