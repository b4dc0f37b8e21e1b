/**
 * The build context: which files `.dockerignore` lets through (Docker's own matching rules, the
 * semantics of @balena/dockerignore run in bounded time: see dockerignore.ts), and which of them
 * a COPY/ADD source names (globs matched segment by segment: see glob.ts).
 */
import { compileDockerignore } from './dockerignore';
import { compilePathGlob } from './glob';
import type { BuildContext, ContextFile, ContextSummary } from './types';

export interface ResolvedContext {
  summary: ContextSummary;
  /** Every file of the context (before .dockerignore). */
  files: ContextFile[];
  /** Files sent to the builder, sorted by path. */
  sent: ContextFile[];
  sentByPath: Map<string, ContextFile>;
  /** Directories (without trailing slash) that contain at least one context file. */
  dirs: Set<string>;
  /** True when a context description was given at all. */
  isKnown: boolean;
  isIgnored(path: string): boolean;
}

/**
 * The context's files, checked by shape: a description from a picked folder, a share link or a
 * script may hold anything. An entry without a string path is dropped; a size that is not a
 * finite, non-negative number counts as 0; content that is not a string is treated as unread.
 */
function validFiles(context: BuildContext | undefined): ContextFile[] {
  const list: unknown = context?.files;
  if (!Array.isArray(list)) return [];
  const out: ContextFile[] = [];
  for (const f of list as unknown[]) {
    if (typeof f !== 'object' || f === null) continue;
    const { path, sizeBytes, content } = f as Record<string, unknown>;
    if (typeof path !== 'string') continue;
    const size = typeof sizeBytes === 'number' && Number.isFinite(sizeBytes) && sizeBytes >= 0;
    out.push({
      path,
      sizeBytes: size ? sizeBytes : 0,
      ...(typeof content === 'string' ? { content } : {}),
    });
  }
  return out;
}

/** Normalises a context path: POSIX, no leading `./` or `/`, no trailing `/`, `.` segments removed. */
export function normalizeContextPath(path: string): string {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/**
 * Applies `dockerignore` to `context`. `isKnown` is false when no context was given: COPY sources
 * can then not be checked or sized. Lines the matcher rejects land in `dockerignoreErrors`.
 */
export function resolveContext(
  context: BuildContext | undefined,
  dockerignore: string | undefined,
): ResolvedContext {
  const files = validFiles(context)
    .map((f) => ({ ...f, path: normalizeContextPath(f.path) }))
    .filter((f) => f.path !== '');
  const matcher = dockerignore !== undefined ? compileDockerignore(dockerignore) : undefined;
  const errors = matcher ? matcher.errors.map((e) => e.line) : [];
  const ignoredCache = new Map<string, boolean>();
  const isIgnored = (path: string): boolean => {
    if (!matcher) return false;
    let hit = ignoredCache.get(path);
    if (hit === undefined) {
      hit = matcher.ignores(path);
      ignoredCache.set(path, hit);
    }
    return hit;
  };
  const sent: ContextFile[] = [];
  const ignored: string[] = [];
  let totalBytes = 0;
  let sentBytes = 0;
  for (const f of files) {
    totalBytes += f.sizeBytes;
    if (isIgnored(f.path)) {
      ignored.push(f.path);
    } else {
      sent.push(f);
      sentBytes += f.sizeBytes;
    }
  }
  sent.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const dirs = new Set<string>();
  for (const f of files) {
    let i = f.path.lastIndexOf('/');
    while (i > 0) {
      const dir = f.path.slice(0, i);
      if (dirs.has(dir)) break;
      dirs.add(dir);
      i = dir.lastIndexOf('/');
    }
  }
  return {
    summary: {
      sentBytes,
      sentFiles: sent.length,
      totalBytes,
      totalFiles: files.length,
      ignored,
      hasDockerignore: dockerignore !== undefined,
      dockerignoreErrors: errors,
    },
    files,
    sent,
    sentByPath: new Map(sent.map((f) => [f.path, f])),
    dirs,
    isKnown: context !== undefined,
    isIgnored,
  };
}

export function hasGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

export interface SourceMatch {
  /** Files the source names, each with the path it lands at relative to the destination. */
  files: { file: ContextFile; relDest: string }[];
  /** The source names a directory (its contents are copied) or a glob. */
  isDir: boolean;
  /** The source exists in the context (maybe all excluded). */
  exists: boolean;
}

/**
 * Context files a COPY/ADD source names, after .dockerignore. A directory source copies its
 * contents; a glob copies each match (a matching directory copies as that directory).
 */
export function matchSource(ctx: ResolvedContext, source: string): SourceMatch {
  const src = normalizeContextPath(source);
  if (src === '') {
    return {
      files: ctx.sent.map((file) => ({ file, relDest: file.path })),
      isDir: true,
      exists: true,
    };
  }
  if (!hasGlob(src)) {
    const file = ctx.sentByPath.get(src);
    if (file) return { files: [{ file, relDest: basename(src) }], isDir: false, exists: true };
    const prefix = src + '/';
    const files = ctx.sent
      .filter((f) => f.path.startsWith(prefix))
      .map((file) => ({ file, relDest: file.path.slice(prefix.length) }));
    const exists = files.length > 0 || ctx.dirs.has(src) || ctx.files.some((f) => f.path === src);
    return { files, isDir: files.length > 0 || ctx.dirs.has(src), exists };
  }
  const glob = compilePathGlob(src, { escapes: true });
  const files: { file: ContextFile; relDest: string }[] = [];
  let exists = false;
  for (const f of ctx.files) {
    const rest = glob.rest(f.path);
    if (!rest) continue;
    exists = true;
    if (ctx.isIgnored(f.path)) continue;
    // A directory that matches copies its contents, like a directory named without a glob.
    files.push({ file: f, relDest: rest.length ? rest.join('/') : basename(f.path) });
  }
  return { files, isDir: true, exists };
}

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}
