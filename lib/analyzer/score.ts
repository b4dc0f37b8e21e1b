/**
 * The 0–100 score: how close the image is to the smallest one we can see for the same content
 * (60 points), minus what the open findings cost (40 points). Deterministic: it reads only the
 * model and the findings, in a fixed order.
 */
import type { ImageModel } from './model-types';
import type { Finding, ScoreBreakdown, Severity, SizeEstimate } from './types';
import { resolveBaseImage, smallerVariants } from '../sizes';
import { isBuildTool } from './final-facts';
import { formatBytes } from '../format';
import { cacheSlot, type AnalyzerCache } from './cache';

export const SIZE_POINTS = 60;
export const FINDING_POINTS = 40;
/** Points each open finding costs, by severity. */
export const PENALTY: Record<Severity, number> = { error: 10, warning: 5, info: 1 };

export interface BestEstimate {
  bytes: number;
  baseRef: string;
  baseBytes: number;
  /** Bytes of the shipped content the best image still needs. */
  contentBytes: number;
}

/**
 * The smallest image we can see for the same content: the smallest drop-in variant of the base
 * (same runtime, same libc; `smallerVariants`), plus the shipped packages and files minus build
 * tools, apt Recommends, npm devDependencies, caches, package lists and wasted bytes.
 */
export function bestAchievable(model: ImageModel, size: SizeEstimate): BestEstimate {
  const base = model.target.baseImage;
  let baseBytes = base.sizeBytes;
  let baseRef = base.resolvedRef ?? base.ref;
  const smallest = base.resolvedRef ? smallestDropIn(base.resolvedRef, model.cache) : undefined;
  if (smallest && smallest.bytes < baseBytes) {
    baseBytes = smallest.bytes;
    baseRef = smallest.ref;
  }
  let contentBytes = 0;
  for (const layer of model.layers) {
    if (!layer.isShipped) continue;
    let bytes = 0;
    for (const e of layer.adds) {
      if (e.kind === 'cache' || e.kind === 'lists') continue;
      if (e.pkg && (e.kind === 'apt' || e.kind === 'apk') && isBuildTool(e.pkg, model.cache))
        continue;
      bytes += e.bytes;
    }
    bytes -= layer.wastedBytes + (layer.recommendsBytes ?? 0) + (layer.devDependencyBytes ?? 0);
    contentBytes += Math.max(0, bytes);
  }
  const bytes = Math.min(size.bytes, baseBytes + contentBytes);
  return { bytes, baseRef, baseBytes, contentBytes };
}

const DROP_INS = cacheSlot(
  'smallest drop-in bases',
  () => new Map<string, { ref: string; bytes: number } | undefined>(),
);

/** The smallest measured variant with the same runtime and libc (memoised in `cache`). */
function smallestDropIn(
  ref: string,
  cache: AnalyzerCache,
): { ref: string; bytes: number } | undefined {
  const dropInMemo = cache.get(DROP_INS);
  if (dropInMemo.has(ref)) return dropInMemo.get(ref);
  const res = resolveBaseImage(ref, cache.baseIndex);
  let best: { ref: string; bytes: number } | undefined;
  if (res) {
    for (const v of smallerVariants(res.record)) {
      if (v.libc === res.record.libc && (!best || v.uncompressedBytes < best.bytes))
        best = { ref: v.ref, bytes: v.uncompressedBytes };
    }
  }
  dropInMemo.set(ref, best);
  return best;
}

const mb = formatBytes;

/** The score and its explanation. Findings are read in their report order. */
export function computeScore(
  model: ImageModel,
  size: SizeEstimate,
  findings: Finding[],
): ScoreBreakdown {
  const best = bestAchievable(model, size);
  const sizeAchieved = size.bytes <= 0 ? 1 : Math.max(0, Math.min(1, best.bytes / size.bytes));
  const penaltiesByRule = new Map<string, number>();
  for (const f of findings)
    penaltiesByRule.set(f.rule, (penaltiesByRule.get(f.rule) ?? 0) + PENALTY[f.severity]);
  const penalties = [...penaltiesByRule.entries()]
    .map(([rule, points]) => ({ rule, points }))
    .sort((a, b) => b.points - a.points || (a.rule < b.rule ? -1 : 1));
  const lost = Math.min(
    FINDING_POINTS,
    penalties.reduce((s, p) => s + p.points, 0),
  );
  const sizePoints = SIZE_POINTS * sizeAchieved;
  const score = Math.max(0, Math.min(100, Math.round(sizePoints + FINDING_POINTS - lost)));
  const explanation = [
    `Size: ${mb(size.bytes)} now; the smallest we can see for the same content is ${mb(best.bytes)} (${best.baseRef} + ${mb(best.contentBytes)} of packages and files, without caches, build tools or waste): ${Math.round(sizeAchieved * 100)} % of the way → ${sizePoints.toFixed(1)} of ${SIZE_POINTS} points.`,
    penalties.length
      ? `Findings: ${penalties.map((p) => `${p.rule} −${p.points}`).join(', ')} → ${FINDING_POINTS - lost} of ${FINDING_POINTS} points (errors ${PENALTY.error}, warnings ${PENALTY.warning}, infos ${PENALTY.info} each, at most ${FINDING_POINTS} lost).`
      : `Findings: none open → ${FINDING_POINTS} of ${FINDING_POINTS} points.`,
  ];
  return { score, sizeAchieved, penalties, explanation };
}
