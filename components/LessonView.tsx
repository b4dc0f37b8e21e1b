'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Report } from '@/lib/analyzer';
import { formatBytes } from '@/lib/format';
import type { Lesson } from '@/lib/lessons';
import {
  completeLesson,
  draftProblem,
  lessonStates,
  saveDraft,
  setLastLesson,
  settlePrefilled,
  type Progress,
} from '@/lib/progress';
import { makeReport } from '@/lib/rooms';
import { lessonLabel, type LessonSummary } from './lesson-summary';
import { DraftConflictNotice } from './DraftConflictNotice';
import { randomId } from './rooms/room-client';
import { useRoomLessonStates } from './rooms/useRoomLessons';
import { reportProgress } from './rooms/useRoom';
import type { SettledAnalysis } from './workbench/types';
import {
  holdTypedBeforeLoad,
  setDraftNotice,
  settleDraftConflict,
  useOpenDraft,
  useProgress,
} from './useProgress';
import { PrefilledEditor, findPrefilled } from './workbench/PrefilledEditor';
import { WorkbenchLoader, WorkbenchSkeleton, type WorkbenchFiles } from './WorkbenchLoader';

export interface LessonViewProps {
  lesson: Lesson;
  /** Every lesson in course order (for state, previous and next). */
  lessons: LessonSummary[];
  /** The lesson's content version (lib/gallery/lesson-version.ts), for share links and the gallery. */
  lessonVersion?: string;
  /** The lesson's prose, rendered on the server. */
  children: ReactNode;
}

interface Success {
  /** Undefined when the report sizes no image (no stage, or an empty one): no figure is claimed. */
  sizeBytes?: number;
  /** The start's estimated size, from the same analysis (its start comparison), if it has one. */
  startSizeBytes?: number;
  isFirstTime: boolean;
}

