'use client';
/**
 * A learner's completed solution beside the lesson's reference, in the workbench's diff view,
 * with both analyses. Loaded with next/dynamic: Monaco and the analyzer only load when opened.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { lessons } from '@/content/lessons/generated';
import DiffView from '../workbench/DiffView';
import { preloadMonaco } from '../workbench/EditorPane';
import type { Monaco } from '../workbench/monaco-setup';
import { useSiteTheme } from '../theme';
import type { WorkbenchFiles } from '../workbench/types';
import { AnalysisSummary, analysisOf } from './AnalysisSummary';

export default function SolutionDiff({
  lesson: slug,
  yours,
}: {
  lesson: string;
  yours: WorkbenchFiles;
}) {
  const lesson = lessons.find((l) => l.slug === slug);
  const reference: WorkbenchFiles = useMemo(
    () => ({
      dockerfile: lesson?.solutionDockerfile ?? '',
      dockerignore: lesson?.solutionDockerignore ?? lesson?.startDockerignore ?? '',
    }),
    [lesson],
  );
  const [monaco, setMonaco] = useState<Monaco>();
  const theme = useSiteTheme();
  const instanceId = useId().replace(/[^a-zA-Z0-9]/g, '');
  const mine = useMemo(() => analysisOf(yours, lesson), [yours, lesson]);
  const theirs = useMemo(() => analysisOf(reference, lesson), [reference, lesson]);

  useEffect(() => {
    let isCurrent = true;
    void preloadMonaco().then(({ setupMonaco }) => {
      if (isCurrent) setMonaco(setupMonaco());
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  return (
    <div>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 'var(--space-5)',
          margin: 'var(--space-3) 0',
        }}
      >
        <AnalysisSummary title="The learner’s solution" report={mine} />
        <AnalysisSummary title="Reference solution" report={theirs} />
      </div>
      {monaco ? (
        <DiffView
          monaco={monaco}
          instanceId={instanceId}
          original={yours}
          modified={reference}
          labels={['The learner’s solution', 'Reference solution']}
          ariaLabel="The learner’s file compared with the reference solution"
          theme={theme}
        />
      ) : (
        <p className="muted">Loading the editor…</p>
      )}
    </div>
  );
}
