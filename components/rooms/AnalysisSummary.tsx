'use client';

import { analyze } from '@/lib/analyzer';
import type { Report } from '@/lib/analyzer';
import { formatBytes } from '@/lib/format';
import { projectContext, type Lesson } from '@/lib/lessons';
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
