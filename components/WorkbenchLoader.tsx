'use client';

import dynamic from 'next/dynamic';
import type { WorkbenchFiles, WorkbenchProps } from './workbench/types';

export type { WorkbenchFiles, WorkbenchProps };

/** Shown while the editor chunk (Monaco, ~1 MB) downloads. */
export function WorkbenchSkeleton({ label = 'Loading the editor…' }: { label?: string }) {
  return (
    <div className="workbench-skeleton" role="status" aria-live="polite">
      <span>{label}</span>
    </div>
  );
}

/**
 * The workbench, loaded only in the browser and only when a page shows it, so Monaco and the
 * analyzer stay out of the page's first-load JavaScript.
 */
export const WorkbenchLoader = dynamic<WorkbenchProps>(() => import('./workbench/Workbench'), {
  ssr: false,
  loading: () => <WorkbenchSkeleton />,
});
