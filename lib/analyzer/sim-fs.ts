/**
 * The simulated file system of one stage, at the granularity that matters for size: installed
 * packages, package caches and lists, copied paths (with their files), build outputs.
 *
 * Installed OS packages have no single directory, so they live at synthetic paths
 * `/.pkg/apt/<name>` and `/.pkg/apk/<name>`; everything else sits at its real path.
 */
import type { ContextFile } from './types';
import { compilePathGlob, type PathGlob } from './glob';
import type { FsEntry, Layer, SimFs } from './model-types';
import { cacheSlot, type AnalyzerCache } from './cache';

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
  /**
   * Its contents are not known: a copy from another image the tables do not describe, or of a
   * path no modelled command wrote in the source stage. What lies under it may or may not exist.
   */
  opaque?: true;
}

/** True when `path` equals `base` or lies under it. */
export function isUnder(path: string, base: string): boolean {
  if (base === '/') return true;
  return (
    path === base ||
    (path.length > base.length && path.startsWith(base) && path[base.length] === '/')
  );
}

const GLOBS = cacheSlot('path globs', () => new Map<string, PathGlob>());

/**
 * The matcher for an absolute path pattern with shell globs (`*`, `?`, `[...]`): `test(path)` is
 * true for a matching path or anything under one. Linear in the input (see glob.ts); compiled
 * matchers are kept in a bounded table of `cache`, which only saves work and never changes an
 * answer.
 */
export function globMatcher(pattern: string, cache: AnalyzerCache): PathGlob {
  const globCache = cache.get(GLOBS);
  let m = globCache.get(pattern);
  if (m) return m;
  m = compilePathGlob(pattern);
  if (globCache.size > 2000) globCache.clear();
  globCache.set(pattern, m);
  return m;
}