/** A lesson: prose beside the workbench, the lock gate, completion and draft autosave. */
export function LessonView({ lesson, lessons, lessonVersion, children }: LessonViewProps) {
  const { progress, update, conflicts } = useProgress();
  const [isOpenedAnyway, setOpenedAnyway] = useState(false);
  const [mountKey, setMountKey] = useState(0);
  const [initialFiles, setInitialFiles] = useState<WorkbenchFiles>();
  const [success, setSuccess] = useState<Success>();
  const [restoredAt, setRestoredAt] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  // The textarea the page's HTML brought (first lesson), for the plain editor to adopt.
  const [prefilled, setPrefilled] = useState<HTMLTextAreaElement>();
  const progressRef = useRef<Progress | undefined>(progress);
  progressRef.current = progress;

  const slug = lesson.slug;
  const slugs = lessons.map((item) => item.slug);
  const index = slugs.indexOf(slug);
  const previous = index > 0 ? lessons[index - 1] : undefined;
  const next = index >= 0 && index < lessons.length - 1 ? lessons[index + 1] : undefined;
  // The first lesson is open to everyone outside a room, so its HTML can carry an editor that
  // takes typing before the page has read any progress (rooms: see prefilled-editor.ts).
  const isFirstLesson = index === 0;
  // In a room, the room's pacing decides what is open (both ways); alone, the local locks do.
  const inRoom = useRoomLessonStates(slugs, progress?.completed);
  const state = inRoom
    ? inRoom.states[slug]
    : progress
      ? lessonStates(progress, slugs)[slug]
      : undefined;
  const isReady = progress !== undefined;
  const startFiles: WorkbenchFiles = {
    dockerfile: lesson.startDockerfile,
    dockerignore: lesson.startDockerignore ?? '',
  };
  const solution: WorkbenchFiles = {
    dockerfile: lesson.solutionDockerfile,
    dockerignore: lesson.solutionDockerignore ?? lesson.startDockerignore ?? '',
  };

  useEffect(() => {
    if (!isReady) return;
    update((p) => setLastLesson(p, slug));
    // The editor opens with the saved draft when there is one: never lose the learner's work.
    const draft = progressRef.current?.drafts[slug];
    // Nor what they typed into the page's prefilled editor meanwhile (lib/progress/prefilled.ts).
    const element = isFirstLesson ? findPrefilled(slug) : undefined;
    setPrefilled(element);
    const outcome = settlePrefilled(startFiles, element?.value, draft);
    if (outcome.kind !== 'untouched') {
      setInitialFiles(outcome.base);
      setRestoredAt(undefined);
      if (outcome.kind === 'conflict') holdTypedBeforeLoad(slug, outcome.mine);
      return;
    }
    // About to show the draft instead of the start: no typing into the start from here on.
    if (element && draft && draft.dockerfile !== element.value) element.readOnly = true;
    setInitialFiles(
      draft ? { dockerfile: draft.dockerfile, dockerignore: draft.dockerignore } : startFiles,
    );
    setRestoredAt(draft && draftDiffersFromStart(draft) ? draft.savedAt : undefined);
    // startFiles is derived from props that only change with the slug.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run once per lesson, when progress is first read
  }, [isReady, slug]);

  function draftDiffersFromStart(draft: WorkbenchFiles): boolean {
    return (
      draft.dockerfile !== startFiles.dockerfile || draft.dockerignore !== startFiles.dockerignore
    );
  }

  const onFilesChange = useCallback(
    (files: WorkbenchFiles) => {
      const problem = draftProblem(files, progressRef.current, slug);
      setDraftNotice(problem);
      if (problem) return;
      update((p) => saveDraft(p, slug, files));
    },
    [slug, update],
  );

  // In a room the trainer's pacing decides: no opening a locked lesson anyway.
  const isLocked = state === 'locked' && (inRoom !== undefined || !isOpenedAnyway);
  const isEditing = isReady && !isLocked && initialFiles !== undefined;
  // Files saved for this lesson before it was opened (a shared link's "Try it in my editor").
  const waitingDraft = progress?.drafts[slug];
  const waiting =
    waitingDraft && draftDiffersFromStart(waitingDraft)
      ? { dockerfile: waitingDraft.dockerfile, dockerignore: waitingDraft.dockerignore }
      : undefined;
  const [isViewingWaiting, setViewingWaiting] = useState(false);
  useOpenDraft(isEditing ? slug : undefined, initialFiles);
  const conflict = conflicts.find((item) => item.slug === slug);

  const takeTheirs = () => {
    const draft = settleDraftConflict(slug, 'theirs');
    if (!draft) return;
    setInitialFiles({ dockerfile: draft.dockerfile, dockerignore: draft.dockerignore });
    setPrefilled(undefined);
    setMountKey((key) => key + 1);
  };

  const onGoalsMet = useCallback(
    (report: Report) => {
      const isFirstTime = !progressRef.current?.completed.includes(slug);
      update((p) => completeLesson(p, slug));
      const sizeBytes =
        report.stages.length > 0 && report.size.bytes > 0 ? report.size.bytes : undefined;
      const startSizeBytes = report.startComparison?.startBytes;
      setSuccess({ sizeBytes, startSizeBytes, isFirstTime });
      const drop =
        sizeBytes === undefined
          ? ''
          : startSizeBytes !== undefined && startSizeBytes > sizeBytes
            ? ` The image went from ${formatBytes(startSizeBytes)} to ${formatBytes(sizeBytes)}.`
            : ` Estimated image size: ${formatBytes(sizeBytes)}.`;
      const unlocked = next
        ? ` Next lesson unlocked: ${next.title}.`
        : ' That was the last lesson.';
      setAnnouncement(
        `All goals met: ${lesson.title} is complete.${drop}${isFirstTime ? unlocked : ''}`,
      );
    },
    [slug, update, next, lesson.title],
  );

  // Every settled analysis goes to the room's outbox (a no-op when not in a room).
  const onAnalysisSettled = useCallback(
    (settled: SettledAnalysis) => {
      const size = settled.report.stages.length > 0 ? settled.report.size.bytes : undefined;
      reportProgress(
        makeReport({
          id: randomId(),
          lesson: slug,
          at: new Date(),
          bytes: size,
          goalsMet: settled.goalsMet,
          goalsTotal: settled.goalsTotal,
          score: settled.report.score.score,
          dockerfile: settled.files.dockerfile,
          dockerignore: settled.files.dockerignore,
        }),
      );
    },
    [slug],
  );

  return (
    <>
      <div className="lesson-layout">
        <article className="lesson-prose" aria-labelledby="lesson-title">
          <header className="lesson-header">
            <p className="lesson-header__eyebrow">
              {lesson.technique === 'capstone'
                ? `Capstone: lesson ${lesson.order} of ${lessons.length}`
                : `${lessonLabel(lesson)} of ${lessons.length}`}
              {state === 'completed' ? (
                <>
                  {' '}
                  · <span className="badge badge--completed">✓ Completed</span>
                </>
              ) : null}
            </p>
            <h1 id="lesson-title">{lesson.title}</h1>
            <p className="lesson-header__summary">{lesson.summary}</p>
            <p>
              <Link href={`/lessons/${slug}/solutions`}>Other learners’ solutions</Link>
            </p>
            {/* Stacked layouts put the workbench after the whole lesson text. */}
            <a className="jump-to-editor" href="#lesson-workbench">
              Jump to the editor
            </a>
          </header>
          <div className="prose">{children}</div>
        </article>

        <div className="lesson-workbench" id="lesson-workbench">
          <div aria-live="polite" role="status" className="visually-hidden">
            {announcement}
          </div>
          {success ? (
            <SuccessBanner success={success} next={next} onDismiss={() => setSuccess(undefined)} />
          ) : null}
          {restoredAt && !isLocked ? (
            <p className="field__help" style={{ marginBottom: 'var(--space-2)' }}>
              Your draft from {formatSavedAt(restoredAt)} was restored. Reset in the workbench goes
              back to the start.
            </p>
          ) : null}
          {conflict && isEditing ? (
            <DraftConflictNotice
              conflict={conflict}
              onKeepMine={() => settleDraftConflict(slug, 'mine')}
              onTakeTheirs={takeTheirs}
            />
          ) : null}
          {(!isReady || (!isLocked && !initialFiles)) && isFirstLesson ? (
            <PrefilledEditor
              slug={slug}
              text={startFiles.dockerfile}
              goalCount={lesson.goals.length}
              hintCount={lesson.hints.length}
              hasSolution
              readOnly={false}
            />
          ) : !isReady || (!isLocked && !initialFiles) ? (
            <WorkbenchSkeleton />
          ) : isLocked && isViewingWaiting && waiting ? (
            <div>
              <div className="callout callout--info" role="note">
                <p>
                  The files waiting for this lesson, read-only: the lesson is still locked.{' '}
                  <button type="button" className="button" onClick={() => setOpenedAnyway(true)}>
                    Open the lesson anyway to edit them
                  </button>
                </p>
              </div>
              <WorkbenchLoader
                mode="share"
                readOnly
                lessonSlug={slug}
                initialFiles={waiting}
                startFiles={startFiles}
                project={{ name: lesson.project.name, files: lesson.project.files }}
                goals={lesson.goals}
              />
            </div>
          ) : isLocked ? (
            <LockGate
              previous={previous}
              roomName={inRoom?.roomName}
              hasWaitingFiles={waiting !== undefined}
              onViewWaiting={() => setViewingWaiting(true)}
              onOpenAnyway={() => setOpenedAnyway(true)}
            />
          ) : initialFiles ? (
            <WorkbenchLoader
              key={`${slug}:${mountKey}`}
              mode="lesson"
              lessonSlug={slug}
              lessonTitle={lesson.title}
              lessonVersion={lessonVersion}
              initialFiles={initialFiles}
              startFiles={startFiles}
              solution={solution}
              project={{ name: lesson.project.name, files: lesson.project.files }}
              goals={lesson.goals}
              hints={lesson.hints}
              onFilesChange={onFilesChange}
              onGoalsMet={onGoalsMet}
              onAnalysisSettled={onAnalysisSettled}
              onGoalsUnmet={() => setSuccess(undefined)}
              prefilled={prefilled}
            />
          ) : null}
        </div>
      </div>

      <nav className="pager" aria-label="Lessons">
        {previous ? (
          <Link href={`/lessons/${previous.slug}`} rel="prev">
            <span className="pager__label">← Previous</span>
            <span>{previous.title}</span>
          </Link>
        ) : (
          <Link href="/">
            <span className="pager__label">← Back to</span>
            <span>The course map</span>
          </Link>
        )}
        {next ? (
          <Link href={`/lessons/${next.slug}`} rel="next" className="pager__next">
            <span className="pager__label">Next →</span>
            <span>{next.title}</span>
          </Link>
        ) : (
          <Link href="/playground" className="pager__next">
            <span className="pager__label">Next →</span>
            <span>The playground</span>
          </Link>
        )}
      </nav>
    </>
  );
}

