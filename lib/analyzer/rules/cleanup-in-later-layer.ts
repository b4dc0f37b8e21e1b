import { defineRule } from '../rule';
import type { Layer } from '../model-types';
import { formatBytes } from './helpers/fixes';
import { LiveAdds, lineOf, shippedLayers } from './helpers/model';

/**
 * Bytes each shipped layer deletes from earlier ones, per earlier layer: the model's record when
 * it has one, else a replay of the adds (whole entries under a deleted path; for part of a copied
 * folder, the earlier layer's wasted bytes as an upper bound).
 */
function removals(layers: Layer[]): Map<Layer, Map<Layer, number>> {
  const out = new Map<Layer, Map<Layer, number>>();
  const live = new LiveAdds();
  const position = new Map(layers.map((l, i) => [l, i]));
  layers.forEach((layer, index) => {
    const removed = new Map<Layer, number>();
    const add = (l: Layer, bytes: number) => removed.set(l, (removed.get(l) ?? 0) + bytes);
    if (layer.removedFrom) {
      for (const r of layer.removedFrom)
        if (r.layer.isShipped && r.layer !== layer && (position.get(r.layer) ?? Infinity) < index)
          add(r.layer, r.bytes);
    } else if (layer.step.kind === 'RUN') {
      const partial = new Set<Layer>();
      for (const d of layer.deletes) {
        for (const a of live.take(d)) add(layers[a.index], a.bytes);
        for (const a of live.above(d.replace(/\/\*$/, ''))) partial.add(layers[a.index]);
      }
      for (const l of partial) if (!removed.has(l)) add(l, l.wastedBytes);
    }
    live.add(layer, index);
    if (removed.size > 0) out.set(layer, removed);
  });
  return out;
}

export const cleanupInLaterLayer = defineRule({
  id: 'cleanup-in-later-layer',
  technique: 'combine-run',
  severity: 'warning',
  lesson: 'combine-run',
  message:
    'This RUN deletes files an earlier layer created: they still ship inside that layer. Delete them in the same RUN that creates them.',
  check: (image) => {
    const layers = shippedLayers(image);
    if (!layers.some((l) => l.step.kind === 'RUN' && l.deletes.length > 0)) return [];
    const all = removals(layers);
    return layers.flatMap((layer) => {
      if (layer.step.kind !== 'RUN' || layer.deletes.length === 0) return [];
      const earlier = [...(all.get(layer) ?? [])].filter(([, bytes]) => bytes > 0);
      if (earlier.length === 0) return [];
      const saved = earlier.reduce((n, [, bytes]) => n + bytes, 0);
      const where = earlier.map(([l]) => `line ${lineOf(l.step)}`).join(', ');
      return [
        {
          range: layer.step.range,
          savedBytes: saved,
          message: `This RUN deletes ${formatBytes(saved)} that ${where} created: those bytes still ship in the earlier layer. Delete them in the RUN that creates them.`,
        },
      ];
    });
  },
});