export function hasShellGlob(s: string): boolean {
  return /[*?[]/.test(s);
}

/** Does deletion `pattern` (absolute, may hold globs, may end in `/*`) remove `path`? */
export function patternRemoves(pattern: string, path: string): boolean {
  return patternRemover(pattern)(path);
}

/** `patternRemoves` for one pattern, its glob compiled once for every path asked. */
function patternRemover(pattern: string): (path: string) => boolean {
  if (!hasShellGlob(pattern)) return (path) => isUnder(path, pattern);
  // An entry stands for a directory's contents: `dir/*` (or `dir/**`, `dir/.*`) empties it.
  const m = /^(.*)\/(\*|\*\*|\.\*|\*\/)$/.exec(pattern);
  const dir = m && !hasShellGlob(m[1]) ? m[1] : undefined;
  const glob = compilePathGlob(pattern);
  return (path) => path === dir || glob.test(path);
}

/** Static prefix of a glob pattern (the directory part before the first glob character). */
export function globBase(pattern: string): string {
  const i = pattern.search(/[*?[]/);
  if (i < 0) return pattern;
  const slash = pattern.lastIndexOf('/', i);
  return slash <= 0 ? '/' : pattern.slice(0, slash);
}

interface Node {
  /** Created on the first child: most nodes are leaves (one per installed package). */
  children: Map<string, Node> | undefined;
  entries: SimEntry[];
}

function newNode(): Node {
  return { children: undefined, entries: [] };
}

const NO_ENTRIES: SimEntry[] = [];

/**
 * The entries of one stage, indexed by path (a trie of path segments) and by layer, so that
 * adding, deleting and overwriting stay cheap for Dockerfiles with thousands of layers.
 */
export class StageFs implements SimFs {
  private root: Node = newNode();
  private byLayerIndex = new Map<Layer, Set<SimEntry>>();
  private count = 0;

  constructor(entries: SimEntry[] = []) {
    for (const e of entries) this.add(e);
  }

  /** Every entry (materialised; prefer `under`). */
  get entries(): SimEntry[] {
    const out: SimEntry[] = [];
    collect(this.root, out);
    return out;
  }

  get size(): number {
    return this.count;
  }

  clone(): StageFs {
    return new StageFs(this.entries);
  }

  private find(path: string): Node | undefined {
    let node: Node | undefined = this.root;
    let i = 0;
    const n = path.length;
    while (node && i < n) {
      while (i < n && path.charCodeAt(i) === 47) i++;
      if (i >= n) break;
      let j = path.indexOf('/', i);
      if (j < 0) j = n;
      node = node.children?.get(path.slice(i, j));
      i = j;
    }
    return node;
  }

  /** Entries at nodes strictly above `path` (their path is a parent of it). */
  private ancestors(path: string): SimEntry[] {
    let out: SimEntry[] | undefined;
    let node: Node | undefined = this.root;
    let i = 0;
    const n = path.length;
    while (node && i < n) {
      while (i < n && path.charCodeAt(i) === 47) i++;
      if (i >= n) break;
      if (node.entries.length) (out ??= []).push(...node.entries);
      let j = path.indexOf('/', i);
      if (j < 0) j = n;
      node = node.children?.get(path.slice(i, j));
      i = j;
    }
    return out ?? NO_ENTRIES;
  }

  has(path: string): boolean {
    const node = this.find(path);
    if (node && hasAny(node)) return true;
    for (const e of this.ancestors(path)) {
      if (!e.files) return true;
      if (e.files.some((f) => isUnder(f.path, path))) return true;
    }
    return false;
  }

  /** True when something lies strictly below `path` (so `path` is a directory). */
  isDirectory(path: string): boolean {
    const node = this.find(path);
    if (!node) return false;
    if (node.entries.some((e) => e.files?.some((f) => f.path !== path))) return true;
    if (node.children) for (const child of node.children.values()) if (hasAny(child)) return true;
    return false;
  }

  under(path: string): FsEntry[] {
    const out: SimEntry[] = [];
    const node = this.find(path);
    if (node) collect(node, out);
    for (const e of this.ancestors(path)) {
      if (!e.files) continue;
      const files = e.files.filter((f) => isUnder(f.path, path));
      if (files.length) out.push({ ...e, path, bytes: sum(files), files });
    }
    return out;
  }

  bytesUnder(path: string): number {
    return sum(this.under(path));
  }

  /** The directory node of the last add (package installs add hundreds of entries to one). */
  private lastDir = '';
  private lastDirNode: Node | undefined;

  /** The node for path[from, to), created as needed (empty segments skipped, like `find`). */
  private walk(start: Node, path: string, from: number, to: number): Node {
    let node = start;
    let i = from;
    while (i < to) {
      while (i < to && path.charCodeAt(i) === 47) i++;
      if (i >= to) break;
      let j = path.indexOf('/', i);
      if (j < 0 || j > to) j = to;
      const seg = path.slice(i, j);
      const children: Map<string, Node> = (node.children ??= new Map());
      let next = children.get(seg);
      if (!next) {
        next = newNode();
        children.set(seg, next);
      }
      node = next;
      i = j;
    }
    return node;
  }

  add(entry: SimEntry): void {
    const path = entry.path;
    const slash = path.lastIndexOf('/');
    let dir: Node;
    if (
      slash >= 0 &&
      this.lastDirNode &&
      slash === this.lastDir.length &&
      path.startsWith(this.lastDir)
    )
      dir = this.lastDirNode;
    else {
      dir = this.walk(this.root, path, 0, slash < 0 ? 0 : slash);
      if (slash >= 0) {
        this.lastDir = path.slice(0, slash);
        this.lastDirNode = dir;
      }
    }
    const node = this.walk(dir, path, slash + 1, path.length);
    node.entries.push(entry);
    let set = this.byLayerIndex.get(entry.layer);
    if (!set) this.byLayerIndex.set(entry.layer, (set = new Set()));
    set.add(entry);
    this.count++;
  }

  /** Removes one exact entry object. */
  removeEntry(entry: SimEntry): void {
    const node = this.find(entry.path);
    if (!node) return;
    const i = node.entries.indexOf(entry);
    if (i < 0) return;
    node.entries.splice(i, 1);
    this.byLayerIndex.get(entry.layer)?.delete(entry);
    this.count--;
  }

  private replaceFiles(entry: SimEntry, kept: EntryFile[]): void {
    this.removeEntry(entry);
    if (kept.length) this.add({ ...entry, files: kept, bytes: sum(kept) });
  }

  /**
   * Removes what `pattern` names. For each entry (or part of one) removed, `onRemoved` gets the
   * entry and the bytes that went. Entries with files are split when only part of them goes.
   */
  remove(pattern: string, onRemoved: (entry: SimEntry, bytes: number) => void): number {
    const base = hasShellGlob(pattern) ? globBase(pattern) : pattern;
    const candidates: SimEntry[] = [];
    const node = this.find(base);
    if (node) collect(node, candidates);
    for (const e of this.ancestors(base)) if (e.files) candidates.push(e);
    let removed = 0;
    const removes = patternRemover(pattern);
    for (const e of candidates) {
      if (removes(e.path)) {
        this.removeEntry(e);
        onRemoved(e, e.bytes);
        removed += e.bytes;
        continue;
      }
      if (!e.files) continue;
      const kept: EntryFile[] = [];
      let gone = 0;
      for (const f of e.files) {
        if (removes(f.path)) gone += f.bytes;
        else kept.push(f);
      }
      if (gone > 0) {
        this.replaceFiles(e, kept);
        onRemoved(e, gone);
        removed += gone;
      }
    }
    return removed;
  }

  /**
   * Drops what is rewritten at exactly these paths (files of copied entries, or whole entries at
   * the path). `onOverwritten` gets each entry and the bytes that went.
   */
  overwrite(paths: Set<string>, onOverwritten: (entry: SimEntry, bytes: number) => void): void {
    const candidates = new Set<SimEntry>();
    for (const p of paths) {
      const node = this.find(p);
      if (node) for (const e of node.entries) candidates.add(e);
      for (const e of this.ancestors(p)) if (e.files) candidates.add(e);
    }
    for (const e of candidates) {
      if (e.files) {
        const kept = e.files.filter((f) => !paths.has(f.path));
        if (kept.length === e.files.length) continue;
        const gone = e.bytes - sum(kept);
        this.replaceFiles(e, kept);
        onOverwritten(e, gone);
      } else if (paths.has(e.path)) {
        this.removeEntry(e);
        onOverwritten(e, e.bytes);
      }
    }
  }

  byLayer(layer: Layer): SimEntry[] {
    return [...(this.byLayerIndex.get(layer) ?? [])];
  }
}

function collect(node: Node, out: SimEntry[]): void {
  if (node.entries.length) out.push(...node.entries);
  if (node.children) for (const child of node.children.values()) collect(child, out);
}

function hasAny(node: Node): boolean {
  if (node.entries.length) return true;
  if (node.children) for (const child of node.children.values()) if (hasAny(child)) return true;
  return false;
}

export function sum(files: { bytes: number }[]): number {
  let s = 0;
  for (const f of files) s += f.bytes;
  return s;
}
