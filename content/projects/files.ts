import type { ProjectFile } from '@/lib/lessons/types';

/**
 * Helpers to describe the virtual projects the lessons build. Dependency folders
 * (node_modules, .venv) use measured or cited sizes; the project's own files (sources, .git,
 * fixtures) are illustrative sizes of a small, realistic repository.
 */

const encoder = new TextEncoder();

/** A file whose content the analyzer may read (manifests, .env); size = its UTF-8 length. */
export function text(path: string, content: string): ProjectFile {
  return { path, sizeBytes: encoder.encode(content).length, content };
}

/** A file known only by its size. */
export function file(path: string, sizeBytes: number): ProjectFile {
  return { path, sizeBytes };
}

/** A folder summarised as one entry (see ProjectFile.fileCount). */
export function folder(path: string, sizeBytes: number, fileCount: number): ProjectFile {
  return { path, sizeBytes, fileCount };
}

/**
 * A small Git repository's metadata: the pack holds the history, so it dominates.
 * `packBytes` is the size of the one packfile.
 */
export function gitDir(packBytes: number, packId: string): ProjectFile[] {
  return [
    file('.git/HEAD', 21),
    file('.git/config', 318),
    file('.git/description', 73),
    file('.git/packed-refs', 1_204),
    file('.git/index', 46_712),
    file('.git/ORIG_HEAD', 41),
    file('.git/logs/HEAD', 38_406),
    folder('.git/hooks', 23_825, 14),
    folder('.git/refs', 1_312, 9),
    folder('.git/objects/3f', 5_904, 3),
    folder('.git/objects/a1', 2_117, 2),
    file(`.git/objects/pack/pack-${packId}.idx`, Math.round(packBytes / 28)),
    file(`.git/objects/pack/pack-${packId}.pack`, packBytes),
  ];
}

/**
 * A local virtualenv for Python `version` (e.g. '3.11'): one folder per installed
 * distribution. `packages` are [name, bytes, files].
 */
export function venvDir(version: string, packages: [string, number, number][]): ProjectFile[] {
  const site = `.venv/lib/python${version}/site-packages`;
  return [
    file('.venv/pyvenv.cfg', 176),
    folder('.venv/bin', 61_440, 24),
    ...packages.map(([name, bytes, files]) => folder(`${site}/${name}`, bytes, files)),
  ];
}

/** A Node project's local node_modules from [folder, bytes, files] rows. */
export function nodeModulesDir(rows: [string, number, number][]): ProjectFile[] {
  return rows.map(([name, bytes, files]) => folder(`node_modules/${name}`, bytes, files));
}

/** Total bytes of a file list. */
export function totalBytes(files: ProjectFile[]): number {
  return files.reduce((sum, f) => sum + f.sizeBytes, 0);
}
