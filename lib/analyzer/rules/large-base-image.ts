import { defineRule } from '../rule';
import type { BaseImageRecord } from '../../sizes/types';
import { recordOf, variantsOf } from './helpers/runtime';
import { formatBytes } from './helpers/fixes';
import { fromRefRange, isDistrolessRef, rootStage, splitRef } from './helpers/model';

/** A smaller image is worth a finding when it saves at least this share and this many bytes. */
const MIN_SHARE = 0.2;
const MIN_BYTES = 20e6;

const RELEASES = ['bookworm', 'trixie', 'bullseye', 'noble', 'jammy', 'focal'];

/** The name to suggest: the variant's shortest alias, preferring one that keeps the user's version word. */
function suggestedName(variant: BaseImageRecord, userRef: string): string {
  const userTag = splitRef(userRef).tag ?? '';
  const first = userTag.split('-')[0];
  const names = [variant.ref, ...variant.aliases].filter((n) => !n.includes('latest'));
  const keeping = names.filter((n) => (splitRef(n).tag ?? '').startsWith(first));
  // A tag that names its Debian release (python:3.11-bookworm) keeps naming it: the bare alias
  // follows the newest release and would change the OS under the learner.
  const release = RELEASES.find((r) => userTag.includes(r));
  const sameRelease = release
    ? keeping.filter((n) => (splitRef(n).tag ?? '').includes(release))
    : [];
  return (sameRelease.length > 0 ? sameRelease : keeping.length > 0 ? keeping : names).sort(
    (a, b) => a.length - b.length || a.localeCompare(b),
  )[0];
}

export const largeBaseImage = defineRule({
  id: 'large-base-image',
  technique: 'base-image',
  severity: 'warning',
  lesson: 'base-image',
  message:
    'The final image starts from a large base when a smaller variant of the same image runs the same thing. Switch to the smaller variant.',
  check: (image) => {
    const root = rootStage(image.target);
    const ref = root.baseRef;
    if (ref.includes('$') || isDistrolessRef(ref)) return [];
    const current = recordOf(ref, image.cache);
    if (!current) return [];
    // Same libc only: a drop-in change (Alpine's musl breaks some binaries and Python wheels).
    // Same release first: python:3.11-bookworm → python:3.11-slim-bookworm, not a trixie image.
    const sameLibc = variantsOf(current, image.cache).filter((v) => v.libc === current.libc);
    const variant =
      sameLibc.find((v) => v.osRelease !== undefined && v.osRelease === current.osRelease) ??
      sameLibc[0];
    if (!variant) return [];
    const saved = current.uncompressedBytes - variant.uncompressedBytes;
    if (saved < MIN_BYTES || saved < current.uncompressedBytes * MIN_SHARE) return [];
    const name = suggestedName(variant, ref);
    const range = fromRefRange(image, root);
    const isRefToken =
      root.baseRefRange !== undefined ||
      (range.start.line === range.end.line &&
        image.lines[range.start.line].slice(range.start.character, range.end.character) === ref);
    return [
      {
        range,
        savedBytes: saved,
        message: `${ref} is ${formatBytes(current.uncompressedBytes)}; ${name} is ${formatBytes(variant.uncompressedBytes)} and runs the same ${current.runtimes.python ? `Python ${current.runtimes.python.split('.').slice(0, 2).join('.')}` : current.runtimes.node ? `Node ${current.runtimes.node.split('.')[0]}` : 'release'}. Switch to it (install the few packages you need on top).`,
        fix: isRefToken
          ? {
              title: `Use ${name} (${formatBytes(variant.uncompressedBytes)})`,
              edits: [{ range, newText: name }],
            }
          : undefined,
      },
    ];
  },
});
