'use client';
import { useCallback } from 'react';
import { PREFILLED_ID, prefilledEditorHtml, prefilledStatusHtml } from './prefilled-editor';
import { WorkbenchShell, type WorkbenchShellProps } from './WorkbenchShell';
import styles from './workbench.module.css';

/** Set on the textarea when it had the focus as its wrapper left the page (see below). */
export const HAD_FOCUS_ATTRIBUTE = 'data-had-focus';

/**
 * The first lesson's editor as the server renders it: the starting Dockerfile in a textarea the
 * learner can type into before any script has run (markup and hold script: prefilled-editor.ts).
 * React leaves markup given as HTML alone when it hydrates, so nothing typed is overwritten.
 */
export function PrefilledEditor({
  slug,
  text,
  ...shell
}: { slug: string; text: string } & Omit<WorkbenchShellProps, 'children' | 'status'>) {
  // The plain editor adopts the textarea in the commit that removes this wrapper, after the
  // removal: by then the page's focus has gone. React detaches a ref before it removes the node,
  // so this is the last moment to see whether the learner was typing there.
  const ref = useCallback((div: HTMLDivElement | null) => {
    if (!div) return;
    return () => {
      const el = div.querySelector('textarea');
      if (el && document.activeElement === el) el.setAttribute(HAD_FOCUS_ATTRIBUTE, '');
    };
  }, []);
  // Laid out as the workbench will be, so the editor keeps its box when the workbench arrives.
  return (
    <div ref={ref}>
      <WorkbenchShell
        {...shell}
        status={
          <div
            // A fixed status line and the hold script (prefilled-editor.ts).
            dangerouslySetInnerHTML={{ __html: prefilledStatusHtml(styles.keyHint) }}
          />
        }
      >
        <div
          style={{ display: 'contents' }}
          // Built from the lesson's own start text, escaped in prefilledEditorHtml.
          dangerouslySetInnerHTML={{
            __html: prefilledEditorHtml(slug, text, styles.editorFallback),
          }}
        />
      </WorkbenchShell>
    </div>
  );
}

/** The page's prefilled textarea for `slug`, while no editor has adopted it; else undefined. */
export function findPrefilled(slug: string): HTMLTextAreaElement | undefined {
  const el = document.getElementById(PREFILLED_ID);
  return el instanceof HTMLTextAreaElement && el.dataset.slug === slug ? el : undefined;
}
