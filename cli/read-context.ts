/**
 * Reads a build context folder for the analyzer: every file's path and size (nothing skipped,
 * .dockerignore is applied by the analyzer), and the text of the few files whose content matters.
 */
import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BuildContext, ContextFile } from '../lib/analyzer/types';

/** Files read past this count are not listed (a message says so). */
export const MAX_CONTEXT_FILES = 50_000;
/** Contents above this size are not read (the file is still listed with its size). */
const MAX_CONTENT_BYTES = 2_000_000;

const CONTENT_FILES = [
  /^package\.json$/,
  /^package-lock\.json$/,
  /^requirements.*\.txt$/,
  /^pyproject\.toml$/,
];

export class ContextError extends Error {}

export interface ReadContextResult {
  context: BuildContext;
  warnings: string[];
}

/** True when a file's content is read (package manifests and requirements). */
export function wantsContent(name: string): boolean {
  return CONTENT_FILES.some((re) => re.test(name));
}

/**
 * Walks `root`. Throws ContextError when the root cannot be read. Unreadable entries below it are
 * collected in `unreadable` (the caller decides: Docker fails on those unless .dockerignore
 * excludes them).
 */
export function readContext(root: string, unreadable: string[] = []): ReadContextResult {
  const files: ContextFile[] = [];
  const warnings: string[] = [];
  let truncated = false;
  const stack: string[] = [root];
  let first = true;
  while (stack.length && !truncated) {
    const dir = stack.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if (first)
        throw new ContextError(
          `cannot read the build context folder ${root}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        );
      unreadable.push(toPosix(relative(root, dir)));
      continue;
    }
    first = false;
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      const rel = toPosix(relative(root, abs));
      if (e.isDirectory()) {
        stack.push(abs);
        continue;
      }
      if (files.length >= MAX_CONTEXT_FILES) {
        truncated = true;
        break;
      }
      let size = 0;
      try {
        size = lstatSync(abs).size;
      } catch {
        unreadable.push(rel);
        continue;
      }
      const file: ContextFile = { path: rel, sizeBytes: size };
      if (e.isFile() && wantsContent(e.name) && size <= MAX_CONTENT_BYTES) {
        try {
          file.content = readFileSync(abs, 'utf8');
        } catch {
          unreadable.push(rel);
        }
      }
      files.push(file);
    }
  }
  if (truncated)
    warnings.push(
      `the build context has more than ${MAX_CONTEXT_FILES.toLocaleString('en')} files; only the first ${MAX_CONTEXT_FILES.toLocaleString('en')} were read, so context sizes are a lower bound.`,
    );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { context: { files }, warnings };
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
