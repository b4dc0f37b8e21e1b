/**
 * "What rebuilds": for one context path, the layers that rerun, the bytes they rebuild and the
 * layers that stay cached, in the form the workbench's project panel shows.
 */
import type { ImageModel } from './model-types';
import type { RebuildResult } from './types';

/** The panel's text width: longer instruction texts end in "…" at 77 characters. */
const TEXT_MAX = 80;

export function rebuildOf(model: ImageModel, path: string): RebuildResult {
  const layers = model.invalidatedBy(path).map((layer) => ({
    stage: layer.stage.index,
    line: layer.step.range.start.line,
    instruction: layer.step.kind,
    text:
      layer.step.text.length > TEXT_MAX
        ? `${layer.step.text.slice(0, TEXT_MAX - 3)}…`
        : layer.step.text,
    sizeBytes: layer.sizeBytes,
    isShipped: layer.isShipped,
  }));
  const first = layers[0];
  const cachedLayers = first
    ? model.layers.filter(
        (l) => l.stage.index === first.stage && l.step.range.start.line < first.line,
      ).length
    : model.layers.length;
  return {
    path,
    layers,
    rebuiltBytes: layers.reduce((sum, l) => sum + l.sizeBytes, 0),
    cachedLayers,
  };
}
