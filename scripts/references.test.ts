import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * Every repository path named in the docs (README.md, CONTRIBUTING.md and the READMEs of data/, lib/sizes/, lib/share/, cli/) or in a
 * code comment under lib/, components/, app/, scripts/, cli/ and server/ must exist: a path that
 * was moved or deleted is a stale reference. URLs and paths outside the repository are not
 * checked; `*` in a path must match at least one file.
 */

const ROOT = new URL('..', import.meta.url).pathname;
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'data/README.md',
  'lib/sizes/README.md',
  'lib/share/README.md',
  'cli/README.md',
];
const CODE_DIRS = ['lib', 'components', 'app', 'scripts', 'cli', 'server'];
const TOP = ['lib', 'components', 'app', 'scripts', 'content', 'cli', 'server', 'data', 'e2e'];
const CODE_FILE = /\.(ts|tsx|mjs|js)$/;

const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);
const files = new Set(tracked);
const dirs = new Set(
  tracked.flatMap((f) =>
    f
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
  ),
);
// Module specifiers in comments name files without their extension.
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '.json', '/index.ts'];

/** Repository paths (`lib/...`, `@/lib/...`) in a text; not ones inside a URL or `../`. */
export function pathsIn(text: string): string[] {
  const re = new RegExp(`(?<![\\w./@>}$-])(?:@/)?((?:${TOP.join('|')})/[\\w./*\\[\\]-]*)`, 'g');
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    const path = m[1].replace(/[.]+$/, '').replace(/\/$/, '');
    if (path.includes('/')) out.push(path);
    else if (m[1].endsWith('/')) out.push(path);
  }
  return out;
}

/** A folder name standing for any lesson folder (`content/lessons/NN-slug/`). */
const PLACEHOLDER = /^NN-/;

function exists(path: string): boolean {
  const at = path.split('/').findIndex((part) => PLACEHOLDER.test(part));
  if (at > 0) return exists(path.split('/').slice(0, at).join('/'));
  if (path.includes('*')) {
    const re = new RegExp(
      `^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`,
    );
    return tracked.some((f) => re.test(f));
  }
  return EXTENSIONS.some((ext) => files.has(path + ext)) || dirs.has(path);
}

/** The text of every comment in a TypeScript or JavaScript file. */
function commentsOf(file: string, text: string): string[] {
  const out: string[] = [];
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const seen = new Set<number>();
  const visit = (node: ts.Node) => {
    for (const ranges of [
      ts.getLeadingCommentRanges(text, node.getFullStart()),
      ts.getTrailingCommentRanges(text, node.getEnd()),
    ]) {
      for (const r of ranges ?? []) {
        if (seen.has(r.pos)) continue;
        seen.add(r.pos);
        out.push(text.slice(r.pos, r.end));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

let checked = 0;

function staleIn(file: string, texts: string[]): string[] {
  const paths = texts.flatMap((t) => pathsIn(t));
  checked += paths.length;
  return paths.filter((p) => !exists(p)).map((p) => `${file}: ${p}`);
}

describe('references to repository paths', () => {
  it('finds paths and skips URLs and outside folders', () => {
    expect(pathsIn('see `lib/sizes/npm.ts`, scripts/gen-*.mjs and @/lib/analyzer.')).toEqual([
      'lib/sizes/npm.ts',
      'scripts/gen-*.mjs',
      'lib/analyzer',
    ]);
    expect(pathsIn('https://github.com/x/y/blob/main/lib/a.ts ../shared/data/x.json')).toEqual([]);
    expect(exists('lib/sizes/npm')).toBe(true);
    expect(exists('lib/sizes/no-such-file.ts')).toBe(false);
  });

  it('points at no folder outside the repository (a clone has no ../shared/)', () => {
    const outside = DOCS.filter((doc) => /\.\.\/shared\//.test(readFileSync(ROOT + doc, 'utf8')));
    expect(outside).toEqual([]);
  });

  it('names only paths that exist in the docs', () => {
    const stale = DOCS.flatMap((doc) => staleIn(doc, [readFileSync(ROOT + doc, 'utf8')]));
    expect(stale).toEqual([]);
  });

  it('names only paths that exist in code comments', () => {
    const code = tracked.filter(
      (f) =>
        CODE_DIRS.some((d) => f.startsWith(`${d}/`)) &&
        CODE_FILE.test(f) &&
        !f.includes('/generated/'),
    );
    const before = checked;
    const stale = code.flatMap((f) => staleIn(f, commentsOf(f, readFileSync(ROOT + f, 'utf8'))));
    expect(stale).toEqual([]);
    // The comment scan really reads comments (about 80 paths are named in them).
    expect(checked - before).toBeGreaterThan(50);
  });
});
