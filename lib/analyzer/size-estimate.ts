/**
 * The size estimate of the built image: base + shipped layers (uncompressed, what `docker images`
 * shows), a pull-size estimate, and a confidence that falls with every unknown.
 */
import type { ImageModel, Layer, ShellCommand } from './model-types';
import type { BaseImageSummary, Confidence, LayerItem, SizeEstimate, Unknown } from './types';
import { listBaseImages } from '../sizes';
import { measuredBaseCompressionRatio } from './size-data';
import { isVersionQuery } from './vocabulary';
import { formatBytes } from '../format';

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
  let modelErrorBytes = 0;
  const ubuntu = base.osFamily === 'ubuntu';
  for (const l of layers) {
    layersBytes += l.sizeBytes;
    wastedBytes += l.wastedBytes;
    for (const it of l.items) {
      layersCompressed += it.bytes * kindRatio(it.kind, baseRatio);
      modelErrorBytes += it.bytes * kindError(it.kind, ubuntu);
    }
  }
  const bytes = base.sizeBytes + layersBytes;
  // Every line of a shipped step counts: an unknown on a continuation line of a multi-line RUN
  // (`RUN set -eux; \` then `make install`) belongs to that step as much as its first line does.
  const shippedLines = new Set<number>();
  for (const s of model.shippedStages)
    for (const st of s.steps)
      for (let l = st.range.start.line; l <= st.range.end.line; l++) shippedLines.add(l);
  const callsAt = commandsByLine(model);
  const unknowns = model.unknowns.filter(
    (u) =>
      (u.line === undefined || shippedLines.has(u.line) || u.kind === 'base-image') &&
      !writesNothing(callsAt, u),
  );
  if (base.unsupported === 'windows') {
    unknowns.unshift({
      kind: 'base-image',
      name: base.ref,
      line: model.target.range.start.line,
      message: `Windows images are not supported: ${base.ref} is not sized, and the estimate counts only the layers above it.`,
      assumedBytes: 0,
    });
  } else if (base.guessed) {
    unknowns.unshift({
      kind: 'base-image',
      name: base.ref,
      line: model.target.range.start.line,
      message: `${base.ref} is not in the measured table; ${formatBytes(base.sizeBytes)} is a guess (${base.source}).`,
      assumedBytes: base.sizeBytes,
      ...(base.sizeRange ? { rangeBytes: base.sizeRange.bytes } : {}),
    });
  } else if (base.sizeRange) {
    // In the table, but as an estimate no published figure backs: say so, with its range.
    unknowns.unshift({
      kind: 'base-image',
      name: base.ref,
      line: model.target.range.start.line,
      message: `${base.ref}: ${formatBytes(base.sizeBytes)} is an estimate, not a measured size (${base.sizeRange.note}).`,
      assumedBytes: base.sizeBytes,
      rangeBytes: base.sizeRange.bytes,
    });
  }
  const layersMethod = `layers: gzip ratio per kind (packages ${(baseRatio * 100).toFixed(0)} % like the measured bases, text 30 %, caches and lists 95 %).`;
  const compressedMethod =
    base.osFamily === 'scratch'
      ? `Base: none (scratch is empty); ${layersMethod}`
      : base.known
        ? `Base: measured registry size${base.compressedSizeBytes && base.compressedSizeBytes !== Math.round(base.sizeBytes * baseRatio) ? '' : ' (or the median gzip ratio of the measured bases)'}; ${layersMethod}`
        : `Base: guessed size × the median gzip ratio of the measured bases (${(baseRatio * 100).toFixed(0)} %); layers: gzip ratio per kind (packages ${(baseRatio * 100).toFixed(0)} %, text 30 %, caches and lists 95 %).`;
  const sizeRange = rangeOf(bytes, base, unknowns, modelErrorBytes, stepOfLine(model));
  return {
    bytes,
    compressedBytes: Math.round(base.compressedSizeBytes + layersCompressed),
    compressedMethod,
    baseBytes: base.sizeBytes,
    layersBytes,
    wastedBytes,
    sizeRange,
    confidence: confidenceOf(
      base,
      unknowns,
      bytes,
      sizeRange,
      !!model.problems?.some((p) => p.severity === 'error') ||
        (model.buildFailures ?? []).length > 0,
    ),
    unknowns,
  };
}

