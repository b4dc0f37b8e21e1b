/**
 * The build context: which files `.dockerignore` lets through (Docker's own matching rules, via
 * @balena/dockerignore, a port of moby's fileutils), and which of them a COPY/ADD source names.
 */
import ignore from '@balena/dockerignore';
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
  const files = (context?.files ?? [])
    .map((f) => ({ ...f, path: normalizeContextPath(f.path) }))
    .filter((f) => f.path !== '');
  const errors: string[] = [];
  const matcher = ignore({ ignorecase: false });
  if (dockerignore !== undefined) {
    for (const raw of dockerignore.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      try {
        matcher.add(line);
        // Compile now so a bad pattern is reported rather than thrown later.
        matcher.ignores('probe/.layerlab');
      } catch {
        errors.push(line);
      }
    }
  }
  const ignoredCache = new Map<string, boolean>();
  const isIgnored = (path: string): boolean => {
    if (dockerignore === undefined) return false;
    let hit = ignoredCache.get(path);
    if (hit === undefined) {
      try {
        hit = matcher.ignores(path);
      } catch {
        hit = false;
      }
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

/** Converts one path segment pattern of Go's filepath.Match (`*`, `?`, `[...]`) to a RegExp source. */
function segmentRegex(seg: string): string {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = seg.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let cls = seg.slice(i + 1, close);
        if (cls.startsWith('^') || cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < seg.length) {
      re += escapeRe(seg[++i]);
    } else re += escapeRe(ch);
  }
  return re;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
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
  const segs = src.split('/');
  const re = new RegExp('^' + segs.map(segmentRegex).join('/') + '(/.*)?$');
  const files: { file: ContextFile; relDest: string }[] = [];
  let exists = false;
  for (const f of ctx.files) {
    const m = re.exec(f.path);
    if (!m) continue;
    exists = true;
    if (ctx.isIgnored(f.path)) continue;
    // A directory that matches copies its contents, like a directory named without a glob.
    files.push({ file: f, relDest: m[1] ? m[1].slice(1) : basename(f.path) });
  }
  return { files, isDir: true, exists };
}

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}
