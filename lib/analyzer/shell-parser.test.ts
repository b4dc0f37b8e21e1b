import { describe, expect, it } from 'vitest';
import { createAnalyzerCache } from './cache';
import { parseShell } from './shell';

const GOOD = [
  'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
  'cat <<EOF\nhello\nEOF\necho done',
  'for i in 1 2; do echo "$i"; done',
  'echo "a $(b "c")" | wc -c > /f',
  'x=1 y=2 make -j2 && { a; b; } || (c)',
  'case $x in a) echo;; esac',
];
const BAD = [
  'echo "unterminated',
  'if then fi',
  'echo $((',
  'a && ',
  'for in do',
  "echo 'a",
  'f() {',
];

describe('parseShell', () => {
  it('reads a script the same after the shared parser has thrown on another', () => {
    // A new cache each time, so every call parses (none is answered from memory).
    const fresh = (s: string) => parseShell(s, createAnalyzerCache());
    const first = GOOD.map(fresh);
    for (const bad of BAD) {
      expect(fresh(bad).error).toBeTruthy();
      expect(GOOD.map(fresh)).toEqual(first);
    }
    expect(first.every((p) => !p.error && p.commands.length > 0)).toBe(true);
  });
});
