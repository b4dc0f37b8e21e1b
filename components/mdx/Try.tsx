import type { ReactNode } from 'react';
import styles from './mdx.module.css';

/** The "now you" moment at the end of a lesson's explanation. */
export function Try({ title = 'Your turn', children }: { title?: string; children: ReactNode }) {
  return (
    <section className={styles.try} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
