import { formatBytes } from '@/lib/format';
import { APK_PIP } from '@/lib/sizes';

/** Figures the size tables hold that no layer of a lesson shows, each with where it comes from. */
function figures(): Record<DataFigureName, { bytes: number; source: string }> {
  const numpy = APK_PIP.pip.packages.find((p) => p.name === 'numpy');
  const express = APK_PIP.caches.npm.find((c) => c.install.startsWith('npm install express'));
  if (!numpy?.wheelBytes || !express) throw new Error('DataFigure: the size tables changed');
  const measured = `the size tables, collected ${APK_PIP.collectedOn}`;
  return {
    'apt-lists-bookworm-unpacked': {
      bytes: APK_PIP.aptLists.bookwormUncompressed,
      source: `Debian 12 package lists, uncompressed: ${measured}`,
    },
    'numpy-wheel': {
      bytes: numpy.wheelBytes,
      source: `numpy ${numpy.version} wheel, what pip caches: ${measured}`,
    },
    'npm-cache-express': {
      bytes: express.cacheBytes,
      source: `${express.install}: npm's cache, measured ${express.measuredOn}`,
    },
    'npm-node-modules-express': {
      bytes: express.nodeModulesBytes,
      source: `${express.install}: node_modules, measured ${express.measuredOn}`,
    },
  };
}

export type DataFigureName =
  'apt-lists-bookworm-unpacked' | 'numpy-wheel' | 'npm-cache-express' | 'npm-node-modules-express';

export function dataFigureBytes(name: DataFigureName): number {
  return figures()[name].bytes;
}

/**
 * A figure from the size tables the analyzer estimates with, in running prose, so the lesson
 * prints the number the model uses rather than a copy of it.
 */
export function DataFigure({ name }: { name: DataFigureName }) {
  const { bytes, source } = figures()[name];
  return (
    <data value={bytes} title={source}>
      {formatBytes(bytes)}
    </data>
  );
}
