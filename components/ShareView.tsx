'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Lesson } from '@/lib/lessons/types';
import { PLAYGROUND_DRAFT, draftDiffers, saveDraft } from '@/lib/progress';
import { decodeShare, type SharePayload } from '@/lib/share';
import { ConfirmDialog } from './ConfirmDialog';
import { lessonLabel } from './lesson-summary';
import type { SampleProject } from './sample-projects';
import { useProgress } from './useProgress';
import { WorkbenchLoader, WorkbenchSkeleton } from './WorkbenchLoader';

type Decoded =
  | { status: 'reading' }
  | { status: 'error'; reason: string }
  | { status: 'ok'; payload: SharePayload };

/**
 * Opens a share link: decodes the fragment (never sent to the server), shows the solution
 * read-only with its analysis, and offers to load it into the learner's own editor.
 */
export function ShareView({
  lessons,
  playgroundSample,
}: {
  lessons: Lesson[];
  playgroundSample?: SampleProject;
}) {
  const router = useRouter();
  const { progress, update } = useProgress();
  const [decoded, setDecoded] = useState<Decoded>({ status: 'reading' });
  const [isConfirming, setConfirming] = useState(false);

  useEffect(() => {
    const read = () => {
      const result = decodeShare(window.location.hash);
      setDecoded(
        result.ok
          ? { status: 'ok', payload: result.payload }
          : { status: 'error', reason: result.reason },
      );
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  if (decoded.status === 'reading') return <WorkbenchSkeleton label="Opening the shared link…" />;

  if (decoded.status === 'error') {
    return (
      <div className="narrow">
        <h1>This share link cannot be opened</h1>
        <div className="callout callout--danger" role="alert">
          <p>{decoded.reason}</p>
        </div>
        <p>
          Share links are made with the <strong>Share</strong> button of a lesson or the playground,
          and hold the whole Dockerfile in the part of the address after <code>#</code>.
        </p>
        <div className="button-row">
          <Link className="button button--primary" href="/">
            Go to the course
          </Link>
          <Link className="button" href="/playground">
            Open the playground
          </Link>
        </div>
      </div>
    );
  }

  const { payload } = decoded;
  const lesson = payload.lesson ? lessons.find((item) => item.slug === payload.lesson) : undefined;
  const isUnknownLesson = payload.lesson !== undefined && !lesson;
  const files = { dockerfile: payload.dockerfile, dockerignore: payload.dockerignore };
  const target = lesson ? lesson.slug : PLAYGROUND_DRAFT;
  const targetHref = lesson ? `/lessons/${lesson.slug}` : '/playground';
  const targetName = lesson ? `“${lesson.title}”` : 'the playground';
  const project = lesson
    ? { name: lesson.project.name, files: lesson.project.files }
    : playgroundSample
      ? { name: playgroundSample.name, files: playgroundSample.files }
      : { name: 'empty', files: [] };
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

  const onTry = () => {
    if (progress && draftDiffers(progress, target, files)) setConfirming(true);
    else load();
  };

  return (
    <div>
      <header className="lesson-header">
        <p className="lesson-header__eyebrow">
          Shared solution{lesson ? ` · ${lessonLabel(lesson)}` : ''}
        </p>
        <h1 style={{ marginTop: 0 }}>{lesson ? lesson.title : 'A shared Dockerfile'}</h1>
        <p className="lesson-header__summary">
          Someone shared this {lesson ? 'solution' : 'Dockerfile'} with you. It is read-only here;
          the analysis below is worked out in your browser
          {lesson
            ? ', against the lesson’s goals'
            : ` against the “${project.name}” sample project`}
          .
        </p>
      </header>
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
          onClick={onTry}
          disabled={!progress}
        >
          Try it in my editor
        </button>
        <span className="muted">Opens {targetName} with these files.</span>
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
          your current text will be lost unless you copy or share it first.
        </p>
      </ConfirmDialog>
    </div>
  );
}
