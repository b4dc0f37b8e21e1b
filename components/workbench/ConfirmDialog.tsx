'use client';
import { useEffect, useRef } from 'react';
import styles from './workbench.module.css';

interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal confirmation on the native <dialog> (focus trap, Escape to cancel, focus restored). */
export default function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="wb-dialog-title"
      onCancel={onCancel}
      onClose={onCancel}
    >
      <h2 id="wb-dialog-title" className={styles.panelTitle}>
        {title}
      </h2>
      <div>{children}</div>
      <div className={styles.dialogActions}>
        <button type="button" className={styles.button} onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className={`${styles.button} ${styles.buttonDanger}`}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
