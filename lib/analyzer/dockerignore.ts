/**
 * .dockerignore matching with Docker's semantics, in bounded time.
 *
 * @balena/dockerignore (a port of moby's fileutils, the reference for these semantics) turns each
 * line into a RegExp (`*` becomes "any run but a slash", `**` "any run ending in a slash, or
 * nothing", other characters pass through) and tests
 * it with JavaScript's backtracking engine, so one line of many stars takes seconds or hangs
 * (Docker itself runs the same expression on Go's linear-time engine). This module builds the
 * same expression, line by line as the library does, and runs it on a small Thompson automaton:
 * every step advances a set of states, so a test costs at most (expression length × path length).
 * dockerignore.test.ts checks it against the library on generated patterns and paths.
 *
 * The few expressions the automaton does not support (`{n}` counts, `\d` classes, look-arounds,
 * back-references: characters that mean nothing special to Docker's glob but pass through to the
 * RegExp) run on the native engine only when they hold at most two repetitions, which cannot blow
 * up; otherwise the line is reported as too complex and skipped.
 */

/** One line of a .dockerignore that could not be used, with the reason. */
export interface DockerignoreError {
  line: string;
  reason: 'invalid' | 'too-complex';
}

export interface DockerignoreMatcher {
  /** True when Docker leaves `path` (normalised, relative, POSIX) out of the context. */
  ignores(path: string): boolean;
  /** Lines skipped: an invalid pattern (the build would fail) or one too complex to match here. */
  errors: DockerignoreError[];
}

interface Rule {
  negative: boolean;
  dirs: string[];
  hasDoubleStar: boolean;
  nonDoubleStar: number;
  test(s: string): boolean;
}

/** Go's filepath.Clean as the library applies it (Node's posix normalize, trailing `/` dropped). */
export function cleanPath(p: string): string {
  const n = normalizePosix(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

function normalizePosix(p: string): string {
  if (p === '') return '.';
  const isAbsolute = p.startsWith('/');
  const hasTrailing = p.endsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!isAbsolute) out.push('..');
    } else out.push(seg);
  }
  let s = out.join('/');
  if (s === '') return isAbsolute ? '/' : hasTrailing ? './' : '.';
  if (hasTrailing) s += '/';
  return isAbsolute ? '/' + s : s;
}

/** The rule for one trimmed, non-comment line, or `null` when it names nothing. */
function ruleParts(line: string): { negative: boolean; pattern: string } | null {
  let pattern = line;
  let negative = false;
  if (pattern[0] === '!') {
    negative = true;
    pattern = pattern.substring(1).trim();
  }
  if (pattern.length > 0) {
    pattern = cleanPath(pattern);
    if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
  }
  if (negative) pattern = '!' + pattern;
  pattern = pattern.trim();
  if (pattern === '') return null;
  pattern = cleanPath(pattern);
  if (pattern[0] === '!') {
    if (pattern.length === 1) return null;
    return { negative: true, pattern: pattern.substring(1) };
  }
  return { negative: false, pattern };
}

/**
 * The RegExp source the library (and moby) build for a pattern, except that a run of the same
 * star token is written once: two `**` tokens in a row, or two `*`, match exactly what one does.
 */
export function patternSource(pattern: string): string {
  let re = '^';
  let last = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      let tok: string;
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        tok = pattern[i + 1] === undefined ? '.*' : '(.*/)?';
      } else tok = '[^/]*';
      if (tok !== last) re += tok;
      last = tok;
      continue;
    }
    last = '';
    if (ch === '?') re += '[^/]';
    else if (ch === '.' || ch === '$') re += '\\' + ch;
    else if (ch === '\\') {
      if (pattern[i + 1] !== undefined) re += '\\' + pattern[++i];
      else re += '\\';
    } else re += ch;
  }
  return re + '$';
}

