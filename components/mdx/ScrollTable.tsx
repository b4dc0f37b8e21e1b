import type { ReactNode } from 'react';
import styles from './mdx.module.css';

/**
 * A horizontally scrollable box for a wide table: a named, focusable region, so keyboard and
 * screen-reader users can reach and scroll it.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
