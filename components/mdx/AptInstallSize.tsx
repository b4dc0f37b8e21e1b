import { formatBytes } from '@/lib/format';
import { aptInstallClosure, aptInstalledBytes, aptTableInfo } from '@/lib/sizes';
import { imageRow } from './base-image-data';

export interface AptInstallSizeProps {
  /** The image the packages are installed on, e.g. "python:3.11-slim-bookworm". */
  image: string;
  packages: string[];
  /** Install Recommends too (apt's default); false = `--no-install-recommends`. */
  recommends?: boolean;
}

/**
 * What `apt-get install packages` adds to `image`, in running prose: the dependency closure from
 * the Debian/Ubuntu package index, minus what the image already has, each package with dpkg's
 * info files for it (`aptInstalledBytes`): the figure the workbench's layer breakdown shows for
 * that install. (The layer also holds dpkg's database rewrite; LayerFigure prints the whole layer.)
 * Throws when the image has no apt table or a package is unknown, so the lesson cannot print
 * a guess.
 */
export function AptInstallSize({ image, packages, recommends = false }: AptInstallSizeProps) {
  const { record } = imageRow(image);
  const release = record.aptRelease;
  if (!release || !record.packages) throw new Error(`${image} has no apt package list`);
  const closure = aptInstallClosure(release, packages, {
    recommends,
    installed: new Set(record.packages),
    excludesDocs: record.excludesDocs,
  });
  if (closure.unknown.length > 0) {
    throw new Error(`apt table for ${release} lacks ${closure.unknown.join(', ')}`);
  }
  const bytes = aptInstalledBytes(closure);
  const info = aptTableInfo(release);
  const title =
    `${closure.packages.length} packages added to ${record.ref}: ` +
    `${info.source}, ${info.generatedOn}`;
  return (
    <data value={bytes} title={title}>
      {formatBytes(bytes)}
    </data>
  );
}
