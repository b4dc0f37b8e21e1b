'use client';
import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ContextSummary } from '@/lib/analyzer';
import type { ProjectFile } from '@/lib/lessons';
import type { RebuildResult } from './analysis-protocol';
import { formatBytes } from '@/lib/format';
import { defaultRebuildPath } from './rebuild-default';
import styles from './workbench.module.css';

/** Files offered at once in the "I edit" list; the filter finds the rest. */
const MAX_OPTIONS = 200;

interface TreeDir {
  name: string;
  path: string;
  dirs: Map<string, TreeDir>;
  files: ProjectFile[];
  /** Sum of the listed file sizes below, for display in the tree. */
  bytes: number;
  fileCount: number;
}

function buildTree(files: ProjectFile[]): TreeDir {
  const root: TreeDir = { name: '', path: '', dirs: new Map(), files: [], bytes: 0, fileCount: 0 };
  for (const file of files) {
    const parts = file.path.split('/');
    let dir = root;
    dir.bytes += file.sizeBytes;
    dir.fileCount += 1;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (!next) {
        next = {
          name: part,
          path: dir.path ? `${dir.path}/${part}` : part,
          dirs: new Map(),
          files: [],
          bytes: 0,
          fileCount: 0,
        };
        dir.dirs.set(part, next);
      }
      next.bytes += file.sizeBytes;
      next.fileCount += 1;
      dir = next;
    }
    dir.files.push(file);
  }
  return root;
}

function isIgnored(path: string, ignored: Set<string>): boolean {
  if (ignored.has(path)) return true;
  let i = path.lastIndexOf('/');
  while (i > 0) {
    if (ignored.has(path.slice(0, i))) return true;
    i = path.lastIndexOf('/', i - 1);
  }
  return false;
}

/** Paths of excluded files and of folders whose every file is excluded, in one pass. */
function excludedPaths(root: TreeDir, ignored: Set<string>): Set<string> {
  const out = new Set<string>();
  const visit = (dir: TreeDir): boolean => {
    let isAll = true;
    for (const d of dir.dirs.values()) if (!visit(d)) isAll = false;
    for (const f of dir.files) {
      if (isIgnored(f.path, ignored)) out.add(f.path);
      else isAll = false;
    }
    if (isAll && dir.path) out.add(dir.path);
    return isAll;
  };
  visit(root);
  return out;
}

interface TreeProps {
  dir: TreeDir;
  excluded: Set<string>;
  selected: string;
  onPick(path: string): void;
}

