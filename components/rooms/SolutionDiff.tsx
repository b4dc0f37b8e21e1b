'use client';
/**
 * A learner's completed solution beside the lesson's reference, in the workbench's diff view,
 * with both analyses. Loaded with next/dynamic: Monaco and the analyzer only load when opened.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { lessons } from '@/content/lessons/generated';
import { analyze } from '@/lib/analyzer';
import type { Report } from '@/lib/analyzer/types';
import { formatBytes } from '@/lib/lessons/format';
import { projectContext, type Lesson } from '@/lib/lessons/types';
import DiffView from '../workbench/DiffView';
import { preloadMonaco } from '../workbench/EditorPane';
import type { Monaco } from '../workbench/monaco-setup';
import { useSiteTheme } from '../workbench/theme';
import type { WorkbenchFiles } from '../workbench/types';

/** The report of `files` in the lesson's project; `undefined` when the analyzer fails. */
export function analysisOf(files: WorkbenchFiles, lesson?: Lesson): Report | undefined {
  try {
    return analyze({
      dockerfile: files.dockerfile,
      dockerignore: files.dockerignore,
      context: projectContext(lesson?.project ?? { name: 'room', description: '', files: [] }),
    });
  } catch {
    return undefined;
  }
}

/** Size, score and findings of a report, as one short list. */
export function AnalysisSummary({ title, report }: { title: string; report?: Report }) {
  return (
    <div>
      <h3 style={{ fontSize: '1rem', margin: '0 0 var(--space-1)' }}>{title}</h3>
      {report ? (
        <ul style={{ margin: 0 }}>
          <li>Estimated size: {formatBytes(report.size.bytes)}</li>
          <li>Score: {report.score.score}/100</li>
          <li>
            {report.findings.length === 0
              ? 'No findings'
              : `${report.findings.length} ${report.findings.length === 1 ? 'finding' : 'findings'}: ${report.findings
                  .map((f) => f.rule)
                  .join(', ')}`}
          </li>
        </ul>
      ) : (
        <p className="muted">This text could not be analysed.</p>
      )}
    </div>
  );
}

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
          yours={yours}
          reference={reference}
          theme={theme}
        />
      ) : (
        <p className="muted">Loading the editor…</p>
      )}
    </div>
  );
}