/** "27 Nov, 09:42" in the learner's locale; the raw text when it cannot be read. */
function formatSavedAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || date.getTime() === 0) return 'earlier';
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function SuccessBanner({
  success,
  next,
  onDismiss,
}: {
  success: Success;
  next?: LessonSummary;
  onDismiss: () => void;
}) {
  const { sizeBytes, startSizeBytes } = success;
  const hasDrop =
    sizeBytes !== undefined && startSizeBytes !== undefined && startSizeBytes > sizeBytes;
  const percent = hasDrop ? Math.round((1 - sizeBytes / startSizeBytes) * 100) : 0;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Bring the moment of success into view without moving focus away from the editor.
    const isReduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    ref.current?.scrollIntoView({ block: 'nearest', behavior: isReduced ? 'auto' : 'smooth' });
  }, [success]);
  return (
    <div className="success-banner" ref={ref}>
      <h2>{success.isFirstTime ? 'Lesson complete!' : 'All goals met again'}</h2>
      {hasDrop ? (
        <p>
          Your image went from <span className="size-drop">{formatBytes(startSizeBytes)}</span> to{' '}
          <span className="size-drop">{formatBytes(sizeBytes)}</span>: {percent}% smaller.
        </p>
      ) : sizeBytes !== undefined ? (
        <p>
          Estimated image size: <span className="size-drop">{formatBytes(sizeBytes)}</span>.
        </p>
      ) : (
        <p>Every goal of this lesson is met.</p>
      )}
      <div className="button-row">
        {next ? (
          <Link className="button button--primary" href={`/lessons/${next.slug}`}>
            {success.isFirstTime ? 'Next lesson unlocked: ' : 'Next lesson: '}
            {next.title} →
          </Link>
        ) : (
          <Link className="button button--primary" href="/">
            Back to the course map
          </Link>
        )}
        <button type="button" className="button" onClick={onDismiss}>
          Keep experimenting
        </button>
      </div>
    </div>
  );
}