/**
 * Relative error of a modelled layer item. apt: the buildpack-deps cases land within 1 % on
 * Debian (size-estimate.test.ts) and −21.6 % on Ubuntu noble (README "Where the numbers come
 * from"); apk and pip sizes are the data's own estimates (data/PACKAGE-SIZES.md); copies of
 * context files are exact; build outputs and downloads carry their own unknown with a range.
 */
function kindError(kind: LayerItem['kind'], ubuntu: boolean): number {
  switch (kind) {
    case 'apt':
      return ubuntu ? 0.25 : 0.05;
    case 'apk':
      return 0.15;
    case 'pip':
      return 0.2;
    case 'npm':
      return 0.1;
    case 'lists':
    case 'cache':
      return 0.15;
    case 'other':
      return 0.2;
    default:
      return 0;
  }
}

/** Relative error of the base image figure by its confidence (high: repo-info's 2-decimal rounding). */
const BASE_ERROR: Record<Confidence, number> = { high: 0.005, medium: 0.1, low: 0.3 };

/**
 * Programs that only print or check something: run alone, or with nothing but a version or help
 * flag (`node --version`, `redis-cli --version`), they leave nothing in the image.
 */
const READ_ONLY_PROGRAMS = new Set([
  'dpkg-architecture',
  'nproc',
  'uname',
  'ldd',
  'scanelf',
  'sha256sum',
  'sha512sum',
  'sha1sum',
  'md5sum',
  'gpgv',
  'which',
  'id',
  'whoami',
  'printenv',
  'locale',
]);

/**
 * True when an unsized command writes nothing: every call of that program on the unknown's line
 * is a read-only program or a version/help query. Such a call is not an unknown at all.
 */
function writesNothing(callsAt: () => Map<number, ShellCommand[]>, u: Unknown): boolean {
  if (u.kind !== 'command' || u.line === undefined) return false;
  const calls = (callsAt().get(u.line) ?? []).filter((c) => c.name === u.name);
  return (
    calls.length > 0 && calls.every((c) => READ_ONLY_PROGRAMS.has(c.name) || isVersionQuery(c.args))
  );
}

/** Shipped shell commands by each line they span; built on first use. */
function commandsByLine(model: ImageModel): () => Map<number, ShellCommand[]> {
  let map: Map<number, ShellCommand[]> | undefined;
  return () => {
    if (!map) {
      map = new Map();
      for (const r of model.shippedRuns)
        for (const c of r.commands)
          for (let l = c.range.start.line; l <= c.range.end.line; l++) {
            const list = map.get(l);
            if (list) list.push(c);
            else map.set(l, [c]);
          }
    }
    return map;
  };
}

/** Index of the step each line of a shipped step belongs to (unknowns of one RUN share it). */
function stepOfLine(model: ImageModel): Map<number, number> {
  const out = new Map<number, number>();
  let n = 0;
  for (const s of model.shippedStages)
    for (const st of s.steps) {
      for (let l = st.range.start.line; l <= st.range.end.line; l++) out.set(l, n);
      n++;
    }
  return out;
}

/**
 * `[lo, hi]` of one unknown: its own `rangeBytes`, or a default band for its kind. A package not in
 * the tables is 0.1–20× the assumed figure (a -dev package to a JDK); an unsized command or copy
 * may write nothing or a whole toolchain: 0–500 MB, the most the regression cases needed being a
 * JDK archive unpacked by `tar` (+322 MB, eclipse-temurin:17-jdk) and a Go tree copied from a
 * build stage (+233 MB, golang:1.26-alpine); a guessed base image 0.05–10× the guess (the
 * regression cases hold buildpack-deps at 930 MB against a 120 MB family guess) and at least up to
 * the largest official build repo-info measured (haskell:9.14.1-bookworm, 4.44 GB: without the
 * tag index odoo's 2 GB and haskell's builds are guesses too); a RUN that does not parse,
 * anything up to 1 GB.
 */
