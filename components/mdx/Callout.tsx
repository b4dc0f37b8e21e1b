import type { ReactNode } from 'react';
import styles from './mdx.module.css';

export type CalloutKind = 'trap' | 'tip' | 'measured' | 'note';

const KINDS: Record<CalloutKind, { className: string; title: string }> = {
  trap: { className: 'callout callout--danger', title: 'Trap' },
  tip: { className: 'callout callout--info', title: 'Tip' },
  measured: { className: 'callout callout--success', title: 'Measured' },
  note: { className: 'callout', title: 'Note' },
};

export interface CalloutProps {
  kind?: CalloutKind;
  /** Replaces the default heading ("Trap", "Tip", "Measured", "Note"). */
  title?: string;
  children: ReactNode;
}

/** A boxed aside in lesson prose: a trap to avoid, a tip, or a measured fact. */
export function Callout({ kind = 'note', title, children }: CalloutProps) {
  const { className, title: fallback } = KINDS[kind] ?? KINDS.note;
  const heading = title ?? fallback;
  return (
    <aside className={`${className} ${styles.callout}`} aria-label={heading}>
      <strong className={styles.calloutTitle}>{heading}</strong>
      {children}
    </aside>
  );
}
