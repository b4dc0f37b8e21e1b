/**
 * The workbench's editor column as it looks before its first analysis (toolbar, size line, goals,
 * file tabs, editor frame, key hint), with a plain editor in the frame. The page's prefilled
 * editor and the plain editor that waits for the workbench's chunk are shown in it, so when the
 * workbench and then Monaco take over, the editor keeps its box: same place, same size (the box
 * used to jump a screen down and shrink when the workbench arrived).
 * No Monaco and no analyzer here: this is part of the page's first-load JavaScript.
 */
import type { ReactNode } from 'react';
import GoalsPanel from './GoalsPanel';
import styles from './workbench.module.css';

/** The room the size line and layer strip take, held before the first estimate arrives. */
export function SummaryPlaceholder() {
  return (
    <div className={styles.summaryBlock} aria-hidden="true">
      <p className={styles.summary}>
        <span className={styles.summaryBig}>&nbsp;</span>
      </p>
      <div className={styles.strip}>
        <span className={styles.stripBar} />
        <span>&nbsp;</span>
      </div>
    </div>
  );
}

export interface WorkbenchShellProps {
  /** The lesson's goals (the workbench adds the implicit no-errors goal). */
  goalCount: number;
  hintCount: number;
  hasSolution: boolean;
  readOnly: boolean;
  /** The plain editor, laid out in the editor frame. */
  children: ReactNode;
  /** What shows where the workbench's key hint will be (a status line while loading). */
  status: ReactNode;
}

/** The toolbar's labels exactly as the workbench writes them, so the row has the same height. */
function toolbarLabels({ hintCount, hasSolution, readOnly }: WorkbenchShellProps): string[] {
  const labels = ['Share'];
  if (readOnly) return labels;
  labels.push('Reset');
  if (hintCount > 0) labels.push(`Show a hint (0/${hintCount})`);
  if (hasSolution) labels.push('Show solution');
  return labels;
}

export function WorkbenchShell(props: WorkbenchShellProps) {
  const { goalCount, children, status } = props;
  return (
    <div className={styles.workbench} data-testid="workbench-shell">
      <div className={styles.layout}>
        <div className={styles.editorColumn}>
          {/* Room for the toolbar: its buttons work once the workbench is here, not before. */}
          <div className={`${styles.toolbar} ${styles.shellHidden}`} aria-hidden="true">
            {toolbarLabels(props).map((label) => (
              <button key={label} type="button" className={styles.button} tabIndex={-1} disabled>
                {label}
              </button>
            ))}
          </div>
          <SummaryPlaceholder />
          <GoalsPanel goals={undefined} total={goalCount > 0 ? goalCount + 1 : 0} />
          <div className={styles.editorPane}>
            <div className={styles.tabs} aria-hidden="true">
              <span className={`${styles.tab} ${styles.shellTab} ${styles.tabShown}`}>
                Dockerfile
              </span>
              <span className={`${styles.tab} ${styles.shellTab}`}>.dockerignore</span>
            </div>
            <div className={styles.editorFrame}>{children}</div>
            {status}
          </div>
          <p className={styles.notice} />
        </div>
        {/* The panels' room (see .panelColumn): stacked under the editor, they fill it in later. */}
        <div className={styles.panelColumn} aria-hidden="true" />
      </div>
    </div>
  );
}