/** haskell:9.14.1-bookworm, 4.44 GB: docker-library/repo-info, repos/haskell/local/9.14.1-bookworm.md @76a6066. */
const LARGEST_OFFICIAL_BUILD_BYTES = 4.44e9;

export function unknownBounds(u: Unknown): [number, number] {
  if (u.rangeBytes) return u.rangeBytes;
  const a = u.assumedBytes;
  switch (u.kind) {
    case 'base-image':
      return [a * 0.05, Math.max(a * 10, LARGEST_OFFICIAL_BUILD_BYTES)];
    case 'apt-package':
    case 'apk-package':
      return [a * 0.1, Math.max(a * 20, 20e6)];
    case 'pip-package':
    case 'npm-package':
      return [a * 0.2, Math.max(a * 5, 10e6)];
    case 'parse':
      return [0, Math.max(a, 1e9)];
    case 'variable':
      return [0, Math.max(a, 50e6)];
    default:
      return [a === 0 ? 0 : a * 0.25, Math.max(a * 4, 500e6)];
  }
}

/**
 * The estimate widened by every unknown. Packages add up, each on its own; the unsized commands
 * and copies of one step are counted once, by the widest of them: a download, its `tar -x`, the
 * `configure`, `make` and `make install` that follow are one payload moving through the RUN, not
 * five (summed, memcached's build RUN alone reached 1.2 GB).
 */
function rangeOf(
  bytes: number,
  base: BaseImageSummary,
  unknowns: Unknown[],
  modelErrorBytes: number,
  stepOf: Map<number, number>,
): [number, number] {
  // A base with a range of its own is widened by its base-image unknown instead.
  const baseErr = base.known && !base.sizeRange ? base.sizeBytes * BASE_ERROR[base.confidence] : 0;
  let lo = bytes - baseErr - modelErrorBytes;
  let hi = bytes + baseErr + modelErrorBytes;
  const perStep = new Map<number, [number, number]>();
  for (const u of unknowns) {
    const [ulo, uhi] = unknownBounds(u);
    const below = Math.max(0, u.assumedBytes - ulo);
    const above = Math.max(0, uhi - u.assumedBytes);
    const step = u.line === undefined ? undefined : stepOf.get(u.line);
    if ((u.kind === 'command' || u.kind === 'copy-source') && step !== undefined) {
      const [b, a] = perStep.get(step) ?? [0, 0];
      perStep.set(step, [Math.max(b, below), Math.max(a, above)]);
      continue;
    }
    lo -= below;
    hi += above;
  }
  for (const [below, above] of perStep.values()) {
    lo -= below;
    hi += above;
  }
  return [Math.max(0, Math.round(lo)), Math.round(hi)];
}

/**
 * From the range: high when it lies within ±10 % of the estimate, medium within ±25 %, otherwise
 * low. Any unknown caps it at medium (something was not modelled), so does a base sized from a
 * stand-in; a guessed base, a parse error or a build that fails for certain (an error finding:
 * the figure is of an image that will never exist) makes it low.
 */
function confidenceOf(
  base: BaseImageSummary,
  unknowns: SizeEstimate['unknowns'],
  total: number,
  [lo, hi]: [number, number],
  hasError: boolean,
): Confidence {
  if (base.confidence === 'low' || hasError) return 'low';
  if (base.guessed) return 'low';
  const spread = total > 0 ? Math.max(hi / total - 1, 1 - lo / total) : hi > 0 ? Infinity : 0;
  if (spread > 0.25) return 'low';
  if (spread > 0.1 || unknowns.length > 0 || base.confidence === 'medium') return 'medium';
  return 'high';
}