/** Compiles a .dockerignore text (lines split on LF or CRLF, trimmed, `#` lines skipped). */
export function compileDockerignore(text: string): DockerignoreMatcher {
  const rules: Rule[] = [];
  const errors: DockerignoreError[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parts = ruleParts(line);
    if (!parts) continue;
    const test = compileSource(patternSource(parts.pattern));
    if (typeof test === 'string') {
      errors.push({ line, reason: test });
      continue;
    }
    const dirs = parts.pattern.split('/');
    rules.push({
      negative: parts.negative,
      dirs,
      hasDoubleStar: dirs.includes('**'),
      nonDoubleStar: dirs.filter((d) => d !== '**').length,
      test,
    });
  }
  const ignores = (file: string): boolean => {
    if (!file) return true;
    const slash = file.lastIndexOf('/');
    const parentPath = cleanPath(slash < 0 ? '.' : slash === 0 ? '/' : file.slice(0, slash));
    const parentDirs = parentPath.split('/');
    let matched = false;
    for (const rule of rules) {
      let match = rule.test(file);
      if (!match && parentPath !== '.') {
        if (rule.hasDoubleStar) {
          for (let i = rule.nonDoubleStar; i <= parentDirs.length && !match; i++)
            match = rule.test(parentDirs.slice(0, i).join('/'));
        } else if (rule.dirs.length <= parentDirs.length) {
          match = rule.test(parentDirs.slice(0, rule.dirs.length).join('/'));
        }
      }
      if (match) matched = !rule.negative;
    }
    return matched;
  };
  return { ignores, errors };
}

// The Thompson automaton for the expressions patternSource builds.

type CharTest = (c: number) => boolean;
type Node =
  | { t: 'char'; test: CharTest }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; node: Node; min: 0 | 1; max: 1 | typeof Infinity };

class Unsupported extends Error {}

const isLineTerminator = (c: number): boolean =>
  c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const DIGIT: CharTest = (c) => c >= 48 && c <= 57;
const WORD: CharTest = (c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const SIMPLE_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12 };

/** Parses the subset of RegExp syntax the automaton runs; throws Unsupported for the rest. */
class RegexParser {
  i = 0;
  constructor(private src: string) {}

  parseAlt(): Node {
    const options = [this.parseSeq()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.parseSeq());
    }
    return options.length === 1 ? options[0] : { t: 'alt', options };
  }

  parseSeq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      let atom = this.parseAtom();
      for (;;) {
        const q = this.src[this.i];
        if (q !== '*' && q !== '+' && q !== '?') break;
        this.i++;
        if (this.src[this.i] === '?') this.i++; // lazy: the same set of matches
        atom =
          q === '*'
            ? { t: 'rep', node: atom, min: 0, max: Infinity }
            : q === '+'
              ? { t: 'rep', node: atom, min: 1, max: Infinity }
              : { t: 'rep', node: atom, min: 0, max: 1 };
      }
      items.push(atom);
    }
    return { t: 'seq', items };
  }

  parseAtom(): Node {
    const ch = this.src[this.i++];
    if (ch === '(') {
      if (this.src[this.i] === '?') throw new Unsupported();
      const inner = this.parseAlt();
      if (this.src[this.i] !== ')') throw new Unsupported();
      this.i++;
      return inner;
    }
    if (ch === '.') return { t: 'char', test: (c) => !isLineTerminator(c) };
    if (ch === '[') return { t: 'char', test: this.parseClass() };
    if (ch === '\\') return { t: 'char', test: this.parseEscape(false) };
    if (ch === '^' || ch === '$' || ch === '{') throw new Unsupported();
    const code = ch.charCodeAt(0);
    return { t: 'char', test: (c) => c === code };
  }

  parseEscape(inClass: boolean): CharTest {
    const e = this.src[this.i++];
    if (e === undefined) throw new Unsupported();
    if (e === 'd') return DIGIT;
    if (e === 'D') return (c) => !DIGIT(c);
    if (e === 'w') return WORD;
    if (e === 'W') return (c) => !WORD(c);
    if (e in SIMPLE_ESCAPES) {
      const code = SIMPLE_ESCAPES[e];
      return (c) => c === code;
    }
    if (/[A-Za-z0-9]/.test(e) || (inClass && e === '-')) throw new Unsupported();
    const code = e.charCodeAt(0);
    return (c) => c === code;
  }

  /** After `[`: singles, ranges, negation; escapes of punctuation only. */
  parseClass(): CharTest {
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const tests: CharTest[] = [];
    const ranges: [number, number][] = [];
    const readSingle = (): { code?: number; test?: CharTest } => {
      const ch = this.src[this.i++];
      if (ch === undefined) throw new Unsupported();
      if (ch === '\\') {
        const e = this.src[this.i];
        if (e !== undefined && !/[A-Za-z0-9]/.test(e)) {
          this.i++;
          return { code: e.charCodeAt(0) };
        }
        return { test: this.parseEscape(true) };
      }
      return { code: ch.charCodeAt(0) };
    };
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length) throw new Unsupported();
      const lo = readSingle();
      if (
        lo.code !== undefined &&
        this.src[this.i] === '-' &&
        this.src[this.i + 1] !== undefined &&
        this.src[this.i + 1] !== ']'
      ) {
        this.i++;
        const hi = readSingle();
        if (hi.code === undefined) throw new Unsupported();
        ranges.push([lo.code, hi.code]);
      } else if (lo.code !== undefined) ranges.push([lo.code, lo.code]);
      else if (lo.test) tests.push(lo.test);
    }
    this.i++;
    return (c) => {
      let hit = false;
      for (const [a, b] of ranges) if (c >= a && c <= b) hit = true;
      if (!hit) for (const t of tests) if (t(c)) hit = true;
      return hit !== negated;
    };
  }
}

