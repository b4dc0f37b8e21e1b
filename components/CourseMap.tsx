'use client';

import Link from 'next/link';
import { continueLesson, lessonStates, type LessonState } from '@/lib/progress';
import { lessonLabel, type LessonSummary } from './lesson-summary';
import { useRoomLessonStates } from './rooms/useRoomLessons';
import { useProgress } from './useProgress';

const STATE_LABEL: Record<LessonState, string> = {
  completed: 'Completed',
  available: 'Available',
  locked: 'Locked',
};

function StateIcon({ state }: { state: LessonState }) {
  if (state === 'completed') return <span aria-hidden="true">✓</span>;
  if (state === 'available') return <span aria-hidden="true">→</span>;
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

const START = 'Start the course';
const CONTINUE = 'Continue where you left off';
const ALL_DONE = 'All done: try the playground';

/**
 * The hero's main button text, as wide as its widest wording (the others are laid over it,
 * invisible): which one it is depends on stored progress, and a change of width moved the button
 * beside it once progress was read.
 */
function PrimaryLabel({ label }: { label?: string }) {
  return (
    <>
      {[START, CONTINUE, ALL_DONE].map((text) => (
        <span
          key={text}
          className={`hero__label${text === label ? '' : ' placeholder'}`}
          aria-hidden={text === label ? undefined : true}
        >
          {text}
        </span>
      ))}
    </>
  );
}

/** The course map: every lesson in order with its state, overall progress and where to continue. */
export function CourseMap({ lessons }: { lessons: LessonSummary[] }) {
  const { progress } = useProgress();
  const slugs = lessons.map((lesson) => lesson.slug);
  // In a room, the room's pacing decides what is open.
  const inRoom = useRoomLessonStates(slugs, progress?.completed);
  const states = inRoom?.states ?? (progress ? lessonStates(progress, slugs) : undefined);
  const completedCount = states ? slugs.filter((slug) => states[slug] === 'completed').length : 0;
  const percent = lessons.length ? Math.round((completedCount / lessons.length) * 100) : 0;
  const next = progress ? continueLesson(progress, slugs) : undefined;
  const nextLesson = lessons.find((lesson) => lesson.slug === next);
  const hasStarted = Boolean(
    progress && (progress.completed.length > 0 || Object.keys(progress.drafts).length > 0),
  );

  return (
    <>
      <section className="hero" aria-labelledby="pitch-title">
        <div>
          <h1 id="pitch-title">Make Docker images small, by doing it</h1>
          <p className="hero__lead">
            Seven short lessons, one technique each, and a capstone that needs them all. Edit a real
            Dockerfile and watch the estimated image size, layer by layer, update as you type. The
            numbers come from measured image and package sizes; nothing runs on a server and nothing
            leaves your browser.
          </p>
          <div className="button-row">
            {nextLesson ? (
              <Link
                className="button button--primary hero__primary"
                href={`/lessons/${nextLesson.slug}`}
                aria-describedby="next-lesson"
              >
                <PrimaryLabel label={hasStarted ? CONTINUE : START} />
              </Link>
            ) : progress && lessons.length > 0 ? (
              <Link className="button button--primary hero__primary" href="/playground">
                <PrimaryLabel label={ALL_DONE} />
              </Link>
            ) : !progress ? (
              // Room for the button until progress is read, so nothing beside or below it moves.
              <span className="button button--primary hero__primary placeholder" aria-hidden="true">
                <PrimaryLabel />
              </span>
            ) : null}
            <Link className="button" href="/playground">
              Open the playground
            </Link>
          </div>
          {nextLesson ? (
            <p className="hero__next" id="next-lesson">
              Next up: {lessonLabel(nextLesson)}, {nextLesson.title}
            </p>
          ) : !progress && lessons.length > 0 ? (
            // A new learner's line, invisible: as many rows as the line that comes (two on a phone).
            <p className="hero__next placeholder" aria-hidden="true">
              Next up: {lessonLabel(lessons[0])}, {lessons[0].title}
            </p>
          ) : null}
        </div>
        <div className="progress-panel" aria-labelledby="progress-title">
          <h2 id="progress-title">Your progress</h2>
          {progress ? (
            <>
              <p style={{ margin: 0 }}>
                <strong>{completedCount}</strong> of {lessons.length} lessons completed
              </p>
              <div
                className="meter"
                role="progressbar"
                aria-label="Course progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={`${completedCount} of ${lessons.length} lessons completed`}
              >
                <div className="meter__fill" style={{ width: `${percent}%` }} />
              </div>
              <p className="field__help">
                Saved in this browser only.{' '}
                {progress.unlockAll ? 'All lessons are unlocked.' : 'Each lesson unlocks the next.'}{' '}
                <Link href="/settings">Settings</Link>
              </p>
            </>
          ) : (
            // The same three rows while progress is read, so the panel keeps its height.
            <>
              <p className="muted" style={{ margin: 0 }}>
                Loading your progress…
              </p>
              <div className="meter" aria-hidden="true" />
              <p className="field__help placeholder" aria-hidden="true">
                Saved in this browser only. Each lesson unlocks the next. Settings
              </p>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title" className="section-title">
          Lessons
        </h2>
        <ol className="lesson-list">
          {lessons.map((lesson, index) => {
            const state = states?.[lesson.slug];
            const previous = lessons[index - 1];
            return (
              <li key={lesson.slug}>
                <article
                  className="lesson-card"
                  data-testid="lesson-card"
                  data-slug={lesson.slug}
                  data-state={state}
                  aria-busy={state ? undefined : true}
                >
                  <div className="lesson-card__top">
                    <span className="lesson-card__number">{lessonLabel(lesson)}</span>
                    {state ? (
                      <span className={`badge badge--${state}`}>
                        <StateIcon state={state} /> {STATE_LABEL[state]}
                      </span>
                    ) : (
                      // The badge's room while the state is unknown: the row keeps its height.
                      <span className="badge placeholder" aria-hidden="true">
                        <StateIcon state="locked" /> {STATE_LABEL.locked}
                      </span>
                    )}
                  </div>
                  <h3>
                    <Link href={`/lessons/${lesson.slug}`}>
                      {lesson.title}
                      {state ? (
                        <span className="visually-hidden">
                          {' '}
                          ({STATE_LABEL[state].toLowerCase()})
                        </span>
                      ) : null}
                    </Link>
                  </h3>
                  <p>{lesson.summary}</p>
                  {previous ? (
                    // Kept in the layout in every state (hidden unless locked): which cards are
                    // locked is known only once progress is read, and a card growing then pushed
                    // the next row down (most of the home page's layout shift).
                    <p
                      className={`lesson-card__unlock${state === 'locked' ? '' : ' placeholder'}`}
                      aria-hidden={state === 'locked' ? undefined : true}
                    >
                      Complete “{previous.title}” to unlock, or unlock every lesson in Settings.
                    </p>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
