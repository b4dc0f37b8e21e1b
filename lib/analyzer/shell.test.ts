import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandFields, parseForTest, parseShell, walkTypesForTest } from './shell';

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
