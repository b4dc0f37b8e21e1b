/**
 * Facts about the image that ships (the target stage), for goals and rules that judge it.
 */
import type { ImageModel } from './model-types';
import type { FinalImageFacts } from './types';
import { baseFactsOf } from './image-facts';
import { stageChain } from './rules/helpers/commands';
import { isBuildToolInImage } from './vocabulary';
import { lookup } from './scope';
import { cacheSlot, type AnalyzerCache } from './cache';

const BUILD_TOOLS = cacheSlot('build-tool packages', () => new Map<string, boolean>());

/** True for compilers, build systems and `-dev`/`-devel` headers packages (memoised in `cache`). */
export function isBuildTool(pkg: string, cache: AnalyzerCache): boolean {
  const buildToolMemo = cache.get(BUILD_TOOLS);
  let hit = buildToolMemo.get(pkg);
  if (hit === undefined) {
    hit = isBuildToolInImage(pkg);
    if (buildToolMemo.size > 20_000) buildToolMemo.clear();
    buildToolMemo.set(pkg, hit);
  }
  return hit;
}

const SORTED_PACKAGES = cacheSlot(
  'sorted package lists',
  () =>
    new Map<
      string,
      { set: Set<string>; names: string[]; sorted: string[]; buildTools: string[] }
    >(),
);

/**
 * The set's names sorted, and its build tools. Most final images keep their base image's package
 * list, so the sorted list is cached per base image and reused when the set holds the same names.
 */
function sortedPackages(
  set: Set<string>,
  key: string,
  cache: AnalyzerCache,
): { sorted: string[]; buildTools: string[] } {
  const sortedCache = cache.get(SORTED_PACKAGES);
  const isTool = (pkg: string) => isBuildTool(pkg, cache);
  const hit = sortedCache.get(key);
  // The same Set object (a base image's shared, never-written set) holds the same names.
  if (
    hit &&
    (hit.set === set || (hit.names.length === set.size && hit.names.every((n) => set.has(n))))
  ) {
    return { sorted: [...hit.sorted], buildTools: [...hit.buildTools] };
  }
  if (hit) {
    // The base image's list plus what the Dockerfile installed, minus what it removed: merge the
    // few new names into the cached sorted list instead of sorting everything again.
    const added = [...set].filter((n) => !hit.set.has(n)).sort();
    const sorted: string[] = [];
    let j = 0;
    for (const n of hit.sorted) {
      if (!set.has(n)) continue;
      while (j < added.length && added[j] < n) sorted.push(added[j++]);
      sorted.push(n);
    }
    while (j < added.length) sorted.push(added[j++]);
    return { sorted, buildTools: sorted.filter(isTool) };
  }
  const names = [...set];
  const sorted = [...names].sort();
  const buildTools = sorted.filter(isTool);
  if (sortedCache.size > 64) sortedCache.clear();
  sortedCache.set(key, { set, names, sorted, buildTools });
  return { sorted, buildTools: [...buildTools] };
}

/** OS packages that are a package manager (Debian and Alpine names). */
const MANAGER_PACKAGES: Record<string, string> = {
  'python3-pip': 'pip',
  'py3-pip': 'pip',
  npm: 'npm',
  yarn: 'yarn',
  yarnpkg: 'yarn',
};

/** Managers whose package a shipped layer adds (a later deletion hides them but they still ship). */
function layerManagers(model: ImageModel): string[] {
  const out = new Set<string>();
  for (const layer of model.layers) {
    if (!layer.isShipped) continue;
    for (const entry of layer.adds) {
      const manager = entry.pkg ? lookup(MANAGER_PACKAGES, entry.pkg) : undefined;
      if (manager && entry.bytes > 0) out.add(manager);
    }
  }
  return [...out].sort();
}

/** Facts for `model.target`. */
export function finalFacts(model: ImageModel): FinalImageFacts {
  const stage = model.target;
  const { sorted: packages, buildTools } = sortedPackages(
    stage.packages,
    stage.baseImage.resolvedRef ?? stage.baseImage.ref,
    model.cache,
  );
  const copied = new Set<string>();
  for (const c of model.shippedCopies) for (const e of c.layer?.adds ?? []) copied.add(e.path);
  const cmd = stage.cmd ? stage.cmd.args : stage.entrypoint ? undefined : stage.baseCmd;
  const entrypoint = stage.entrypoint ? stage.entrypoint.args : stage.baseEntrypoint;
  const base = baseFactsOf(stage);
  const hasUserStep = stageChain(stage).some((s) => s.steps.some((st) => st.kind === 'USER'));
  return {
    stage: stage.index,
    // baseFactsOf knows the tag: distroless `:debug` variants carry busybox's shell.
    hasShell: base.hasShell || packages.includes('busybox') || packages.includes('bash'),
    packageManagers: stage.packageManagers ?? [],
    layerPackageManagers: layerManagers(model),
    buildTools,
    packages,
    copiedPaths: [...copied].sort(),
    contextFilesShipped: model.context.shippedFiles.map((f) => f.path).sort(),
    // No USER: the base image's own user (distroless `:nonroot` tags run as nonroot).
    user: hasUserStep || base.defaultUser === 'root' ? stage.user : base.defaultUser,
    ...(cmd ? { cmd } : {}),
    ...(entrypoint ? { entrypoint } : {}),
    workdir: stage.workdir,
    ...(stage.pythonVersion ? { pythonVersion: stage.pythonVersion } : {}),
    ...(stage.nodeVersion ? { nodeVersion: stage.nodeVersion } : {}),
  };
}