/** One folder's entries; a sub-folder's contents are rendered only once it is opened. */
const TreeList = memo(function TreeList({ dir, excluded, selected, onPick }: TreeProps) {
  const dirs = [...dir.dirs.values()].sort((a, b) => a.name.localeCompare(b.name));
  const files = [...dir.files].sort((a, b) => a.path.localeCompare(b.path));
  return (
    <ul className={styles.tree}>
      {dirs.map((d) => (
        <TreeFolder key={d.path} dir={d} excluded={excluded} selected={selected} onPick={onPick} />
      ))}
      {files.map((f) => {
        const isExcluded = excluded.has(f.path);
        const name = f.path.slice(f.path.lastIndexOf('/') + 1);
        return (
          <li key={f.path}>
            <button
              type="button"
              className={`${styles.treeFile} ${isExcluded ? styles.excluded : ''}`}
              aria-pressed={selected === f.path}
              onClick={() => onPick(f.path)}
              title={`What rebuilds if I edit ${f.path}?`}
            >
              <span className={styles.treeName}>
                {f.fileCount !== undefined ? `${name}/` : name}
                {f.fileCount !== undefined && (
                  <span className={styles.muted}> ({f.fileCount.toLocaleString('en')} files)</span>
                )}
              </span>
              <span className={styles.treeSize}>
                {formatBytes(f.sizeBytes)}
                {isExcluded && <span className={styles.excludedTag}> excluded</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
});

function TreeFolder({ dir, excluded, selected, onPick }: TreeProps) {
  const isExcluded = excluded.has(dir.path);
  const isTop = !dir.path.includes('/');
  const [isOpen, setIsOpen] = useState(isTop && !isExcluded && dir.fileCount <= 10);
  return (
    <li>
      <details open={isOpen} onToggle={(e) => setIsOpen(e.currentTarget.open)}>
        <summary className={isExcluded ? styles.excluded : undefined}>
          <span className={styles.treeName}>{dir.name}/</span>
          <span className={styles.treeSize}>
            {formatBytes(dir.bytes)}
            {isExcluded && <span className={styles.excludedTag}> excluded</span>}
          </span>
        </summary>
        {isOpen && <TreeList dir={dir} excluded={excluded} selected={selected} onPick={onPick} />}
      </details>
    </li>
  );
}

interface ProjectPanelProps {
  project: { name: string; files: ProjectFile[] };
  context: ContextSummary | undefined;
  /** Changes whenever the analysed text changes, so the rebuild answer is redone. */
  analysisKey: number | undefined;
  rebuild(path: string): Promise<RebuildResult>;
  onReveal(line: number): void;
}

type RebuildState =
  | { status: 'idle' }
  | { status: 'loading'; path: string }
  | { status: 'done'; result: RebuildResult }
  | { status: 'error'; path: string; message: string };

/** Build context summary, the project tree (what .dockerignore excludes) and "What rebuilds". */
function ProjectPanel({ project, context, analysisKey, rebuild, onReveal }: ProjectPanelProps) {
  const tree = useMemo(() => buildTree(project.files), [project.files]);
  // A new Report arrives per keystroke; the tree only changes when the excluded paths do.
  const ignoredKey = (context?.ignored ?? []).join('\n');
  const excluded = useMemo(
    () => excludedPaths(tree, new Set(ignoredKey ? ignoredKey.split('\n') : [])),
    [tree, ignoredKey],
  );
  // Only files the builder receives can rerun anything: not what .dockerignore excludes.
  const sentPaths = useMemo(
    () =>
      project.files
        .map((f) => f.path)
        .filter((p) => !excluded.has(p))
        .sort(),
    [project.files, excluded],
  );
  // Until the learner picks a file, the panel answers for the app's main source file (once the
  // analysis runs, which the context summary shows), so it never opens on an empty answer.
  const [picked, setPicked] = useState<string>('');
  const path = picked || (context ? defaultRebuildPath(sentPaths) : '');
  const [state, setState] = useState<RebuildState>({ status: 'idle' });
  const selectId = useId();

  useEffect(() => {
    if (!path) return;
    let isCurrent = true;
    rebuild(path).then(
      (result) => isCurrent && setState({ status: 'done', result }),
      (error: Error) => isCurrent && setState({ status: 'error', path, message: error.message }),
    );
    return () => {
      isCurrent = false;
    };
  }, [path, analysisKey, rebuild]);

  const pick = useCallback((next: string) => {
    setPicked(next);
    if (next) setState({ status: 'loading', path: next });
  }, []);
  const [query, setQuery] = useState('');
  const filterId = useId();
  const shownPaths = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hits = q ? sentPaths.filter((p) => p.toLowerCase().includes(q)) : sentPaths;
    return hits.slice(0, MAX_OPTIONS);
  }, [sentPaths, query]);
  const matchCount = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? sentPaths.filter((p) => p.toLowerCase().includes(q)).length : sentPaths.length;
  }, [sentPaths, query]);

  // The answer on screen is for this path (an answer for an earlier pick waits for the new one).
  const shownFor =
    state.status === 'done' ? state.result.path : state.status === 'idle' ? '' : state.path;

  return (
    <section className={styles.panel} aria-labelledby="wb-project-h">
      <h2 id="wb-project-h" className={styles.panelTitle}>
        Build context: {project.name}
      </h2>
      {context && (
        <p>
          Sent to the builder: <strong>{formatBytes(context.sentBytes)}</strong> in{' '}
          {context.sentFiles} {context.sentFiles === 1 ? 'file' : 'files'}{' '}
          <span className={styles.muted}>
            of {formatBytes(context.totalBytes)} in {context.totalFiles}.{' '}
            {context.hasDockerignore
              ? `.dockerignore excludes ${context.ignored.length} ${context.ignored.length === 1 ? 'path' : 'paths'}.`
              : 'No .dockerignore: everything is sent.'}
          </span>
        </p>
      )}
      {context && context.dockerignoreErrors.length > 0 && (
        <ul className={styles.plainList}>
          {context.dockerignoreErrors.map((e, i) => (
            <li key={i} className={styles.problem}>
              .dockerignore: {e}
            </li>
          ))}
        </ul>
      )}
      <h3 className={styles.subTitle}>What rebuilds?</h3>
      <div aria-live="polite" className={styles.rebuildResult}>
        {(state.status === 'loading' || (path && shownFor !== path)) && (
          <p className={styles.muted}>Working out what reruns…</p>
        )}
        {state.status === 'error' && shownFor === path && (
          <p className={styles.problem}>Could not work it out: {state.message}</p>
        )}
        {state.status === 'done' && shownFor === path && (
          <RebuildAnswer result={state.result} onReveal={onReveal} />
        )}
      </div>
      <div className={styles.rebuildPick}>
        <span>
          <label htmlFor={filterId} className={styles.label}>
            Find a file
          </label>{' '}
          <input
            id={filterId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className={styles.select}
            autoComplete="off"
            spellCheck={false}
          />
        </span>
        <span>
          <label htmlFor={selectId} className={styles.label}>
            I edit
          </label>{' '}
          <select
            id={selectId}
            value={path}
            onChange={(e) => pick(e.target.value)}
            className={styles.select}
          >
            <option value="">
              {matchCount === 0
                ? 'no file in the context matches'
                : `choose one of ${matchCount.toLocaleString('en')} ${matchCount === 1 ? 'file' : 'files'}…`}
            </option>
            {/* The picked file stays selectable while the filter hides it. */}
            {path && !shownPaths.includes(path) && <option value={path}>{path}</option>}
            {shownPaths.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </span>
      </div>
      <p className={styles.muted}>
        Lists the files sent to the builder (after .dockerignore).
        {matchCount > MAX_OPTIONS &&
          ` The first ${MAX_OPTIONS} matches are shown: type part of a path to narrow them.`}
      </p>
      <h3 className={styles.subTitle}>Files in the project</h3>
      <div className={styles.treeBox}>
        <TreeList dir={tree} excluded={excluded} selected={path} onPick={pick} />
      </div>
    </section>
  );
}

function RebuildAnswer({
  result,
  onReveal,
}: {
  result: RebuildResult;
  onReveal(line: number): void;
}) {
  if (result.layers.length === 0) {
    return (
      <p>
        Editing <code>{result.path}</code> reruns nothing: no COPY or ADD sends it into the image
        (or .dockerignore excludes it).
      </p>
    );
  }
  return (
    <>
      <p>
        Editing <code>{result.path}</code> reruns{' '}
        <strong>
          {result.layers.length} {result.layers.length === 1 ? 'layer' : 'layers'}
        </strong>{' '}
        and rebuilds <strong>{formatBytes(result.rebuiltBytes)}</strong>.{' '}
        {result.cachedLayers > 0 &&
          `${result.cachedLayers} earlier ${result.cachedLayers === 1 ? 'layer stays' : 'layers stay'} cached.`}
      </p>
      <ol className={styles.plainList}>
        {result.layers.map((l) => (
          <li key={`${l.stage}-${l.line}`}>
            <button type="button" className={styles.linkButton} onClick={() => onReveal(l.line)}>
              Line {l.line + 1}
            </button>{' '}
            {l.instruction} <code>{l.text}</code>{' '}
            <span className={styles.muted}>{formatBytes(l.sizeBytes)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

export default memo(ProjectPanel);
