'use client';
import { memo } from 'react';
import type { Report } from '@/lib/analyzer';
import { formatBytes } from '@/lib/format';
import { formatChange } from './format';
import styles from './workbench.module.css';

const CONFIDENCE_TEXT = {
  high: 'High: within ±10 %, every part comes from measured data.',
  medium: 'Medium: within ±25 %, some parts are estimated.',
  low: 'Low: may be off by more than 25 %, important parts could not be sized.',
} as const;

interface SizePanelProps {
  report: Report | undefined;
  /** Estimated size of the starting Dockerfile's image, when known. */
  startBytes: number | undefined;
  /** Sequence number of the analysis shown, for scripts that wait for a fresh estimate. */
  seq: number | undefined;
  isStale: boolean;
  /** Worker time of the analysis shown (analyze + goals + syntax check), for the bench. */
  elapsedMs?: number;
}

/** The headline: estimated image size, change vs. the start, pull size, confidence and provenance. */
function SizePanel({ report, startBytes, seq, isStale, elapsedMs }: SizePanelProps) {
  if (!report) {
    return (
      <section className={styles.panel} aria-labelledby="wb-size-h" aria-busy="true">
        <h2 id="wb-size-h" className={styles.panelTitle}>
          Estimated size
        </h2>
        <p className={styles.bigNumber}>Analysing…</p>
      </section>
    );
  }
  const { size, base } = report;
  const change = startBytes !== undefined ? formatChange(startBytes, size.bytes) : undefined;
  return (
    <section className={styles.panel} aria-labelledby="wb-size-h">
      <h2 id="wb-size-h" className={styles.panelTitle}>
        Estimated size
      </h2>
      <p
        className={styles.bigNumber}
        data-testid="estimated-size"
        data-bytes={Math.round(size.bytes)}
        data-seq={seq}
        data-stale={isStale ? 'true' : 'false'}
        data-analysis-ms={elapsedMs === undefined ? undefined : Math.round(elapsedMs)}
      >
        {formatBytes(size.bytes)}
      </p>
      {change && (
        <p className={`${styles.change} ${styles[`change_${change.direction}`]}`}>
          <span aria-hidden="true">{change.text}</span>
          <span className={styles.srOnly}>{change.label}</span>
          {change.direction !== 'same' && (
            <span className={styles.muted}> vs. the start ({formatBytes(startBytes!)})</span>
          )}
        </p>
      )}
      <dl className={styles.facts}>
        <div>
          <dt>Pull size</dt>
          <dd title={size.compressedMethod}>
            {formatBytes(size.compressedBytes)} <span className={styles.muted}>compressed</span>
          </dd>
        </div>
        <div>
          <dt>Base image</dt>
          <dd>
            <code>{base.resolvedRef ?? base.ref}</code>{' '}
            {base.unsupported === 'windows' ? (
              <span className={styles.bad}>not sized: Windows images are not supported</span>
            ) : (
              <>
                {formatBytes(size.baseBytes)}
                {base.guessed && (
                  <span className={styles.bad}> (a guess: not in the measured table)</span>
                )}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Your layers</dt>
          <dd>
            {formatBytes(size.layersBytes)}
            {size.wastedBytes > 0 && (
              <span className={styles.bad}> ({formatBytes(size.wastedBytes)} wasted)</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd>
            {CONFIDENCE_TEXT[size.confidence]}
            <span className={styles.muted}>
              {' '}
              (between {formatBytes(size.sizeRange[0])} and {formatBytes(size.sizeRange[1])})
            </span>
          </dd>
        </div>
      </dl>
      <p className={`${styles.muted} ${styles.small}`}>Base image data: {base.source}</p>
      <details className={styles.details}>
        <summary>How the pull size is estimated</summary>
        <p className={styles.small}>{size.compressedMethod}</p>
      </details>
      {size.unknowns.length > 0 && (
        <details className={styles.details}>
          <summary>What it could not size ({size.unknowns.length})</summary>
          <ul className={styles.plainList}>
            {size.unknowns.map((u, i) => (
              <li key={`${u.kind}-${u.name}-${i}`}>
                {u.line !== undefined && <span className={styles.muted}>Line {u.line + 1}: </span>}
                {u.message}
                {u.assumedBytes > 0 && (
                  <span className={styles.muted}> (assumed {formatBytes(u.assumedBytes)})</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export default memo(SizePanel);
