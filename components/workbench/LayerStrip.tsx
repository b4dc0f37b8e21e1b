'use client';
import { memo } from 'react';
import type { Report } from '@/lib/analyzer';
import { formatBytes } from '@/lib/format';
import styles from './workbench.module.css';

/** Past this many segments (a pasted monster file) the rest is drawn as one. */
const MAX_SEGMENTS = 40;

/**
 * The compact layer chart that sits above the editor: one bar for the whole image, a segment
 * per shipped layer (the base first), the wasted part of each in the warning colour, and the
 * wasted total in words. The full chart below stays the accessible one; this is its glance.
 */
function LayerStrip({ report }: { report: Report }) {
  const total = report.size.bytes;
  if (total <= 0) return null;
  const shipped = report.layers.filter((l) => l.isShipped && l.sizeBytes > 0);
  const shown = shipped.slice(0, MAX_SEGMENTS);
  const restBytes = shipped.slice(MAX_SEGMENTS).reduce((n, l) => n + l.sizeBytes, 0);
  const pct = (bytes: number) => `${(bytes / total) * 100}%`;
  const wasted = report.size.wastedBytes;
  return (
    <div className={styles.strip} data-testid="layer-strip">
      <div className={styles.stripBar}>
        <span
          className={styles.stripBase}
          style={{ width: pct(report.size.baseBytes) }}
          title={`Base image: ${formatBytes(report.size.baseBytes)}`}
        />
        {shown.map((l, i) => (
          <span
            key={`${l.line}-${i}`}
            className={styles.stripLayer}
            style={{ width: pct(l.sizeBytes) }}
            title={`Line ${l.line + 1}: ${l.text} — ${formatBytes(l.sizeBytes)}`}
          >
            {l.wastedBytes > 0 && (
              <span
                className={styles.stripWasted}
                style={{ width: `${(l.wastedBytes / l.sizeBytes) * 100}%` }}
              />
            )}
          </span>
        ))}
        {restBytes > 0 && <span className={styles.stripLayer} style={{ width: pct(restBytes) }} />}
      </div>
      <span className={wasted > 0 ? styles.bad : styles.muted}>
        {wasted > 0 ? `${formatBytes(wasted)} wasted` : 'nothing wasted'}
      </span>
    </div>
  );
}

export default memo(LayerStrip);