function LockGate({
  previous,
  roomName,
  hasWaitingFiles,
  onViewWaiting,
  onOpenAnyway,
}: {
  previous?: LessonSummary;
  /** In a room, the trainer opens lessons: no way around it here. */
  roomName?: string;
  /** Files saved for this lesson (from a shared link) wait to be opened. */
  hasWaitingFiles?: boolean;
  onViewWaiting?: () => void;
  onOpenAnyway: () => void;
}) {
  if (roomName !== undefined) {
    return (
      <div className="gate">
        <h2>This lesson is not open yet</h2>
        <p>
          In the room “{roomName}” your trainer opens the lessons. It unlocks here as soon as they
          do.
        </p>
      </div>
    );
  }
  return (
    <div className="gate">
      <h2>This lesson is locked</h2>
      {hasWaitingFiles ? (
        <p>
          <strong>The shared files are waiting for you here.</strong> Look at them read-only, or
          open the lesson anyway to edit them in the workbench.
        </p>
      ) : null}
      <p>
        Lessons unlock in order because each one builds on the last.
        {previous ? (
          <>
            {' '}
            Complete <Link href={`/lessons/${previous.slug}`}>{previous.title}</Link> to unlock it.
          </>
        ) : null}
      </p>
      <p>
        It is not a secret, though: you can open it now, or unlock every lesson in{' '}
        <Link href="/settings">Settings</Link>.
      </p>
      <div className="button-row">
        {previous ? (
          <Link className="button button--primary" href={`/lessons/${previous.slug}`}>
            Go to {previous.title}
          </Link>
        ) : null}
        {hasWaitingFiles && onViewWaiting ? (
          <button type="button" className="button" onClick={onViewWaiting}>
            View the shared files read-only
          </button>
        ) : null}
        <button type="button" className="button" onClick={onOpenAnyway}>
          {hasWaitingFiles ? 'Open the lesson anyway' : 'Unlock anyway'}
        </button>
      </div>
    </div>
  );
}
