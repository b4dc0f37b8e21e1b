import type { ProjectFile } from '@/lib/lessons';
import { LIMITS } from '@/lib/limits';

/** A picked file as the browser gives it: only what we need, so tests can build them. */
export interface PickedFile {
  /** `webkitRelativePath`: "<picked folder>/sub/file". */
  relativePath: string;
  name: string;
  size: number;
  text?: () => Promise<string>;
}

export interface LocalProject {
  name: string;
  files: ProjectFile[];
  /** Files in the folder, including the ones beyond the cap. */
  totalFiles: number;
  isTruncated: boolean;
  /** Text of the folder's own Dockerfile / .dockerignore at its root, when small enough. */
  dockerfile?: string;
  dockerignore?: string;
}

/** More files than this are not listed (a node_modules tree can hold 100,000). */
export const MAX_LOCAL_FILES = 20_000;
/** Manifests bigger than this are sized but not read. */
export const MAX_MANIFEST_BYTES = 5_000_000;
/** A root Dockerfile / .dockerignore bigger than this is not offered for loading. */
export const MAX_DOCKERFILE_BYTES = LIMITS.localFileBytes;

/** The only files whose text is read: what the analyzer needs to size installs. */
export function isManifest(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return (
    base === 'package.json' ||
    base === 'package-lock.json' ||
    /^requirements[\w.-]*\.txt$/.test(base)
  );
}

/** Drops the picked folder's own name: "my-app/src/x.js" → "src/x.js". */
export function contextPath(relativePath: string, fallbackName: string): string {
  const clean = (relativePath || fallbackName).replace(/\\/g, '/');
  const slash = clean.indexOf('/');
  return slash >= 0 ? clean.slice(slash + 1) : clean;
}

/**
 * Builds a build context from a picked folder, in the browser: names and sizes of every file (up
 * to `MAX_LOCAL_FILES`), text of the few manifests the analyzer reads and of a root Dockerfile /
 * .dockerignore. Nothing is uploaded anywhere. A manifest that cannot be read is kept, unread.
 */
export async function localProjectFromFiles(
  picked: readonly PickedFile[],
  maxFiles = MAX_LOCAL_FILES,
): Promise<LocalProject> {
  const first = picked[0]?.relativePath ?? '';
  const name = first.includes('/') ? first.slice(0, first.indexOf('/')) : 'local folder';
  const kept = picked.slice(0, maxFiles);
  const files: ProjectFile[] = [];
  let dockerfile: string | undefined;
  let dockerignore: string | undefined;
  for (const file of kept) {
    const path = contextPath(file.relativePath, file.name);
    if (!path) continue;
    const entry: ProjectFile = { path, sizeBytes: file.size };
    if (file.text && isManifest(path) && file.size <= MAX_MANIFEST_BYTES) {
      const content = await readText(file);
      if (content !== undefined) entry.content = content;
    }
    if (file.text && file.size <= MAX_DOCKERFILE_BYTES) {
      if (path === 'Dockerfile') dockerfile = await readText(file);
      if (path === '.dockerignore') dockerignore = await readText(file);
    }
    files.push(entry);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    name,
    files,
    totalFiles: picked.length,
    isTruncated: picked.length > kept.length,
    dockerfile,
    dockerignore,
  };
}

async function readText(file: PickedFile): Promise<string | undefined> {
  try {
    return await file.text?.();
  } catch {
    return undefined;
  }
}

/** Total bytes of a file list. */
export function totalBytes(files: readonly { sizeBytes: number }[]): number {
  return files.reduce((sum, file) => sum + file.sizeBytes, 0);
}
