/**
 * Layers: each RUN, COPY and ADD makes one; what it adds is read back from the stage's simulated
 * file system when the step ends, and what a later step deletes or overwrites is counted as waste
 * of the layer that added it.
 */
import type { CopyStep, Layer, RunStep, Stage } from '../model-types';
import { sum, type SimEntry } from '../sim-fs';
import type { StageState } from '../effects';

/** A new, empty layer for a step of `stage`. */
export function newLayer(step: RunStep | CopyStep, stage: Stage): Layer {
  return {
    step,
    stage,
    sizeBytes: 0,
    wastedBytes: 0,
    items: [],
    adds: [],
    deletes: [],
    isShipped: stage.isShipped,
  };
}

/** Waste counts when it is deleted in the layer's own stage or in a stage that ships. */
export function accountWaste(owner: Layer, bytes: number, by: Stage): void {
  if (owner.stage === by || by.isShipped) owner.wastedBytes += bytes;
}

/** Drops earlier entries at these exact paths (overwritten), counting them as waste. */
export function overwritePaths(
  state: StageState,
  set: Set<string>,
  layer: Layer,
  stage: Stage,
): void {
  if (!set.size) return;
  state.fs.overwrite(set, (e, bytes) => {
    if (e.layer !== layer) accountWaste(e.layer, bytes, stage);
  });
}

/** The layer's size and items, from what the step left in the file system. */
export function finishLayer(layer: Layer, state: StageState): void {
  const adds = state.fs.byLayer(layer);
  layer.adds = adds;
  layer.sizeBytes = sum(adds);
  const items = new Map<string, { label: string; bytes: number; kind: SimEntry['kind'] }>();
  for (const e of adds) {
    const it = items.get(e.item);
    if (it) it.bytes += e.bytes;
    else items.set(e.item, { label: e.item, bytes: e.bytes, kind: e.kind });
  }
  layer.items = [...items.values()];
  // Recommended packages the same RUN removed again (purge, autoremove) cost nothing here.
  if (layer.recommendsOnly && layer.recommendsBytes !== undefined) {
    const left = new Set(adds.map((e) => e.pkg));
    let gone = 0;
    for (const [name, bytes] of layer.recommendsOnly) if (!left.has(name)) gone += bytes;
    if (gone > 0) layer.recommendsBytes = Math.max(0, layer.recommendsBytes - gone);
  }
}
