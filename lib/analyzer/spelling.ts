/** How far apart two words are, for "did you mean" suggestions. */

/**
 * The optimal string alignment distance of `a` and `b`: insertions, deletions, substitutions
 * and swaps of two neighbouring characters cost one each (`updat` → `update` 1, `pyhton` →
 * `python` 1). Stops early and answers `max + 1` once the distance is over `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The one name of `names` within `max` edits of `word` (and not `word` itself), or undefined
 * when none is, or when more than one is (then a suggestion would be a guess).
 */
export function onlyCloseName(word: string, names: Iterable<string>, max = 2): string | undefined {
  let found: string | undefined;
  for (const n of names) {
    if (n === word || editDistance(word, n, max) > max) continue;
    if (found !== undefined && found !== n) return undefined;
    found = n;
  }
  return found;
}
