import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../content/lessons/generated';
import { ALTERNATIVES, BROKEN } from '../../content/lessons/variants';
import { SMALL, makeFile, makeMultiStage } from '../../scripts/bench-analyzer';
import { createAnalyzerCache } from './cache';
import { buildModel } from './model';
import { parseBatchForTest, parseShell, primeShellParses } from './shell';

/** Every RUN script the model parses for `dockerfile` (shell form, heredoc bodies, `sh -c`). */
function runScripts(dockerfile: string): string[] {
  const model = buildModel({ dockerfile });
  return model.stages.flatMap((s) =>
    s.runs.flatMap((r) => (r.script && r.script.trim() !== '' ? [r.script] : [])),
  );
}

const casesDir = new URL('./regression/cases', import.meta.url).pathname;
const CORPUS: [string, string][] = [
  ...lessons.flatMap((l): [string, string][] => [
    [`${l.slug} start`, l.startDockerfile],
    [`${l.slug} solution`, l.solutionDockerfile],
    ...(ALTERNATIVES[l.slug] ?? []).map((a, i): [string, string] => [
      `${l.slug} alternative ${i}`,
      a.dockerfile,
    ]),
    ...(BROKEN[l.slug] ?? []).map((b, i): [string, string] => [
      `${l.slug} broken ${i}`,
      b.dockerfile,
    ]),
  ]),
  ...readdirSync(casesDir)
    .filter((f) => f.endsWith('.Dockerfile'))
    .map((f): [string, string] => [`case ${f}`, readFileSync(join(casesDir, f), 'utf8')]),
  ...SMALL.map((f, i): [string, string] => [`bench small ${i}`, f]),
  ['bench 1,000 lines', makeFile(1000, 1)],
  ...[1, 2].map((seed): [string, string] => [
    `multi-stage seed ${seed}`,
    makeMultiStage(1000, seed),
  ]),
];

/** The batch's answers must be each script's own parse, and the batch must answer most scripts. */
function expectSameAsAlone(scripts: string[]): Map<string, unknown> {
  const batch = parseBatchForTest(scripts);
  for (const [script, parsed] of batch) expect(parsed).toEqual(parseShell(script));
  return batch;
}

describe('primeShellParses', () => {
  it('gives every corpus script the parse it gets alone', () => {
    const all = [...new Set(CORPUS.flatMap(([, text]) => runScripts(text)))];
    expect(all.length).toBeGreaterThan(300);
    const batch = expectSameAsAlone(all);
    // Here-documents, final backslashes and scripts that fail to parse are left to parseShell.
    expect(batch.size).toBeGreaterThan(all.length * 0.9);
  });

  it('fills the cache so that parseShell finds each script', () => {
    const scripts = runScripts(makeMultiStage(100, 1));
    const cache = createAnalyzerCache();
    primeShellParses(scripts, cache);
    const primed = scripts.map((s) => parseShell(s, cache));
    expect(scripts.map((s) => parseShell(s, cache))).toEqual(primed);
    primed.forEach((p, i) => expect(p).toEqual(parseShell(scripts[i])));
  });

  const edges: [string, string[]][] = [
    ['a syntax error among good scripts', ['echo a', 'if then fi', 'echo b && echo c', 'ls | wc']],
    ['an unclosed quote', ['echo "abc', 'def" && echo x', 'echo y']],
    ['a trailing &&', ['apt-get update &&', 'apt-get install -y curl', 'echo z']],
    ['a final backslash', ['echo a; \\', 'echo b', 'echo c']],
    ['a here-document', ['cat <<EOF; echo x', 'body', 'EOF', 'echo after']],
    ['an open case', ['case $x in', 'a) echo a;;', 'esac', 'echo d']],
    ['text that is not ASCII', ['echo "héllo wörld" > /tmp/a', 'printf "😀 %s" $X', 'echo ok']],
    ['a lone surrogate', ['echo "\ud800"', 'echo "é\udfff"', 'echo fine']],
    ['comments only and blank lines', ['# nothing here', 'echo a # trailing', '\n\n', 'echo b']],
    ['nested substitutions', ['echo $(ls $(pwd)) `date`', 'x=$(cat <(ls)) && echo $x', 'a=1 b=2']],
    [
      'pipelines, declarations, redirects',
      ['a | b | c && d | e', 'export A=1 B=$A; declare -x C', 'cmd >out 2>&1 < in', 'f() { g; }'],
    ],
  ];
  for (const [reason, scripts] of edges)
    it(`answers like parseShell alone with ${reason}`, () => {
      expectSameAsAlone(scripts);
    });

  it('answers like parseShell alone for random scripts', () => {
    const piece = fc.constantFrom(
      'echo a',
      'apt-get install -y curl git',
      '&&',
      '||',
      ';',
      '|',
      '\\\n',
      '"',
      "'",
      '$(',
      ')',
      '{',
      '}',
      'if true; then',
      'fi',
      '# c',
      '\n',
      '${X:-y}',
      'é',
      'for i in 1 2; do',
      'done',
      '>',
      'out',
    );
    const script = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(fc.array(script, { minLength: 2, maxLength: 8 }), (scripts) => {
        expectSameAsAlone(scripts);
      }),
      { numRuns: 150, seed: 9 },
    );
  });
});