interface State {
  /** A character test and the next state, or epsilon edges, or the accepting state. */
  test?: CharTest;
  next: number[];
  accept?: boolean;
}

/** Thompson construction: returns the start state; `out` gets the dangling exits. */
function build(node: Node, states: State[], exit: number): number {
  switch (node.t) {
    case 'char': {
      states.push({ test: node.test, next: [exit] });
      return states.length - 1;
    }
    case 'seq': {
      let next = exit;
      for (let k = node.items.length - 1; k >= 0; k--) next = build(node.items[k], states, next);
      return next;
    }
    case 'alt': {
      const split: State = { next: [] };
      states.push(split);
      const id = states.length - 1;
      for (const o of node.options) split.next.push(build(o, states, exit));
      return id;
    }
    case 'rep': {
      const loop: State = { next: [] };
      states.push(loop);
      const loopId = states.length - 1;
      if (node.max === Infinity) {
        const body = build(node.node, states, loopId);
        loop.next.push(body, exit);
        if (node.min === 1) return body;
        return loopId;
      }
      const body = build(node.node, states, exit);
      loop.next.push(body, exit);
      return loopId;
    }
  }
}

function addState(states: State[], set: Set<number>, id: number): void {
  const stack = [id];
  while (stack.length) {
    const s = stack.pop() as number;
    if (set.has(s)) continue;
    set.add(s);
    const st = states[s];
    if (!st.test && !st.accept) for (const n of st.next) stack.push(n);
  }
}

function automaton(body: Node, anchoredEnd: boolean): (s: string) => boolean {
  const states: State[] = [{ next: [], accept: true }];
  const start = build(body, states, 0);
  return (s: string) => {
    let current = new Set<number>();
    addState(states, current, start);
    for (let i = 0; i < s.length; i++) {
      if (!anchoredEnd && current.has(0)) return true;
      const c = s.charCodeAt(i);
      const next = new Set<number>();
      for (const id of current) {
        const st = states[id];
        if (st.test && st.test(c)) for (const n of st.next) addState(states, next, n);
      }
      if (next.size === 0) return false;
      current = next;
    }
    return current.has(0);
  };
}

/** Most quantifiers an expression the automaton cannot run may hold on the native engine. */
const NATIVE_QUANTIFIER_CAP = 2;

/** A tester for a RegExp source, or why there is none. */
function compileSource(src: string): ((s: string) => boolean) | 'invalid' | 'too-complex' {
  let native: RegExp;
  try {
    native = new RegExp(src);
  } catch {
    return 'invalid';
  }
  // Every source starts with `^`; it ends with the `$` anchor unless the pattern's last
  // character was a lone `\` (then the source ends in the literal `\$`).
  const anchoredEnd = src.endsWith('$') && !endsWithEscapedDollar(src);
  const body = src.slice(1, anchoredEnd ? -1 : undefined);
  try {
    const p = new RegexParser(body);
    const node = p.parseAlt();
    // A top-level `|` splits the anchors (`^a|b$`), which the automaton does not model.
    if (p.i !== body.length || node.t === 'alt') throw new Unsupported();
    return automaton(node, anchoredEnd);
  } catch (err) {
    if (!(err instanceof Unsupported)) throw err;
    const quantifiers = (body.match(/[*+?{]/g) ?? []).length;
    if (quantifiers > NATIVE_QUANTIFIER_CAP) return 'too-complex';
    return (s) => native.test(s);
  }
}

function endsWithEscapedDollar(src: string): boolean {
  let slashes = 0;
  for (let i = src.length - 2; i >= 0 && src[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}
