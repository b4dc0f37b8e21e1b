/** What runs in a stage's image: Python/Node versions, shells, base ENTRYPOINT. */
import type { Stage } from '../../model-types';
import { resolveBaseImage, smallerVariants } from '../../../sizes/base-images';
import type { BaseImageRecord } from '../../../sizes/types';
import { rootStage } from './model';
import { cacheSlot, type AnalyzerCache } from '../../cache';

/** Debian/Ubuntu/Alpine releases and the python3 their packages install (Debian/Ubuntu/Alpine package trackers). */
const OS_PYTHON: Record<string, string> = {
  focal: '3.8',
  '20.04': '3.8',
  jammy: '3.10',
  '22.04': '3.10',
  noble: '3.12',
  '24.04': '3.12',
  bullseye: '3.9',
  bookworm: '3.11',
  trixie: '3.13',
};

const RECORDS = cacheSlot('base records', () => new Map<string, BaseImageRecord | undefined>());
const VARIANTS = cacheSlot(
  'smaller variants',
  () => new WeakMap<BaseImageRecord, BaseImageRecord[]>(),
);

/** The measured record for an image reference (memoised in `cache`). */
export function recordOf(ref: string, cache: AnalyzerCache): BaseImageRecord | undefined {
  const recordCache = cache.get(RECORDS);
  if (recordCache.has(ref)) return recordCache.get(ref);
  const record = ref.includes('$') ? undefined : resolveBaseImage(ref, cache.baseIndex)?.record;
  if (recordCache.size > 500) recordCache.clear();
  recordCache.set(ref, record);
  return record;
}

/** Smaller measured variants of a record (memoised `smallerVariants`). */
export function variantsOf(record: BaseImageRecord, cache: AnalyzerCache): BaseImageRecord[] {
  const variantCache = cache.get(VARIANTS);
  let variants = variantCache.get(record);
  if (!variants) {
    variants = smallerVariants(record);
    variantCache.set(record, variants);
  }
  return variants;
}

/** The measured record of the stage's root base image, if any. */
export function baseRecord(stage: Stage): BaseImageRecord | undefined {
  return recordOf(rootStage(stage).baseRef, stage.cache);
}

/** `3.11.4` / `3.11 (Debian 12 …)` → `3.11`. */
export function minor(version: string | undefined): string | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return m ? `${m[1]}.${m[2]}` : undefined;
}

/**
 * Python minor version the stage runs: the model's, else the base image's runtime, else the OS
 * python3 package when the stage installed it. `undefined` when the stage has no Python.
 */
export function pythonMinorOf(stage: Stage): string | undefined {
  if (stage.pythonVersion) return minor(stage.pythonVersion);
  const record = baseRecord(stage);
  const fromBase = minor(record?.runtimes.python);
  if (fromBase) return fromBase;
  if (
    !['python3', 'python3-minimal', 'python3.11', 'python3-pip'].some((p) => stage.packages.has(p))
  )
    return undefined;
  const release = record?.osRelease ?? '';
  const key = Object.keys(OS_PYTHON).find((k) => release.includes(k));
  return key ? OS_PYTHON[key] : undefined;
}

/** True when the image has Node.js. */
export function hasNode(stage: Stage): boolean {
  return Boolean(
    stage.nodeVersion || baseRecord(stage)?.runtimes.node || stage.packages.has('nodejs'),
  );
}

/** True when the image has /bin/sh. */
export function hasShell(stage: Stage): boolean {
  return (
    stage.baseImage.hasShell ||
    stage.packages.has('busybox') ||
    stage.packages.has('bash') ||
    stage.packages.has('dash')
  );
}

/** The base image's own ENTRYPOINT (model first, else the size record). */
export function baseEntrypoint(stage: Stage): string[] | undefined {
  return rootStage(stage).baseEntrypoint ?? baseRecord(stage)?.entrypoint ?? undefined;
}
