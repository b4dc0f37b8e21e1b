import { defineRule, type RuleHit } from '../rule';
import { editDistance } from '../spelling';
import { currentOfficialNames, isOfficialName } from './helpers/images';
import { RETIRED_OFFICIAL_IMAGES } from '../../sizes/retired-official-images';

/**
 * `FROM pyhton:3.12-slim`: a one-segment name (Docker Hub's official namespace) that no official
 * image has, one or two edits from exactly one that exists. Needs the tag index (the full list of
 * official images): without it the rule stays silent. Not for names with a registry or
 * namespace, `scratch`, a FROM built from an ARG, or a stage.
 */
const letters = (s: string) => [...s].sort().join('');
const bare = (s: string) => s.replace(/[-_.]/g, '');

/**
 * The official image `name` is most likely a misspelling of: the one name nearest to it (one
 * edit; a swap of two letters counts one), when no other is as near and it is not a retired
 * image. Two edits count only when one name starts with the other (`mariadb10`, `python3.12`);
 * in a name under five letters a changed letter does not count (`base` is a word of its own, not
 * a misspelt `bash`).
 */
export function likelyMeant(name: string, official: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  let ties = 0;
  for (const n of [...official, ...RETIRED_OFFICIAL_IMAGES]) {
    const d = editDistance(name, n, 2);
    if (d > 2 || d > bestD) continue;
    if (d < bestD) {
      best = n;
      bestD = d;
      ties = 1;
    } else ties++;
  }
  if (!best || ties !== 1 || RETIRED_OFFICIAL_IMAGES.has(best)) return undefined;
  if (bestD === 2 && !bare(name).startsWith(bare(best)) && !bare(best).startsWith(bare(name)))
    return undefined;
  if (name.length < 5 && best.length === name.length && letters(best) !== letters(name))
    return undefined;
  return best;
}

export const baseImageUnknownName = defineRule({
  id: 'base-image-unknown-name',
  technique: 'correctness',
  severity: 'warning',
  lesson: 'base-image',
  message:
    'No official image has this name, so the pull fails unless you built an image of that name yourself. Check the spelling of the image name.',
  check: (image) => {
    const official = currentOfficialNames(image.cache.baseIndex);
    if (!official) return [];
    const hits: RuleHit[] = [];
    for (const stage of image.stages) {
      const range = stage.baseRefRange;
      if (stage.baseStage || !range || stage.baseRef.includes('$')) continue;
      const written = image.lines[range.start.line]?.slice(
        range.start.character,
        range.end.character,
      );
      if (range.start.line !== range.end.line || written !== stage.baseRef) continue;
      const m = /^([a-z0-9]+(?:[._-][a-z0-9]+)*)([:@].*)?$/.exec(stage.baseRef);
      if (!m) continue;
      const name = m[1];
      if (name === 'scratch' || isOfficialName(name, image.cache.baseIndex)) continue;
      if (image.stages.some((s) => s.name?.toLowerCase() === name)) continue;
      const meant = likelyMeant(name, official);
      if (!meant) continue;
      hits.push({
        range: {
          start: range.start,
          end: { line: range.start.line, character: range.start.character + name.length },
        },
        message: `No official image is called ${name}; did you mean ${meant}? Docker pulls docker.io/library/${name}, which fails unless you built an image of that name yourself.`,
        fix: {
          title: `Use the official image ${meant}`,
          edits: [
            {
              range: {
                start: range.start,
                end: { line: range.start.line, character: range.start.character + name.length },
              },
              newText: meant,
            },
          ],
        },
      });
    }
    return hits;
  },
});
