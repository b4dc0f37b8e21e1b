/**
 * Shell and Docker path globs (`*`, `?`, `[...]`), matched segment by segment without regular
 * expressions. A segment is matched by the classic two-pointer scan that remembers only the last
 * `*`, so the work is at most (pattern length × text length) per segment: no input can make it
 * backtrack exponentially, as `[^/]*` after `[^/]*` in a RegExp does.
 *
 * Semantics, as POSIX shells and Go's filepath.Match: `*` matches any run of characters inside a
 * segment, `?` one character, `[abc]`, `[a-z]` one character of the set, `[!…]` or `[^…]` one
 * not in it; a `]` right after the opening `[` (or `[!`) is part of the set; an unclosed `[` is a
 * literal. No token crosses `/`. `**` means the same as `*` (a shell without globstar).
 */

type Token =
  | { kind: 'lit'; ch: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; singles: string; ranges: [string, string][] };

/** One compiled path segment. */
export type SegmentPattern = Token[];

export interface GlobOptions {
  /** `\x` means a literal `x` (Go's filepath.Match; COPY sources); otherwise `\` is literal. */
  escapes?: boolean;
}

/** Compiles one segment (no `/` inside). */
export function compileSegment(seg: string, options: GlobOptions = {}): SegmentPattern {
  const out: Token[] = [];
  const chars = Array.from(seg);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') {
      if (out.length === 0 || out[out.length - 1].kind !== 'star') out.push({ kind: 'star' });
    } else if (ch === '?') out.push({ kind: 'any' });
    else if (ch === '\\' && options.escapes && i + 1 < chars.length) {
      out.push({ kind: 'lit', ch: chars[++i] });
    } else if (ch === '[') {
      const cls = readClass(chars, i + 1, options);
      if (!cls) out.push({ kind: 'lit', ch });
      else {
        out.push(cls.token);
        i = cls.end;
      }
    } else out.push({ kind: 'lit', ch });
  }
  return out;
}

function readClass(
  chars: string[],
  from: number,
  options: GlobOptions,
): { token: Token; end: number } | undefined {
  let i = from;
  let negated = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negated = true;
    i++;
  }
  let singles = '';
  const ranges: [string, string][] = [];
  let first = true;
  for (; i < chars.length; i++) {
    let ch = chars[i];
    if (ch === ']' && !first) {
      return { token: { kind: 'class', negated, singles, ranges }, end: i };
    }
    first = false;
    if (ch === '\\' && options.escapes && i + 1 < chars.length) ch = chars[++i];
    if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']') {
      let hi = chars[i + 2];
      i += 2;
      if (hi === '\\' && options.escapes && i + 1 < chars.length) hi = chars[++i];
      ranges.push([ch, hi]);
    } else singles += ch;
  }
  return undefined;
}

function tokenMatches(t: Token, ch: string): boolean {
  if (t.kind === 'lit') return t.ch === ch;
  if (t.kind === 'any') return true;
  if (t.kind === 'star') return false;
  let hit = t.singles.includes(ch);
  if (!hit) for (const [lo, hi] of t.ranges) if (lo <= ch && ch <= hi) hit = true;
  return hit !== t.negated;
}

/**
 * True when `text` (one segment) matches `pattern` entirely. Worst case |pattern| × |text|
 * steps: on a mismatch only the last `*` is retried, one character further each time.
 */
export function matchSegment(pattern: SegmentPattern, text: string): boolean {
  const s = text.length === 0 || isAscii(text) ? text : Array.from(text);
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  const n = s.length;
  while (i < n) {
    const t = pattern[p];
    if (p < pattern.length && t.kind === 'star') {
      starP = p++;
      starI = i;
    } else if (p < pattern.length && tokenMatches(t, s[i])) {
      p++;
      i++;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (p < pattern.length && pattern[p].kind === 'star') p++;
  return p === pattern.length;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** True when `s` holds a glob character. */
export function hasGlobChar(s: string): boolean {
  return s.includes('*') || s.includes('?') || s.includes('[');
}

/** A compiled path glob: `test` answers whether a path is matched (or lies under a match). */
export interface PathGlob {
  /** Number of segments in the pattern. */
  readonly depth: number;
  /** True when the path's first `depth` segments match (the path itself or something under it). */
  test(path: string): boolean;
  /** Segments of `path` after the matched prefix, or `undefined` when it does not match. */
  rest(path: string): string[] | undefined;
}

/**
 * Compiles a `/`-separated glob. A path matches when its first segments match the pattern's,
 * one to one; anything further down lies under a match (`rm -rf /app/*` empties /app's folders).
 * Empty segments count, as in the text (`/a/b` has three: "", "a", "b").
 */
export function compilePathGlob(pattern: string, options: GlobOptions = {}): PathGlob {
  const segs = pattern.split('/').map((seg) => compileSegment(seg, options));
  const rest = (path: string): string[] | undefined => {
    const parts = path.split('/');
    if (parts.length < segs.length) return undefined;
    for (let k = 0; k < segs.length; k++) if (!matchSegment(segs[k], parts[k])) return undefined;
    return parts.slice(segs.length);
  };
  return { depth: segs.length, test: (path) => rest(path) !== undefined, rest };
}
