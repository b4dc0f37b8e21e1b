'use client';

import { useEffect, useRef, useState, type ComponentType } from 'react';
import { EarlyEditor } from './workbench/EarlyEditor';
import { EarlyText } from './workbench/early-text';
import type { WorkbenchFiles, WorkbenchProps } from './workbench/types';
import { onPageLeave } from './page-leave';
import { PLAIN_EDITOR_LABEL, PREFILLED_STATUS } from './workbench/prefilled-editor';
import { WorkbenchShell } from './workbench/WorkbenchShell';
import styles from './workbench/workbench.module.css';

export type { WorkbenchFiles, WorkbenchProps };

/** Shown while the editor chunk (Monaco, ~1 MB) downloads. */
export function WorkbenchSkeleton({ label = 'Loading the editor…' }: { label?: string }) {
  return (
    <div className="workbench-skeleton" role="status" aria-live="polite">
      <span>{label}</span>
    </div>
  );
}

type WorkbenchComponent = ComponentType<WorkbenchProps & { early?: EarlyText }>;

let workbenchModule: Promise<WorkbenchComponent> | undefined;
let loadedWorkbench: WorkbenchComponent | undefined;

function loadWorkbench(): Promise<WorkbenchComponent> {
  workbenchModule ??= import('./workbench/Workbench').then(
    (module) => (loadedWorkbench = module.default),
    (error: unknown) => {
      workbenchModule = undefined;
      throw error;
    },
  );
  return workbenchModule;
}

/** Autosave of what is typed before the workbench has arrived waits for this pause, as there. */
const EARLY_SAVE_DEBOUNCE_MS = 400;

/**
 * The workbench, loaded only in the browser and only when a page shows it, so Monaco and the
 * analyzer stay out of the page's first-load JavaScript. Until its chunk has arrived, an editable
 * plain-text Dockerfile stands in (not in read-only mode): the learner can type at once, and the
 * workbench, then Monaco, take over the text, the cursor and the undo history.
 */
export function WorkbenchLoader({
  prefilled,
  ...props
}: WorkbenchProps & {
  /**
   * The page's prefilled textarea (first lesson, see prefilled-editor.ts), whose text and typing
   * the plain editor takes over: shown first even when the workbench's chunk is here already.
   */
  prefilled?: HTMLTextAreaElement;
}) {
  const readOnly = props.readOnly ?? props.mode === 'share';
  const [Workbench, setWorkbench] = useState<WorkbenchComponent | undefined>(() =>
    prefilled && !readOnly ? undefined : loadedWorkbench,
  );
  const [early] = useState(() =>
    readOnly ? undefined : new EarlyText(props.initialFiles.dockerfile),
  );
  const [loadError, setLoadError] = useState<string>();
  const onFilesChangeRef = useRef(props.onFilesChange);
  useEffect(() => {
    onFilesChangeRef.current = props.onFilesChange;
  });

  useEffect(() => {
    let isCurrent = true;
    loadWorkbench().then(
      (component) => isCurrent && setWorkbench(() => component),
      (error: Error) =>
        isCurrent &&
        setLoadError(
          `The workbench could not load: ${error.message}. Reload the page to try again.`,
        ),
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  // Typed before the workbench is here: saved as the workbench would save it.
  const dockerignore = props.initialFiles.dockerignore;
  useEffect(() => {
    if (!early || Workbench) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = early.subscribe(() => {
      clearTimeout(timer);
      const files = { dockerfile: early.text, dockerignore };
      timer = setTimeout(() => {
        timer = undefined;
        onFilesChangeRef.current?.(files);
      }, EARLY_SAVE_DEBOUNCE_MS);
    });
    // Leaving the page within the delay saves at once (as the workbench does).
    const stopWatchingLeave = onPageLeave(() => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      onFilesChangeRef.current?.({ dockerfile: early.text, dockerignore });
    });
    return () => {
      stopWatchingLeave();
      unsubscribe();
      // The workbench takes over saving; what is pending is saved now rather than dropped.
      if (timer !== undefined) {
        clearTimeout(timer);
        onFilesChangeRef.current?.({ dockerfile: early.text, dockerignore });
      }
    };
  }, [early, Workbench, dockerignore]);

  if (Workbench) return <Workbench {...props} early={early} />;
  if (!early) return <WorkbenchSkeleton label={loadError} />;
  // Laid out as the workbench will be, so the editor keeps its box when the workbench arrives.
  return (
    <WorkbenchShell
      goalCount={props.goals?.length ?? 0}
      hintCount={props.hints?.length ?? 0}
      hasSolution={props.solution !== undefined}
      readOnly={readOnly}
      status={
        <p className={styles.keyHint} role="status">
          {loadError ?? PREFILLED_STATUS}
        </p>
      }
    >
      <EarlyEditor
        store={early}
        className={styles.editorFallback}
        label={PLAIN_EDITOR_LABEL}
        adopt={prefilled}
      />
    </WorkbenchShell>
  );
}
