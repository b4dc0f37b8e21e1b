'use client';
import { memo } from 'react';
import type { Report } from '@/lib/analyzer';
import { formatBytes } from '@/lib/format';
import styles from './workbench.module.css';

/** Past this many bars (a pasted monster file) the rest is summarised, to keep the page fluid. */
const MAX_BARS = 60;

interface LayerChartProps {
  report: Report | undefined;
  onReveal(line: number): void;
}

/**
 * One bar per shipped layer (plus the base image), widths relative to the largest; the wasted
 * part (bytes a later layer deletes but that still ship) is hatched and labelled.
 */
function LayerChart({ report, onReveal }: LayerChartProps) {
  if (!report) return null;
  const allShipped = report.layers.filter((l) => l.isShipped);
  const shipped = allShipped.slice(0, MAX_BARS);
  const notShipped = report.layers.filter((l) => !l.isShipped).slice(0, MAX_BARS);
  const target = report.stages.find((s) => s.isTarget);
  let root = target;
  while (root?.baseStage !== undefined) root = report.stages[root.baseStage];
  const max = Math.max(report.size.baseBytes, ...shipped.map((l) => l.sizeBytes), 1);
  const pct = (bytes: number) => `${Math.max((bytes / max) * 100, bytes > 0 ? 0.5 : 0)}%`;
  return (
    <section className={styles.panel} aria-labelledby="wb-layers-h">
      <h2 id="wb-layers-h" className={styles.panelTitle}>
        Layers in the image
      </h2>
      <p className={styles.muted}>Select a layer to show its line in the editor.</p>
      <ol className={styles.chart}>
        <li>
          <button
            type="button"
            className={styles.barButton}
            onClick={() => root && onReveal(root.range.start.line)}
          >
            <span className={styles.barLabel}>
              <span className={styles.barText}>
                FROM <code>{report.base.resolvedRef ?? report.base.ref}</code>
              </span>
              <span>{formatBytes(report.size.baseBytes)}</span>
            </span>
            <span className={styles.barTrack} aria-hidden="true">
              <span
                className={`${styles.bar} ${styles.barBase}`}
                style={{ width: pct(report.size.baseBytes) }}
              />
            </span>
          </button>
        </li>
        {shipped.map((layer) => {
          const usefulBytes = Math.max(layer.sizeBytes - layer.wastedBytes, 0);
          return (
            <li key={`${layer.stage}-${layer.line}`}>
              <button
                type="button"
                className={styles.barButton}
                onClick={() => onReveal(layer.line)}
              >
                <span className={styles.barLabel}>
                  <span className={styles.barText}>
                    <span className={styles.muted}>Line {layer.line + 1}</span>{' '}
                    <code>{layer.text}</code>
                  </span>
                  <span>
                    {formatBytes(layer.sizeBytes)}
                    {layer.wastedBytes > 0 && (
                      <span className={styles.bad}> · {formatBytes(layer.wastedBytes)} wasted</span>
                    )}
                  </span>
                </span>
                <span className={styles.barTrack} aria-hidden="true">
                  <span className={styles.bar} style={{ width: pct(usefulBytes) }} />
                  {layer.wastedBytes > 0 && (
                    <span
                      className={`${styles.bar} ${styles.barWasted}`}
                      style={{ width: pct(layer.wastedBytes) }}
                    />
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {allShipped.length > shipped.length && (
        <p className={styles.muted}>…and {allShipped.length - shipped.length} more layers.</p>
      )}
      {shipped.length === 0 && <p className={styles.muted}>No RUN, COPY or ADD layers ship yet.</p>}
      {report.size.wastedBytes > 0 && (
        <p className={styles.legend}>
          <span className={`${styles.swatch} ${styles.barWasted}`} aria-hidden="true" /> Wasted:
          added by a layer and deleted by a later one, but still shipped (
          {formatBytes(report.size.wastedBytes)} in all).
        </p>
      )}
      {notShipped.length > 0 && (
        <details className={styles.details}>
          <summary>Build-only layers, not in the image ({notShipped.length})</summary>
          <ul className={styles.plainList}>
            {notShipped.map((layer) => (
              <li key={`${layer.stage}-${layer.line}`}>
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => onReveal(layer.line)}
                >
                  Line {layer.line + 1}: {layer.text}
                </button>{' '}
                <span className={styles.muted}>{formatBytes(layer.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export default memo(LayerChart);
