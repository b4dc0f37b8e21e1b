import { defineRule } from '../rule';
import type { Layer } from '../model-types';
import { formatBytes } from './helpers/fixes';
import { addsUnder, lineOf, pathUnder, shippedLayers } from './helpers/model';

/** Bytes `layer` deletes from each earlier shipped layer (model's record, else whole entries under deleted paths). */
function removedFromEarlier(layer: Layer, earlier: Layer[]): { layer: Layer; bytes: number }[] {
  if (layer.removedFrom) {
    const byLayer = new Map<Layer, number>();
    for (const r of layer.removedFrom) {
      if (earlier.includes(r.layer)) byLayer.set(r.layer, (byLayer.get(r.layer) ?? 0) + r.bytes);
    }
    return [...byLayer].map(([l, bytes]) => ({ layer: l, bytes }));
  }
  return earlier.map((l) => {
    const whole = addsUnder(l, layer.deletes).reduce((n, e) => n + e.bytes, 0);
    // Part of a copied folder deleted: the earlier layer's wasted bytes bound what went.
    const partial = l.adds.some((e) => layer.deletes.some((d) => pathUnder(d.replace(/\/\*$/, ''), e.path) && d !== e.path));
    return { layer: l, bytes: Math.max(whole, partial ? l.wastedBytes : 0) };
  });
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
    return layers.flatMap((layer, i) => {
      if (layer.step.kind !== 'RUN' || layer.deletes.length === 0) return [];
      const earlier = removedFromEarlier(layer, layers.slice(0, i)).filter((x) => x.bytes > 0);
      if (earlier.length === 0) return [];
      const saved = earlier.reduce((n, x) => n + x.bytes, 0);
      const where = earlier.map((x) => `line ${lineOf(x.layer.step)}`).join(', ');
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
