'use client';
/**
 * Two versions of the learner's files side by side in Monaco's diff editor, read-only: the
 * workbench's "yours vs. the reference" and a shared solution's "Compare with mine". Falls back
 * to inline when the space is narrow (Monaco decides). The owner may follow the cursor of the
 * left side and the computed changes (for "take this line").
 */
import { useEffect, useRef, useState } from 'react';
import type { LineChange } from '@/lib/gallery';
import type { FileTab } from './EditorPane';
import type { Monaco } from './monaco-setup';
import type { SiteTheme } from '../theme';
import type { WorkbenchFiles } from './types';
import styles from './workbench.module.css';

export interface DiffViewProps {
  monaco: Monaco;
  instanceId: string;
  /** Left side. */
  original: WorkbenchFiles;
  /** Right side. */
  modified: WorkbenchFiles;
  /** Headings of the two sides, left then right. */
  labels: [string, string];
  ariaLabel: string;
  theme: SiteTheme;
  /** 1-based line of the cursor on the left side, as it moves (Dockerfile tab only). */
  onOriginalCursor?: (line: number) => void;
  /** The Dockerfile changes each time Monaco has computed the diff (original = left side). */
  onDiffUpdate?: (changes: LineChange[]) => void;
  /** Which file the diff shows, when the learner switches. */
  onFileChange?: (file: FileTab) => void;
}

export default function DiffView({
  monaco,
  instanceId,
  original,
  modified,
  labels,
  ariaLabel,
  theme,
  onOriginalCursor,
  onDiffUpdate,
  onFileChange,
}: DiffViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [file, setFile] = useState<FileTab>('dockerfile');
  const callbacks = useRef({ onOriginalCursor, onDiffUpdate });
  useEffect(() => {
    callbacks.current = { onOriginalCursor, onDiffUpdate };
  });

  const [leftLabel, rightLabel] = labels;
  const originalText = original[file];
  const modifiedText = modified[file];
  useEffect(() => {
    if (!hostRef.current) return;
    const language = file === 'dockerfile' ? 'dockerfile' : 'dockerignore';
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const left = monaco.editor.createModel(
      originalText,
      language,
      monaco.Uri.parse(`inmemory://layerlab/${instanceId}/diff-${stamp}/original-${file}`),
    );
    const right = monaco.editor.createModel(
      modifiedText,
      language,
      monaco.Uri.parse(`inmemory://layerlab/${instanceId}/diff-${stamp}/modified-${file}`),
    );
    const diff = monaco.editor.createDiffEditor(hostRef.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      // Side by side down to a phone-ish width (Monaco's default switches to inline below 900 px).
      renderSideBySideInlineBreakpoint: 480,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      lineNumbersMinChars: 3,
      fontSize: 13,
      ariaLabel,
    });
    diff.setModel({ original: left, modified: right });
    // The two editors inside are what a screen reader lands on: each says which side it is.
    // Monaco 0.57 drops `originalAriaLabel`/`modifiedAriaLabel` (its option sync sets an empty
    // label whenever the layout changes), so the label is put back after every change.
    const labelled = [
      keepAriaLabel(diff.getOriginalEditor(), `${leftLabel} (read only)`),
      keepAriaLabel(diff.getModifiedEditor(), `${rightLabel} (read only)`),
    ];
    const isDockerfile = file === 'dockerfile';
    const cursor = diff.getOriginalEditor().onDidChangeCursorPosition((event) => {
      if (isDockerfile) callbacks.current.onOriginalCursor?.(event.position.lineNumber);
    });
    const updated = diff.onDidUpdateDiff(() => {
      if (isDockerfile) callbacks.current.onDiffUpdate?.(diff.getLineChanges() ?? []);
    });
    return () => {
      for (const listener of labelled) listener.dispose();
      cursor.dispose();
      updated.dispose();
      diff.dispose();
      left.dispose();
      right.dispose();
    };
  }, [monaco, instanceId, originalText, modifiedText, file, ariaLabel, leftLabel, rightLabel]);

  useEffect(() => {
    // The names monaco-setup.ts defines (imported as values they would pull Monaco into this chunk).
    monaco.editor.setTheme(theme === 'dark' ? 'layerlab-dark' : 'layerlab-light');
  }, [monaco, theme]);

  const ignoreDiffers = original.dockerignore !== modified.dockerignore;
  return (
    <div className={styles.diff}>
      <div className={styles.diffHead}>
        <span className={styles.diffSide}>{labels[0]}</span>
        <span className={styles.diffSide}>{labels[1]}</span>
      </div>
      {(ignoreDiffers || file === 'dockerignore') && (
        <div role="group" aria-label="Compare file" className={styles.diffSwitch}>
          <button
            type="button"
            className={styles.smallButton}
            aria-pressed={file === 'dockerfile'}
            onClick={() => {
              setFile('dockerfile');
              onFileChange?.('dockerfile');
            }}
          >
            Compare Dockerfile
          </button>
          <button
            type="button"
            className={styles.smallButton}
            aria-pressed={file === 'dockerignore'}
            onClick={() => {
              setFile('dockerignore');
              onFileChange?.('dockerignore');
            }}
          >
            Compare .dockerignore
          </button>
        </div>
      )}
      <div ref={hostRef} className={styles.diffHost} data-testid="diff-view" />
    </div>
  );
}

type InnerEditor = ReturnType<
  ReturnType<Monaco['editor']['createDiffEditor']>['getOriginalEditor']
>;

/** Sets `label` as the editor's accessible name now and again whenever its options change. */
function keepAriaLabel(editor: InnerEditor, label: string): { dispose(): void } {
  const apply = () => {
    if (editor.getRawOptions().ariaLabel !== label) editor.updateOptions({ ariaLabel: label });
  };
  apply();
  return editor.onDidChangeConfiguration(apply);
}
