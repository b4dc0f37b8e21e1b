'use client';
/**
 * Side-by-side diff of the learner's files against the reference solution (Monaco's diff editor,
 * read-only). Falls back to inline when the space is narrow (Monaco decides).
 */
import { useEffect, useRef, useState } from 'react';
import type { FileTab } from './EditorPane';
import type { Monaco } from './monaco-setup';
import type { SiteTheme } from './theme';
import type { WorkbenchFiles } from './types';
import styles from './workbench.module.css';

interface DiffViewProps {
  monaco: Monaco;
  instanceId: string;
  yours: WorkbenchFiles;
  reference: WorkbenchFiles;
  theme: SiteTheme;
}

export default function DiffView({ monaco, instanceId, yours, reference, theme }: DiffViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [file, setFile] = useState<FileTab>('dockerfile');

  useEffect(() => {
    if (!hostRef.current) return;
    const language = file === 'dockerfile' ? 'dockerfile' : 'dockerignore';
    const stamp = Date.now();
    const original = monaco.editor.createModel(
      yours[file],
      language,
      monaco.Uri.parse(`inmemory://layerlab/${instanceId}/diff-${stamp}/yours-${file}`),
    );
    const modified = monaco.editor.createModel(
      reference[file],
      language,
      monaco.Uri.parse(`inmemory://layerlab/${instanceId}/diff-${stamp}/reference-${file}`),
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
      ariaLabel: 'Your file compared with the reference solution',
    });
    diff.setModel({ original, modified });
    return () => {
      diff.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [monaco, instanceId, yours, reference, file]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'layerlab-dark' : 'layerlab-light');
  }, [monaco, theme]);

  const ignoreDiffers = yours.dockerignore !== reference.dockerignore;
  return (
    <div className={styles.diff}>
      <div className={styles.diffHead}>
        <span className={styles.diffSide}>Yours</span>
        <span className={styles.diffSide}>Reference solution</span>
      </div>
      {(ignoreDiffers || file === 'dockerignore') && (
        <div role="group" aria-label="Compare file" className={styles.diffSwitch}>
          <button
            type="button"
            className={styles.smallButton}
            aria-pressed={file === 'dockerfile'}
            onClick={() => setFile('dockerfile')}
          >
            Compare Dockerfile
          </button>
          <button
            type="button"
            className={styles.smallButton}
            aria-pressed={file === 'dockerignore'}
            onClick={() => setFile('dockerignore')}
          >
            Compare .dockerignore
          </button>
        </div>
      )}
      <div ref={hostRef} className={styles.diffHost} />
    </div>
  );
}
