/**
 * The size estimate of the built image: base + shipped layers (uncompressed, what `docker images`
 * shows), a pull-size estimate, and a confidence that falls with every unknown.
 */
import type { ImageModel, Layer } from './model-types';
import type { Confidence, LayerItem, SizeEstimate } from './types';
import { listBaseImages } from '../sizes';
import { measuredBaseCompressionRatio } from './size-data';

/**
 * gzip ratio per kind of layer content. OS packages and build outputs (binaries and libraries) are
 * taken to compress like the measured base images; indexes and caches that are already compressed
 * (lz4 apt lists, wheel and tarball caches, downloads) barely shrink; JavaScript and source text
 * shrink to about a third (typical gzip ratio for text).
 */
function kindRatio(kind: LayerItem['kind'], baseRatio: number): number {
  switch (kind) {
    case 'lists':
    case 'cache':
    case 'download':
      return 0.95;
    case 'npm':
    case 'copy':
      return 0.3;
    default:
      return baseRatio;
  }
}

export function shippedLayers(model: ImageModel): Layer[] {
  return model.layers.filter((l) => l.isShipped);
}

/** Estimate for the model's target. */
export function estimateSize(model: ImageModel): SizeEstimate {
  const base = model.target.baseImage;
  const layers = shippedLayers(model);
  const baseRatio = measuredBaseCompressionRatio(listBaseImages());
  let layersBytes = 0;
  let wastedBytes = 0;
  let layersCompressed = 0;
  for (const l of layers) {
    layersBytes += l.sizeBytes;
    wastedBytes += l.wastedBytes;
    for (const it of l.items) layersCompressed += it.bytes * kindRatio(it.kind, baseRatio);
  }
  const bytes = base.sizeBytes + layersBytes;
  // Every line of a shipped step counts: an unknown on a continuation line of a multi-line RUN
  // (`RUN set -eux; \` then `make install`) belongs to that step as much as its first line does.
  const shippedLines = new Set<number>();
  for (const s of model.shippedStages)
    for (const st of s.steps)
      for (let l = st.range.start.line; l <= st.range.end.line; l++) shippedLines.add(l);
  const unknowns = model.unknowns.filter(
    (u) => u.line === undefined || shippedLines.has(u.line) || u.kind === 'base-image',
  );
  if (!base.known && base.osFamily !== 'scratch') {
    unknowns.unshift({
      kind: 'base-image',
      name: base.ref,
      line: model.target.range.start.line,
      message: `${base.ref} is not in the measured table; ${(base.sizeBytes / 1e6).toFixed(0)} MB is a guess (${base.source}).`,
      assumedBytes: base.sizeBytes,
    });
  }
  const compressedMethod = base.known
    ? `Base: measured registry size${base.compressedSizeBytes && base.compressedSizeBytes !== Math.round(base.sizeBytes * baseRatio) ? '' : ' (or the median gzip ratio of the measured bases)'}; layers: gzip ratio per kind (packages ${(baseRatio * 100).toFixed(0)} % like the measured bases, text 30 %, caches and lists 95 %).`
    : `Base: guessed size × the median gzip ratio of the measured bases (${(baseRatio * 100).toFixed(0)} %); layers: gzip ratio per kind (packages ${(baseRatio * 100).toFixed(0)} %, text 30 %, caches and lists 95 %).`;
  return {
    bytes,
    compressedBytes: Math.round(base.compressedSizeBytes + layersCompressed),
    compressedMethod,
    baseBytes: base.sizeBytes,
    layersBytes,
    wastedBytes,
    confidence: confidenceOf(
      base.confidence,
      unknowns,
      bytes,
      !!model.problems?.some((p) => p.severity === 'error'),
    ),
    unknowns,
  };
}

/**
 * High: measured base, nothing unknown that could write bytes. Medium: a few unknowns, or assumed
 * bytes under 10 % of the total. Low: guessed base, a parse error, or assumptions ≥ 10 %.
 */
function confidenceOf(
  baseConfidence: Confidence,
  unknowns: SizeEstimate['unknowns'],
  total: number,
  hasError: boolean,
): Confidence {
  if (baseConfidence === 'low' || hasError) return 'low';
  const assumed = unknowns
    .filter((u) => u.kind !== 'base-image')
    .reduce((s, u) => s + u.assumedBytes, 0);
  const sizing = unknowns.filter((u) => u.kind !== 'command' || u.assumedBytes > 0);
  if (total > 0 && assumed / total >= 0.1) return 'low';
  if (sizing.length > 5) return 'low';
  if (unknowns.length > 0 || baseConfidence === 'medium') return 'medium';
  return 'high';
}
