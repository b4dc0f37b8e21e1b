'use client';
/**
 * "Compare with mine": a shared solution beside the learner's draft in the workbench's DiffView, with
 * both analyses (size, layers, findings). "Take this line" copies the line under the cursor of the
 * shared side into the draft, only after the learner confirms. Loaded with next/dynamic.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { analyze } from '@/lib/analyzer';
import type { Report } from '@/lib/analyzer';
import { takeLine, type LineChange, type TakeLine } from '@/lib/gallery';
import { formatBytes } from '@/lib/format';
import { projectContext, type Lesson } from '@/lib/lessons';
import { ConfirmDialog } from '../ConfirmDialog';
import { WorkbenchSkeleton } from '../WorkbenchLoader';
import DiffView from '../workbench/DiffView';
import { preloadMonaco } from '../workbench/EditorPane';
import type { Monaco } from '../workbench/monaco-setup';
import { useSiteTheme } from '../theme';
import type { WorkbenchFiles } from '../workbench/types';

export interface CompareViewProps {
  lesson?: Pick<Lesson, 'project'>;
  /** Fallback build context when there is no lesson (playground links). */
  projectFiles?: Lesson['project']['files'];
  shared: WorkbenchFiles;
  draft: WorkbenchFiles;
  /** Applies a confirmed change to the draft (the caller saves it). */
  onDraftChange: (dockerfile: string) => void;
}

function analysisOf(files: WorkbenchFiles, props: CompareViewProps): Report | undefined {
  try {
    const files_ = props.lesson?.project.files ?? props.projectFiles ?? [];
    return analyze({
      dockerfile: files.dockerfile,
      dockerignore: files.dockerignore,
      context: projectContext({ name: 'compare', description: '', files: files_ }),
    });
  } catch {
    return undefined;
  }
}

export default function CompareView(props: CompareViewProps) {
  const { shared, draft, onDraftChange } = props;
  const instanceId = useId().replace(/[^a-zA-Z0-9]/g, '');
  const theme = useSiteTheme();
  const [monaco, setMonaco] = useState<Monaco>();
  const [cursorLine, setCursorLine] = useState(1);
  const [changes, setChanges] = useState<LineChange[]>();
  const [isDockerfile, setDockerfile] = useState(true);
  const [pending, setPending] = useState<TakeLine>();
  const [notice, setNotice] = useState('');

  const sharedReport = useMemo(() => analysisOf(shared, props), [shared]); // eslint-disable-line react-hooks/exhaustive-deps -- the project never changes while open
  const draftReport = useMemo(() => analysisOf(draft, props), [draft]); // eslint-disable-line react-hooks/exhaustive-deps -- as above

  useEffect(() => {
    let isDisposed = false;
    void preloadMonaco().then(({ setupMonaco }) => {
      if (!isDisposed) setMonaco(setupMonaco());
    });
    return () => {
      isDisposed = true;
    };
  }, []);

  // A new draft (after "take this line") is a new diff: wait for Monaco's answer before proposing.
  useEffect(() => setChanges(undefined), [draft.dockerfile]);

  const proposal =
    changes && isDockerfile
      ? takeLine(shared.dockerfile, draft.dockerfile, changes, cursorLine)
      : undefined;

  return (
    <section aria-labelledby="compare-title" className="compare">
      <h2 id="compare-title">Compared with your draft</h2>
      {monaco ? (
        <DiffView
          monaco={monaco}
          instanceId={instanceId}
          original={shared}
          modified={draft}
          labels={['Shared solution', 'Your draft']}
          ariaLabel="The shared Dockerfile (left) compared with your draft (right)"
          theme={theme}
          onOriginalCursor={setCursorLine}
          onDiffUpdate={setChanges}
          onFileChange={(file) => setDockerfile(file === 'dockerfile')}
        />
      ) : (
        <WorkbenchSkeleton label="Loading the comparison…" />
      )}
      <div className="button-row" style={{ marginTop: 'var(--space-2)' }}>
        <button
          type="button"
          className="button"
          disabled={!proposal || proposal.kind === 'same'}
          onClick={() => proposal && proposal.kind !== 'same' && setPending(proposal)}
        >
          Take this line
        </button>
        <span className="muted">
          {!isDockerfile
            ? 'Taking a line works on the Dockerfile.'
            : !proposal
              ? 'Working out the differences…'
              : proposal.kind === 'same'
                ? `Put the cursor on a changed line of the shared side (line ${cursorLine} is already in your draft).`
                : `Line ${cursorLine} of the shared solution: “${proposal.line.trim()}”.`}
        </span>
      </div>
      <p role="status" className="muted">
        {notice}
      </p>
      <div className="compare__reports">
        <ReportSummary title="Shared solution" report={sharedReport} />
        <ReportSummary title="Your draft" report={draftReport} />
      </div>
      <ConfirmDialog
        isOpen={pending !== undefined}
        title="Change your draft?"
        confirmLabel={pending?.kind === 'replace' ? 'Replace the line' : 'Insert the line'}
        cancelLabel="Keep my draft"
        onConfirm={() => {
          if (pending && pending.kind !== 'same') {
            onDraftChange(pending.text);
            setNotice(
              pending.kind === 'replace'
                ? `Line ${pending.draftLine} of your draft was replaced.`
                : `The line was inserted after line ${pending.draftLine} of your draft.`,
            );
          }
          setPending(undefined);
        }}
        onCancel={() => setPending(undefined)}
      >
        {pending && pending.kind === 'replace' ? (
          <p>
            Line {pending.draftLine} of your draft, <code>{pending.replaced}</code>, becomes{' '}
            <code>{pending.line}</code>.
          </p>
        ) : pending && pending.kind === 'insert' ? (
          <p>
            <code>{pending.line}</code> is inserted after line {pending.draftLine} of your draft.
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

function ReportSummary({ title, report }: { title: string; report?: Report }) {
  if (!report) {
    return (
      <div className="compare__report">
        <h3>{title}</h3>
        <p>The analysis could not run on this text.</p>
      </div>
    );
  }
  const shipped = report.layers.filter((layer) => layer.isShipped);
  return (
    <div className="compare__report" data-testid="compare-report" data-bytes={report.size.bytes}>
      <h3>{title}</h3>
      <p>
        <strong>{formatBytes(report.size.bytes)}</strong> estimated · score {report.score.score} ·{' '}
        {shipped.length} shipped {shipped.length === 1 ? 'layer' : 'layers'}
      </p>
      {report.findings.length === 0 ? (
        <p className="muted">No findings.</p>
      ) : (
        <ul>
          {report.findings.map((finding, i) => (
            <li key={`${finding.rule}-${i}`}>
              <code>{finding.rule}</code> (line {finding.range.start.line + 1})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
