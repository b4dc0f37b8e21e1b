'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { VersionState } from '@/lib/gallery';
import { formatBytes } from '@/lib/format';
import type { Lesson } from '@/lib/lessons';
import { PLAYGROUND_DRAFT, draftDiffers, saveDraft } from '@/lib/progress';
import { ConfirmDialog } from '../ConfirmDialog';
import { lessonLabel } from '../lesson-summary';
import type { SampleProject } from '../sample-projects';
import { useProgress } from '../useProgress';
import { WorkbenchLoader } from '../WorkbenchLoader';
import type { WorkbenchFiles } from '../workbench/types';
import { CompareWithMine } from './CompareWithMine';
import { VersionNotice } from './VersionNotice';

export interface SolutionViewProps {
  /** The short-link ID when opened as `/s/ID`; undefined for a fragment link. */
  id?: string;
  lesson?: Lesson;
  isUnknownLesson: boolean;
  playgroundSample?: SampleProject;
  files: WorkbenchFiles;
  versionState: VersionState;
  /** Worked out on the server against the lesson as it is now (short links only). */
  figures?: { startBytes: number; bytes: number };
}

/**
 * A shared solution, from a short link or a fragment link: read-only with its analysis (worked
 * out in the browser), the lesson-version notice, "Compare with mine", "Try it in my editor"
 * (which asks before replacing a different draft) and, for a short link, its card.
 */
export function SolutionView({
  id,
  lesson,
  isUnknownLesson,
  playgroundSample,
  files,
  versionState,
  figures,
}: SolutionViewProps) {
  const router = useRouter();
  const { progress, update } = useProgress();
  const [isConfirming, setConfirming] = useState(false);
  const target = lesson ? lesson.slug : PLAYGROUND_DRAFT;
  const targetHref = lesson ? `/lessons/${lesson.slug}` : '/playground';
  const targetName = lesson ? `“${lesson.title}”` : 'the playground';
  const project = lesson
    ? { name: lesson.project.name, files: lesson.project.files }
    : { name: playgroundSample?.name ?? 'empty', files: playgroundSample?.files ?? [] };
  const startFiles = lesson
    ? { dockerfile: lesson.startDockerfile, dockerignore: lesson.startDockerignore ?? '' }
    : playgroundSample
      ? {
          dockerfile: playgroundSample.startDockerfile,
          dockerignore: playgroundSample.startDockerignore,
        }
      : files;

  const load = () => {
    update((p) => saveDraft(p, target, files));
    router.push(targetHref);
  };

  return (
    <div>
      <header className="lesson-header">
        <p className="lesson-header__eyebrow">
          Shared solution{lesson ? ` · ${lessonLabel(lesson)}` : ''}
          {id ? (
            <>
              {' '}
              · <code>/s/{id}</code>
            </>
          ) : null}
        </p>
        <h1 style={{ marginTop: 0 }}>{lesson ? lesson.title : 'A shared Dockerfile'}</h1>
        <p className="lesson-header__summary">
          {figures && figures.startBytes > figures.bytes
            ? `From ${formatBytes(figures.startBytes)} to ${formatBytes(figures.bytes)}. `
            : ''}
          Someone shared this {lesson ? 'solution' : 'Dockerfile'} with you
          {id ? '; this link always shows the same text' : ''}. It is read-only here; the analysis
          below is worked out in your browser against{' '}
          {lesson ? 'the lesson’s goals as they are now' : `the “${project.name}” sample project`}.
        </p>
      </header>
      <VersionNotice state={versionState} />
      {isUnknownLesson ? (
        <div className="callout callout--warning" role="note">
          <p>
            This link refers to a lesson this version of Layerlab does not have, so it is shown
            against a sample project.
          </p>
        </div>
      ) : null}
      <div className="button-row" style={{ marginBottom: 'var(--space-4)' }}>
        <button
          type="button"
          className="button button--primary"
          disabled={!progress}
          onClick={() =>
            progress && draftDiffers(progress, target, files) ? setConfirming(true) : load()
          }
        >
          Try it in my editor
        </button>
        <CompareWithMine lesson={lesson} projectFiles={project.files} shared={files} />
        {lesson ? (
          <Link className="button" href={`/lessons/${lesson.slug}/solutions`}>
            All solutions of this lesson
          </Link>
        ) : null}
      </div>

      <WorkbenchLoader
        mode="share"
        readOnly
        lessonSlug={lesson?.slug}
        initialFiles={files}
        startFiles={startFiles}
        project={project}
        goals={lesson?.goals}
      />

      {id ? (
        <section aria-labelledby="card-title" style={{ marginTop: 'var(--space-4)' }}>
          <h2 id="card-title">Card</h2>
          <p className="muted">
            An image of this result for a slide, a README or a chat: <code>/s/{id}/card</code>.
          </p>
          <img
            src={`/s/${id}/card`}
            width={600}
            height={315}
            alt={`Card: ${lesson ? lesson.title : 'shared Dockerfile'}, size and score`}
            style={{ maxWidth: '100%', height: 'auto' }}
            data-testid="solution-card"
          />
        </section>
      ) : null}

      <ConfirmDialog
        isOpen={isConfirming}
        title="Replace your draft?"
        confirmLabel="Replace my draft"
        cancelLabel="Keep my draft"
        isDanger
        onConfirm={() => {
          setConfirming(false);
          load();
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>
          You already have a different draft in {targetName}. Loading the shared files replaces it;
          your current text will be lost unless you copy or share it first (“Compare with mine”
          takes single lines instead).
        </p>
      </ConfirmDialog>
    </div>
  );
}
