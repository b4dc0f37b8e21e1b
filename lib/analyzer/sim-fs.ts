/**
 * The simulated file system of one stage, at the granularity that matters for size: installed
 * packages, package caches and lists, copied paths (with their files), build outputs.
 *
 * Installed OS packages have no single directory, so they live at synthetic paths
 * `/.pkg/apt/<name>` and `/.pkg/apk/<name>`; everything else sits at its real path.
 */
import type { ContextFile } from './types';
import type { FsEntry, Layer, SimFs } from './model-types';

/** One file inside a copied entry (absolute path in the image). */
export interface EntryFile {
  path: string;
  bytes: number;
}

export interface SimEntry extends FsEntry {
  /** What the layer breakdown calls it ("apt-get install curl (12 packages)", "COPY . /app"). */
  item: string;
  /** Files inside a copied or duplicated entry, when known; lets deletions under it be partial. */
  files?: EntryFile[];
  /** Context files it came from (COPY/ADD from the context). */
  contextFiles?: ContextFile[];
}

/** True when `path` equals `base` or lies under it. */
export function isUnder(path: string, base: string): boolean {
  if (base === '/') return true;
  return path === base || (path.length > base.length && path.startsWith(base) && path[base.length] === '/');
}

const globCache = new Map<string, RegExp>();

/** RegExp for an absolute path pattern with shell globs (`*`, `?`, `[...]`), matching the path or anything under it. */
export function globToRegExp(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (re) return re;
  let src = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') src += '[^/]*';
    else if (ch === '?') src += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) src += '\\[';
      else {
        let cls = pattern.slice(i + 1, close);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        src += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else src += ch.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  src += '(?:/.*)?$';
  re = new RegExp(src);
  if (globCache.size > 2000) globCache.clear();
  globCache.set(pattern, re);
  return re;
}

export function hasShellGlob(s: string): boolean {
  return /[*?[]/.test(s);
}

/** Does deletion `pattern` (absolute, may hold globs, may end in `/*`) remove `path`? */
export function patternRemoves(pattern: string, path: string): boolean {
  if (!hasShellGlob(pattern)) return isUnder(path, pattern);
  // An entry stands for a directory's contents: `dir/*` (or `dir/**`, `dir/.*`) empties it.
  const m = /^(.*)\/(\*|\*\*|\.\*|\*\/)$/.exec(pattern);
  if (m && !hasShellGlob(m[1]) && path === m[1]) return true;
  return globToRegExp(pattern).test(path);
}

/** Static prefix of a glob pattern (the directory part before the first glob character). */
export function globBase(pattern: string): string {
  const i = pattern.search(/[*?[]/);
  if (i < 0) return pattern;
  const slash = pattern.lastIndexOf('/', i);
  return slash <= 0 ? '/' : pattern.slice(0, slash);
}

export class StageFs implements SimFs {
  entries: SimEntry[];

  constructor(entries: SimEntry[] = []) {
    this.entries = entries;
  }

  clone(): StageFs {
    return new StageFs([...this.entries]);
  }

  has(path: string): boolean {
    for (const e of this.entries) {
      if (isUnder(e.path, path)) return true;
      if (isUnder(path, e.path)) {
        if (!e.files) return e.path === path || e.kind !== 'copy' ? true : false;
        if (e.files.some((f) => isUnder(f.path, path))) return true;
      }
    }
    return false;
  }

  under(path: string): FsEntry[] {
    const out: FsEntry[] = [];
    for (const e of this.entries) {
      if (isUnder(e.path, path)) out.push(e);
      else if (isUnder(path, e.path) && e.files) {
        const files = e.files.filter((f) => isUnder(f.path, path));
        if (files.length) {
          const view: SimEntry = { ...e, path, bytes: sum(files), files };
          out.push(view);
        }
      }
    }
    return out;
  }

  /** Total bytes at or under `path`. */
  bytesUnder(path: string): number {
    return sumBy(this.under(path));
  }

  add(entry: SimEntry): void {
    this.entries.push(entry);
  }

  /**
   * Removes what `pattern` names. For each entry (or part of one) removed, `onRemoved` gets the
   * entry and the bytes that went. Entries with files are split when only part of them goes.
   */
  remove(pattern: string, onRemoved: (entry: SimEntry, bytes: number) => void): number {
    let removed = 0;
    const base = globBase(pattern);
    const next: SimEntry[] = [];
    for (const e of this.entries) {
      if (patternRemoves(pattern, e.path)) {
        onRemoved(e, e.bytes);
        removed += e.bytes;
        continue;
      }
      if (e.files && (isUnder(base, e.path) || isUnder(e.path, base))) {
        const kept: EntryFile[] = [];
        let gone = 0;
        for (const f of e.files) {
          if (patternRemoves(pattern, f.path)) gone += f.bytes;
          else kept.push(f);
        }
        if (gone > 0) {
          onRemoved(e, gone);
          removed += gone;
          if (kept.length) next.push({ ...e, files: kept, bytes: e.bytes - gone });
          continue;
        }
      }
      next.push(e);
    }
    this.entries = next;
    return removed;
  }

  /** Removes one exact entry object (package removal). */
  removeEntry(entry: SimEntry): void {
    this.entries = this.entries.filter((e) => e !== entry);
  }

  byLayer(layer: Layer): SimEntry[] {
    return this.entries.filter((e) => e.layer === layer);
  }
}

export function sum(files: { bytes: number }[]): number {
  let s = 0;
  for (const f of files) s += f.bytes;
  return s;
}

function sumBy(entries: FsEntry[]): number {
  let s = 0;
  for (const e of entries) s += e.bytes;
  return s;
}
