'use client';

import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import type { Lesson } from '@/lib/lessons';
import { PLAYGROUND_DRAFT, saveDraft } from '@/lib/progress';
import { useProgress } from '../useProgress';
import { WorkbenchSkeleton } from '../WorkbenchLoader';
import type { WorkbenchFiles } from '../workbench/types';
import type { CompareViewProps } from './CompareView';

const CompareView = dynamic<CompareViewProps>(() => import('./CompareView'), {
  ssr: false,
  loading: () => <WorkbenchSkeleton label="Loading the comparison…" />,
});

/**
 * The "Compare with mine" button of a shared solution and, once pressed, the diff against the
 * learner's draft for the same lesson (or the lesson's start when there is no draft yet). Changes
 * reach the draft only through the confirmed "Take this line".
 */
export function CompareWithMine({
  lesson,
  projectFiles,
  shared,
}: {
  lesson?: Lesson;
  projectFiles?: Lesson['project']['files'];
  shared: WorkbenchFiles;
}) {
  const { progress, update } = useProgress();
  const [isOpen, setOpen] = useState(false);
  const target = lesson ? lesson.slug : PLAYGROUND_DRAFT;
  const saved = progress?.drafts[target];
  const savedDockerfile = saved?.dockerfile;
  const savedDockerignore = saved?.dockerignore;
  // One object per text, so the diff is rebuilt only when the draft really changes.
  const draft: WorkbenchFiles = useMemo(
    () =>
      savedDockerfile !== undefined && savedDockerignore !== undefined
        ? { dockerfile: savedDockerfile, dockerignore: savedDockerignore }
        : lesson
          ? { dockerfile: lesson.startDockerfile, dockerignore: lesson.startDockerignore ?? '' }
          : { dockerfile: '', dockerignore: '' },
    [savedDockerfile, savedDockerignore, lesson],
  );

  return (
    <div className="compare-with-mine">
      <button
        type="button"
        className="button"
        aria-expanded={isOpen}
        disabled={!progress}
        onClick={() => setOpen((open) => !open)}
      >
        {isOpen ? 'Hide the comparison' : 'Compare with mine'}
      </button>
      {isOpen ? (
        <>
          <p className="muted">
            {saved
              ? `Your draft for ${lesson ? `“${lesson.title}”` : 'the playground'}, as last saved.`
              : 'You have no draft here yet: this is the starting Dockerfile.'}
          </p>
          <CompareView
            lesson={lesson}
            projectFiles={projectFiles}
            shared={shared}
            draft={draft}
            onDraftChange={(dockerfile) =>
              update((p) => saveDraft(p, target, { dockerfile, dockerignore: draft.dockerignore }))
            }
          />
        </>
      ) : null}
    </div>
  );
}
