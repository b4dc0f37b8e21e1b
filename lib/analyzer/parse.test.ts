import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { parseDockerfile, typed } from './parse';

type Typed = Instruction & {
  getHeredocs?: () => { getName(): string; getContentRange(): unknown }[];
  getJSONStrings?: () => { getJSONValue(): string }[];
};

/** What the model reads of each instruction, from either parser. */
function shape(instructions: Instruction[], view: (i: Instruction) => Typed) {
  return instructions.map((ins) => {
    const t = view(ins);
    return {
      keyword: ins.getKeyword(),
      range: ins.getRange(),
      keywordRange: ins.getInstructionRange(),
      heredocs: t.getHeredocs
        ? t.getHeredocs().map((h) => [h.getName(), h.getContentRange()])
        : null,
      json: t.getJSONStrings ? t.getJSONStrings().map((s) => s.getJSONValue()) : null,
    };
  });
}

function same(text: string): void {
  const ours = parseDockerfile(text);
  const theirs = DockerfileParser.parse(text);
  expect(ours.getEscapeCharacter()).toBe(theirs.getEscapeCharacter());
  expect(shape(ours.getInstructions(), (i) => typed(i) as Typed)).toEqual(
    shape(theirs.getInstructions(), (i) => i as Typed),
  );
}

const CASES = [
  'FROM python:3.12-slim AS build\nARG A=1\nENV B=2 C="3 4"\nRUN --mount=type=cache,target=/root/.cache pip install x \\\n  && echo ok\nCOPY --chown=a:b . .\nCMD ["python", "app.py"]\n',
  'FROM alpine\nRUN <<EOF\nset -eux\napk add curl\nEOF\nCOPY <<-A <<B /dst/\n\tone\n\tA\ntwo\nB\nRUN cat <<X > /f\nhi\nX\n',
  '# escape=`\nFROM mcr.microsoft.com/windows\nRUN echo a `\n  b\nCMD [ "a", \'b\' ]\n',
  'FROM x\nR\\\nUN echo split keyword\nonbuild RUN echo <<EOF\nx\nEOF\nHEALTHCHECK --interval=5s CMD curl -f http://x || exit 1\nENTRYPOINT []\nSHELL ["/bin/bash", "-c"]\n',
  'FROM x\nRUN echo a\\\n# comment inside\n  b\r\nEXPOSE 80\r\nVOLUME /data\nRUN echo "<not heredoc" < /dev/null\n',
];

describe('parseDockerfile (lazily typed dockerfile-ast)', () => {
  it('gives the same instructions, ranges, here-documents and JSON as DockerfileParser.parse', () => {
    for (const c of CASES) same(c);
  });

  it('agrees with DockerfileParser.parse on any text built from Dockerfile pieces', () => {
    const piece = fc.constantFrom(
      'FROM ',
      'RUN ',
      'COPY ',
      'ADD ',
      'CMD ',
      'ONBUILD ',
      'ENV ',
      'ARG ',
      '<<EOF',
      '<<-E',
      'EOF',
      'E',
      '\n',
      '\\\n',
      '\t',
      ' ',
      '[',
      ']',
      '"',
      ',',
      'a',
      '--mount=x',
      '#',
      '`',
      '\r\n',
      '# escape=`\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => same(parts.join(''))),
      { numRuns: 300 },
    );
  });
});

describe('the libraries whose internals parse.ts and shell.ts read', () => {
  // A range (`^0.7.1`) would let an install pick a release whose private fields differ; the
  // differential tests above and in shell.test.ts then check the version that is installed.
  const root = new URL('../../', import.meta.url);
  const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
  it.each(['dockerfile-ast', 'mvdan-sh'])(
    '%s is pinned exactly, and that version is installed',
    (name) => {
      const pin = json('package.json').dependencies[name] as string;
      expect(pin).toMatch(/^\d+\.\d+\.\d+$/);
      expect(json(`node_modules/${name}/package.json`).version).toBe(pin);
    },
  );
});
