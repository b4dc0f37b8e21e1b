/**
 * dockerfile-ast's parser with lazily typed instructions.
 *
 * `DockerfileParser.parse` builds a typed instruction (Run, Copy, Cmd …) for every line, and the
 * JSON-capable ones scan their arguments in the constructor (flags, JSON strings, a position
 * lookup per character run). It even builds each instruction twice: once to look for
 * here-documents, once for the document. The model reads keyword, ranges and its own copy of the
 * text, and needs a typed instruction only for here-documents and non-strict JSON. So this
 * subclass keeps dockerfile-ast's tokenizer (lines, continuations, comments, directives,
 * here-document bodies) and creates the plain `Instruction` for the keywords below; `typed(ins)`
 * builds dockerfile-ast's own typed instruction on demand, from the same arguments.
 *
 * It subclasses, it does not patch: other users of dockerfile-ast in the same process (the
 * benchmark's dockerfile-utils) are untouched. model.test.ts checks instructions, ranges and
 * here-documents against `DockerfileParser.parse`.
 */
import { Instruction, type Dockerfile } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';

/** Keywords built untyped: the model never calls their typed accessors except through `typed()`. */
const LAZY = new Set([
  'RUN',
  'COPY',
  'ADD',
  'CMD',
  'ENTRYPOINT',
  'ENV',
  'LABEL',
  'SHELL',
  'VOLUME',
  'HEALTHCHECK',
  'EXPOSE',
  'STOPSIGNAL',
  'WORKDIR',
  'USER',
]);
/** Keywords whose arguments dockerfile-ast scans for here-documents. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextDocumentLike {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}
interface ParserInternals {
  document: TextDocumentLike;
  buffer: string;
  escapeChar: string;
}

/** Typed instructions built by `typed()`. */
const typedCache = new WeakMap<Instruction, Instruction>();

const createTyped = (Parser as unknown as { createInstruction(...a: unknown[]): Instruction })
  .createInstruction;

/** The fields dockerfile-ast's Line and Instruction constructors store (their constructor arguments). */
interface InstructionFields {
  document: unknown;
  range: Range;
  dockerfile: Dockerfile;
  escapeChar: string;
  instruction: string;
  instructionRange: Range;
}

// Methods, not closures per instruction: tsx's keepNames wraps every named closure in a call.
class LazyParser extends (Parser as unknown as new () => object) {
  createInstruction(
    dockerfile: Dockerfile,
    keyword: string,
    start: number,
    instructionEnd: number,
    end: number,
  ): Instruction {
    const self = this as unknown as ParserInternals;
    const doc = self.document;
    const startPosition = doc.positionAt(start);
    const instructionRange: Range = { start: startPosition, end: doc.positionAt(instructionEnd) };
    const lineRange: Range = { start: startPosition, end: doc.positionAt(end) };
    const escape = self.escapeChar;
    if (!LAZY.has(keyword.toUpperCase()))
      return createTyped(doc, dockerfile, escape, lineRange, keyword, instructionRange);
    return new (Instruction as unknown as new (...a: unknown[]) => Instruction)(
      doc,
      lineRange,
      dockerfile,
      escape,
      keyword,
      instructionRange,
    );
  }

  /**
   * dockerfile-ast looks for `<<NAME` arguments; an instruction whose text has no `<` has none,
   * so the argument scan is skipped (exactly the same result).
   */
  processHeredocs(instruction: Instruction, offset: number): number {
    const self = this as unknown as ParserInternals;
    if (HEREDOC_KEYWORDS.has(instruction.getKeyword())) {
      const from = self.document.offsetAt(instruction.getRange().start);
      if (self.buffer.indexOf('<', from) < 0 || self.buffer.indexOf('<', from) >= offset)
        return offset;
    }
    return (
      Parser.prototype as unknown as { processHeredocs(i: Instruction, o: number): number }
    ).processHeredocs.call(this, instruction, offset);
  }
}

/** Parses like `DockerfileParser.parse`, with lazily typed instructions (see above). */
export function parseDockerfile(text: string): Dockerfile {
  return (new LazyParser() as unknown as { parse(t: string): Dockerfile }).parse(text);
}

/** dockerfile-ast's typed instruction (Run, Copy, Cmd …) for `ins`. */
export function typed(ins: Instruction): Instruction {
  if (ins.constructor !== Instruction) return ins;
  let t = typedCache.get(ins);
  if (!t) {
    // Rebuilt from the fields the plain instruction keeps: the same arguments the parser passed.
    const f = ins as unknown as InstructionFields;
    t = createTyped(
      f.document,
      f.dockerfile,
      f.escapeChar,
      f.range,
      f.instruction,
      f.instructionRange,
    );
    typedCache.set(ins, t);
  }
  return t;
}

/**
 * Names of the here-documents of a RUN, COPY or ADD that no line ends (`<<EOF` without a line that
 * is exactly `EOF`, or tabs then `EOF` for `<<-EOF`). BuildKit stops on them with "unterminated
 * heredoc" (moby/buildkit frontend/dockerfile/parser/parser.go), so the image does not build.
 * Exec form has no here-documents: dockerfile-ast would read `["sh", "-c", "cat <<EOF"]` as one.
 */
export function unterminatedHeredocs(ins: Instruction, argsText: string): string[] {
  if (!HEREDOC_KEYWORDS.has(ins.getKeyword()) || !argsText.includes('<<')) return [];
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
