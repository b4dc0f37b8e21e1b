import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseForTest, walkTypesForTest } from './shell';

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
