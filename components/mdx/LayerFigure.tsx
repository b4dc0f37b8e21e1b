import { analyze } from '@/lib/analyzer';
import type { LayerItem } from '@/lib/analyzer';
import { formatBytes } from '@/lib/format';
import { projectContext } from '@/lib/lessons';
import { lessons } from '@/content/lessons/generated';

export interface LayerFigureProps {
  /** Lesson slug whose project the Dockerfile is built against. */
  lesson: string;
  /** Which of the lesson's Dockerfiles. */
  dockerfile: 'start' | 'solution';
  /** 1-based line of the RUN/COPY whose layer to measure, as the editor shows it. */
  line: number;
  /** Only these parts of the layer (e.g. 'npm' for node_modules); all of it when unset. */
  kind?: LayerItem['kind'];
}

/**
 * The bytes the workbench shows for one layer of a lesson's Dockerfile, in running prose: the
 * same analyze() over the same project, so the prose and the layer chart cannot disagree.
 * Throws when the line has no layer (or none of `kind`), so a stale figure fails the build.
 */
export function layerFigureBytes({ lesson, dockerfile, line, kind }: LayerFigureProps): number {
  const found = lessons.find((l) => l.slug === lesson);
  if (!found) throw new Error(`LayerFigure: no lesson ${lesson}`);
  const report = analyze({
    dockerfile: dockerfile === 'start' ? found.startDockerfile : found.solutionDockerfile,
    dockerignore:
      (dockerfile === 'start' ? found.startDockerignore : found.solutionDockerignore) ?? '',
    context: projectContext(found.project),
  });
  const layer = report.layers.find((l) => l.line === line - 1);
  if (!layer) throw new Error(`LayerFigure: ${lesson} ${dockerfile} has no layer on line ${line}`);
  const bytes = kind
    ? layer.items.filter((i) => i.kind === kind).reduce((n, i) => n + i.bytes, 0)
    : layer.sizeBytes;
  if (bytes <= 0) throw new Error(`LayerFigure: line ${line} of ${lesson} has no ${kind} bytes`);
  return bytes;
}

export function LayerFigure(props: LayerFigureProps) {
  const bytes = layerFigureBytes(props);
  return (
    <data value={bytes} title={`The workbench's estimate for line ${props.line}`}>
      {formatBytes(bytes)}
    </data>
  );
}
