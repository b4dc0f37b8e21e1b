import { defineRule } from '../rule';
import { resolveBaseImage } from '../../sizes/base-images';
import { EOL_AS_OF, baseImageReleases } from '../../sizes/eol';
import { fromRefRange, rootStage } from './helpers/model';

export const eolBaseImage = defineRule({
  id: 'eol-base-image',
  technique: 'base-image',
  severity: 'warning',
  lesson: 'base-image',
  message:
    'The final image is built on a release past its end of life, which gets no security fixes. Move to a supported release.',
  check: (image) => {
    const root = rootStage(image.target);
    const ref = root.baseRef;
    if (ref.includes('$')) return [];
    // A measured record tells what the tag does not (node:16 was built on buster); a guessed
    // stand-in would tell about another image, so only exact matches count.
    const resolved = resolveBaseImage(ref, image.cache.baseIndex);
    const record = resolved?.isExact ? resolved.record : undefined;
    const past = baseImageReleases(ref, record).filter((r) => r.isEol);
    if (past.length === 0) return [];
    const what = past.map((r) => `${r.label} (end of life ${r.eol})`).join(' and ');
    const to = past
      .map((r) => r.successor)
      .filter(Boolean)
      .join(', ');
    return [
      {
        range: fromRefRange(image, root),
        message: `${ref} is built on ${what}, which ${past.length > 1 ? 'get' : 'gets'} no more security fixes (dates as of ${EOL_AS_OF}). Move to a supported release${to ? `, such as ${to}` : ''}.`,
      },
    ];
  },
});
