/**
 * A small subset of npm's semver ranges, enough to pick versions from the npm table:
 * `*`, x-ranges (`1.x`, `1.2`), `^`, `~`, comparators (`>=1.2 <2`), hyphen ranges and `||`.
 * Prereleases only match a range that names a prerelease.
 */

type Tuple = [number, number, number, string];

/** `1.2.3-beta.1` → [1, 2, 3, 'beta.1']; `undefined` when not a version. */
export function parseVersion(v: string): Tuple | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ?? ''] : undefined;
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = /^\d+$/.test(pa[i]);
    const nb = /^\d+$/.test(pb[i]);
    if (na && nb && Number(pa[i]) !== Number(pb[i])) return Number(pa[i]) - Number(pb[i]);
    if (na !== nb) return na ? -1 : 1;
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}

/** Semver order of two parsed versions. */
export function compareTuples(a: Tuple, b: Tuple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || comparePre(a[3], b[3]);
}

/** Semver order of two version strings (unparsable ones sort first). */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return compareTuples(pa, pb);
}

type Comparator = { op: '<' | '<=' | '>' | '>=' | '='; v: Tuple };

/** A partial version (`1`, `1.2`, `1.x`, `*`): the numbers given, undefined for wildcards. */
function partial(s: string): { nums: (number | undefined)[]; pre: string } | undefined {
  const m =
    /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
      s,
    );
  if (!m) return undefined;
  const num = (x: string | undefined) =>
    x === undefined || /^[xX*]$/.test(x) ? undefined : Number(x);
  return { nums: [num(m[1]), num(m[2]), num(m[3])], pre: m[4] ?? '' };
}

function expand(token: string): Comparator[] | undefined {
  const m = /^(\^|~>?|>=|<=|>|<|=)?\s*(.*)$/.exec(token);
  if (!m) return undefined;
  const op = m[1] ?? '';
  const p = partial(m[2]);
  if (!p) return undefined;
  const [M, mi, pa] = p.nums;
  const t = (a: number, b: number, c: number, pre = ''): Tuple => [a, b, c, pre];
  if (M === undefined) return op === '<' || op === '>' ? [{ op: '<', v: t(0, 0, 0, '0') }] : [];
  if (op === '^') {
    const lo = t(M, mi ?? 0, pa ?? 0, p.pre);
    let hi: Tuple;
    if (M > 0 || mi === undefined) hi = t(M + 1, 0, 0, '0');
    else if (mi > 0 || pa === undefined) hi = t(0, mi + 1, 0, '0');
    else hi = t(0, 0, pa + 1, '0');
    return [
      { op: '>=', v: lo },
      { op: '<', v: hi },
    ];
  }
  if (op.startsWith('~')) {
    const lo = t(M, mi ?? 0, pa ?? 0, p.pre);
    const hi = mi === undefined ? t(M + 1, 0, 0, '0') : t(M, mi + 1, 0, '0');
    return [
      { op: '>=', v: lo },
      { op: '<', v: hi },
    ];
  }
  if (op === '' || op === '=') {
    if (mi === undefined)
      return [
        { op: '>=', v: t(M, 0, 0) },
        { op: '<', v: t(M + 1, 0, 0, '0') },
      ];
    if (pa === undefined)
      return [
        { op: '>=', v: t(M, mi, 0) },
        { op: '<', v: t(M, mi + 1, 0, '0') },
      ];
    return [{ op: '=', v: t(M, mi, pa, p.pre) }];
  }
  if (op === '>') {
    if (mi === undefined) return [{ op: '>=', v: t(M + 1, 0, 0) }];
    if (pa === undefined) return [{ op: '>=', v: t(M, mi + 1, 0) }];
    return [{ op: '>', v: t(M, mi, pa, p.pre) }];
  }
  if (op === '>=') return [{ op: '>=', v: t(M, mi ?? 0, pa ?? 0, p.pre) }];
  if (op === '<')
    return [
      {
        op: '<',
        v: t(M, mi ?? 0, pa ?? 0, p.pre || (mi === undefined || pa === undefined ? '0' : '')),
      },
    ];
  if (mi === undefined) return [{ op: '<', v: t(M + 1, 0, 0, '0') }];
  if (pa === undefined) return [{ op: '<', v: t(M, mi + 1, 0, '0') }];
  return [{ op: '<=', v: t(M, mi, pa, p.pre) }];
}

function parseSet(set: string): Comparator[] | undefined {
  const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(set);
  if (hyphen) {
    const lo = expand(`>=${hyphen[1]}`);
    const hi = expand(`<=${hyphen[2]}`);
    return lo && hi ? [...lo, ...hi] : undefined;
  }
  const tokens = set
    .trim()
    .replace(/(\^|~>?|>=|<=|>|<|=)\s+/g, '$1')
    .split(/\s+/)
    .filter(Boolean);
  const out: Comparator[] = [];
  for (const tok of tokens) {
    const c = expand(tok);
    if (!c) return undefined;
    out.push(...c);
  }
  return out;
}

function test(c: Comparator, v: Tuple): boolean {
  const d = compareTuples(v, c.v);
  switch (c.op) {
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    default:
      return d === 0;
  }
}

/**
 * Whether `version` satisfies `range`. `undefined` when the range is not a semver range
 * (a dist-tag, a git or file URL...), so the caller can decide.
 */
export function satisfies(version: string, range: string): boolean | undefined {
  const v = parseVersion(version);
  if (!v) return false;
  const r = range.trim();
  if (r === '' || r === '*' || r === 'x' || r === 'latest') return v[3] === '';
  let valid = false;
  for (const set of r.split('||')) {
    const comps = parseSet(set);
    if (!comps) continue;
    valid = true;
    if (!comps.every((c) => test(c, v))) continue;
    // A prerelease only matches a comparator on the same [major, minor, patch] with a prerelease.
    if (
      v[3] !== '' &&
      !comps.some(
        (c) =>
          c.v[3] !== '' && c.v[3] !== '0' && c.v[0] === v[0] && c.v[1] === v[1] && c.v[2] === v[2],
      )
    ) {
      continue;
    }
    return true;
  }
  return valid ? false : undefined;
}
