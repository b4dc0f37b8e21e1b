import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandFields, parseForTest, parseShell, walkTypesForTest } from './shell';
import { createAnalyzerCache } from './cache';

const SCRIPTS = [
  'set -eux; apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
  'FOO=1 BAR="$FOO x" make -j"$(nproc)" ${TARGET:-all} 2>&1 | tee /log > /dev/null || true',
  "export A=1 B='two'; declare -r C=3; local D; if [ -f x ]; then echo 'y'; else echo n; fi",
  'for f in *.py; do python3 -m py_compile "$f"; done; while read l; do echo ${l#x}; done < /in',
  'cat <<EOF > /etc/conf\nkey=$VALUE\nEOF\ncase "$X" in a) echo a;; *) echo b;; esac; (cd /x && ls) & wait; f() { echo ${#1}; }; arr=(1 2); echo ${arr[0]} $((1 + 2))',
];

describe('shell nodeType', () => {
  it('reads the same node type as mvdan-sh syntax.NodeType for every node', () => {
    let nodes = 0;
    for (const s of SCRIPTS) {
      walkTypesForTest(s, (fast, slow) => {
        nodes++;
        expect(fast).toBe(slow);
      });
    }
    expect(nodes).toBeGreaterThan(100);
  });
});

describe('shell walk pruning', () => {
  it('finds the same commands when the walk skips plain commands', () => {
    const piece = fc.constantFrom(
      'echo a',
      'apt-get install -y curl',
      '$(id -u)',
      '`date`',
      '<(ls /x)',
      '>(tee /y)',
      '"$(cat f)"',
      "'$(not)'",
      ' && ',
      ' || ',
      '; ',
      ' | ',
      ' ',
      'X=$(pwd) ',
      'export A=$(b) ',
      '${V:-$(d)}',
      '$((1+2))',
      'if true; then x; fi',
      '(cd /a && make)',
      '{ y; }',
      '> /out',
      '2>&1',
      'sh -c "z"',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (parts) => {
        const script = parts.join('');
        expect(parseForTest(script, true)).toEqual(parseForTest(script, false));
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseShell reading the tree directly', () => {
  const piece = fc.constantFrom(
    'echo a',
    'apt-get install -y curl',
    'FOO=1 BAR="$FOO x" make',
    'export A=$(b) C',
    'declare -r D=4',
    'local E',
    '$(id -u)',
    '`date`',
    '<(ls /x)',
    '"$(cat f) ${V:-d} ${#W} ${X/a/b} ${Y:1:2} $Z"',
    "'$(not)'",
    ' && ',
    ' || ',
    '; ',
    ' | ',
    ' |& ',
    ' ',
    '\n',
    'if true; then x; elif y; then z; else w; fi',
    'for i in 1 2; do echo $i; done',
    'while read l; do echo ${l#x}; done < /in',
    'case "$X" in a) echo a;; *) echo b;; esac',
    'case "$dpkgArch" in amd64 | arm64) echo a;; *) apt-get build-dep x;; esac',
    'case "${dpkgArch##*-}" in arm*) echo arm;; esac',
    'f() { apk add z; }',
    '(cd /a && make)',
    '{ y; }',
    '> /out',
    '2>&1',
    '<<EOF\nbody $(w)\nEOF\n',
    'arr=(1 $(two)) ',
    '$((1 + $(n)))',
    '[[ -f $(p) ]]',
    'echo é ü 😀 "ß$X"',
  );
  it('gives the same commands as mvdan-sh syntax.Walk', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (parts, prune) => {
          const script = parts.join('');
          const raw = parseForTest(script, prune, 'raw');
          const walk = parseForTest(script, prune, 'walk');
          // eslint-disable-next-line no-control-regex -- ASCII is every code unit below 0x80
          if (/^[\x00-\x7f]*$/.test(script)) expect(raw).toEqual(walk);
          else {
            // The Walk reports UTF-8 byte offsets, so its source slices (a parameter's text, a
            // raw part) are cut in the wrong places; the direct read gives string offsets.
            const strip = (p: typeof raw) =>
              p.commands.map(({ words, assigns, isDecl, pipeline, pipelinePosition }) => ({
                words: words.map((w) =>
                  w.map((part) =>
                    part.kind === 'lit' ? part : part.kind === 'param' ? part.name : part.kind,
                  ),
                ),
                assigns: assigns.map((a) => a.name),
                isDecl,
                pipeline,
                pipelinePosition,
              }));
            expect(strip(raw)).toEqual(strip(walk));
          }
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });

  it('gives string offsets after characters that are not ASCII', () => {
    const script = 'echo é 😀 && apk add x';
    const cmd = parseShell(script).commands[1];
    expect(script.slice(cmd.start, cmd.end)).toBe('apk add x');
    expect(cmd.wordSpans.map(([a, b]) => script.slice(a, b))).toEqual(['apk', 'add', 'x']);
  });

  it('reads 399 joined commands without a wrapper per node', () => {
    const script = Array.from({ length: 399 }, (_, i) => `apk add p${i}`).join(' && ');
    const parsed = parseForTest(script, true, 'raw');
    expect(parsed.commands).toHaveLength(399);
    expect(parsed).toEqual(parseForTest(script, true, 'walk'));
  });
});

describe('parseShell with a cache', () => {
  it('keeps every script of a long file for the next analysis (1,500 RUNs)', () => {
    const cache = createAnalyzerCache();
    const scripts = Array.from({ length: 1500 }, (_, i) => `apt-get install -y pkg${i}`);
    const first = scripts.map((s) => parseShell(s, cache));
    const again = scripts.map((s) => parseShell(s, cache));
    expect(again.every((parsed, i) => parsed === first[i])).toBe(true);
  });
});

describe('expandFields', () => {
  const fields = (script: string, env: Record<string, string>) =>
    parseShell(script).commands[0].words.flatMap((w) => expandFields(w, env));

  it('splits an unquoted variable into one field per word', () => {
    expect(fields('apt-get install $DEPS', { DEPS: 'gcc  make\n\tlibc-dev' })).toEqual([
      'apt-get',
      'install',
      'gcc',
      'make',
      'libc-dev',
    ]);
  });

  it('keeps a quoted variable as one field', () => {
    expect(fields('echo "$DEPS"', { DEPS: 'gcc make' })).toEqual(['echo', 'gcc make']);
  });

  it('splits ${VAR:-default} forms and drops an empty unquoted variable', () => {
    expect(fields('apk add ${X:-a b} $EMPTY c', { EMPTY: '' })).toEqual([
      'apk',
      'add',
      'a',
      'b',
      'c',
    ]);
  });

  it('joins a literal prefix to the first word of the value', () => {
    expect(fields('x pre$V', { V: 'a b' })).toEqual(['x', 'prea', 'b']);
  });

  it('leaves an unresolved variable unsplit, as written', () => {
    expect(fields('apt-mark manual $saved', {})).toEqual(['apt-mark', 'manual', '$saved']);
  });
});

describe('parseShell: commands that run only on some paths', () => {
  const conditional = (script: string) =>
    parseShell(script).commands.map((c) => [
      c.words.map((w) => w.map((p) => ('value' in p ? p.value : p.text)).join('')).join(' '),
      c.conditional === true,
    ]);
  it('marks the commands of an if (both branches, nested ones too) and after ||, not after && or ;', () => {
    expect(
      conditional(
        'apt-get update && if [ -n "$X" ]; then apt-get install -y a; elif true; then b; else c; fi; command -v d || apt-get install -y d; e',
      ),
    ).toEqual([
      ['apt-get update', false],
      ['[ -n $X ]', true],
      ['apt-get install -y a', true],
      ['true', true],
      ['b', true],
      ['c', true],
      ['command -v d', false],
      ['apt-get install -y d', true],
      ['e', false],
    ]);
  });
  it('reads the same through both readers', () => {
    const script = 'if a; then b || c; fi && d || { e; f; }';
    expect(parseForTest(script, true, 'raw')).toEqual(parseForTest(script, true, 'walk'));
  });
});

describe('parseShell: a case on the machine architecture', () => {
  const names = (script: string) =>
    parseShell(script).commands.map((c) =>
      c.words.map((w) => w.map((p) => ('value' in p ? p.value : p.text)).join('')).join(' '),
    );
  it('keeps only the arm linux/amd64 takes (dpkg, apk, uname -m, TARGETARCH)', () => {
    expect(
      names(
        'dpkgArch="$(dpkg --print-architecture)"; case "$dpkgArch" in amd64 | arm64) echo repo;; *) apt-get build-dep -y postgresql;; esac; done-here',
      ),
    ).toEqual(['', 'dpkg --print-architecture', 'echo repo', 'done-here']);
    expect(names('case "$(uname -m)" in aarch64) a;; x86_64) b;; esac')).toEqual(['uname -m', 'b']);
    expect(names('case "${dpkgArch##*-}" in arm64) a;; *) fallback;; esac')).toEqual(['fallback']);
    expect(names('case "$TARGETARCH" in arm64) a;; esac; after')).toEqual(['after']);
  });
  it('keeps every arm of any other case, and of one whose patterns it cannot read', () => {
    expect(names('case "$MODE" in dev) a;; *) b;; esac')).toEqual(['a', 'b']);
    expect(names('case "$arch" in [ax]*) a;; *) b;; esac')).toEqual(['a', 'b']);
  });
  it('reads the same through both readers', () => {
    const script = 'case "$apkArch" in x86_64) apk add a;; armhf|armv7) make;; *) exit 1;; esac';
    expect(parseForTest(script, true, 'raw')).toEqual(parseForTest(script, true, 'walk'));
    expect(parseForTest(script, false, 'raw')).toEqual(parseForTest(script, false, 'walk'));
  });
});

describe('what a failed command does to the script (onFailure)', () => {
  const outcome = (script: string, command: string) => {
    const parsed = parseShell(script);
    const c = parsed.commands.find((x) => script.slice(x.start, x.end) === command);
    if (!c) throw new Error(`no command ${command}`);
    const f = c.onFailure;
    return typeof f === 'number' ? `resumes at ${script.slice(f).split(/[;&|]/)[0].trim()}` : f;
  };
  it.each([
    ['x && y', 'x', 'exits'],
    ['x && y; z', 'x', 'resumes at z'],
    ['x; y', 'x', 'resumes at y'],
    ['x; y', 'y', 'exits'],
    ['x || y', 'x', 'resumes at y'],
    ['x && y || z', 'x', 'resumes at z'],
    ['x || y', 'y', undefined],
    ['w || x && y', 'x', undefined],
    ['set -e; x; y', 'x', 'exits'],
    ['set -eux\nx\ny', 'x', 'exits'],
    ['set -euo pipefail; x; y', 'x', 'exits'],
    ['set -o errexit; x; y', 'x', 'exits'],
    ['set -e; set +e; x; y', 'x', 'resumes at y'],
    ['set -e; x && y; z', 'x', 'resumes at z'],
    ['set -e; x && y; z', 'y', 'exits'],
    ['if a; then set +e; fi; x; y', 'x', undefined],
    ['set -e; if a; then set +e; fi; x; y', 'x', undefined],
    ['if a; then x; fi', 'x', undefined],
    ['! x', 'x', undefined],
    ['w | x', 'x', 'exits'],
    ['x | w', 'x', undefined],
    ['x &', 'x', undefined],
    ['(x)', 'x', undefined],
    ['trap "exit 0" EXIT; x', 'x', undefined],
  ] as const)('%s: %s', (script, command, expected) => {
    expect(outcome(script, command)).toBe(expected);
  });
});
