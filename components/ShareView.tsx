'use client';

import { useEffect, useState } from 'react';
import { lessonVersion, versionState } from '@/lib/gallery';
import type { Lesson } from '@/lib/lessons';
import { decodeShare, type SharePayload } from '@/lib/share';
import { splitLessonStamp } from '@/lib/share';
import { LinkProblem } from './gallery/LinkProblem';
import { SolutionView } from './gallery/SolutionView';
import type { SampleProject } from './sample-projects';
import { WorkbenchSkeleton } from './WorkbenchLoader';

type Decoded =
  | { status: 'reading' }
  | { status: 'error'; reason: string }
  | { status: 'ok'; payload: SharePayload; lessonVersion?: string; problem?: string };

/**
 * Opens a fragment link (`/share#v2=…[&lv=STAMP]`, v1 still read): decodes it in the browser (the fragment is
 * never sent to the server) and shows it like any shared solution, or says why it cannot.
 */
export function ShareView({
  lessons,
  playgroundSample,
}: {
  lessons: Lesson[];
  playgroundSample?: SampleProject;
}) {
  const [decoded, setDecoded] = useState<Decoded>({ status: 'reading' });

  useEffect(() => {
    const read = () => {
      const { fragment, lessonVersion: stamp, problem } = splitLessonStamp(window.location.hash);
      const result = decodeShare(fragment);
      setDecoded(
        result.ok
          ? { status: 'ok', payload: result.payload, lessonVersion: stamp, problem }
          : { status: 'error', reason: problem ? `${result.reason} ${problem}` : result.reason },
      );
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  if (decoded.status === 'reading') return <WorkbenchSkeleton label="Opening the shared link…" />;
  if (decoded.status === 'error') {
    return (
      <LinkProblem
        title="This share link cannot be opened"
        reason={decoded.reason}
        kind="fragment"
      />
    );
  }

  const { payload, problem } = decoded;
  const lesson = payload.lesson ? lessons.find((item) => item.slug === payload.lesson) : undefined;
  return (
    <>
      {problem ? (
        // The solution decoded (and, in a v2 link, matched its check); a part after it did not.
        <div className="callout callout--warning" role="alert" data-testid="link-part-problem">
          <p>
            This link is damaged after its solution. {problem} The solution below is shown as the
            link holds it
            {lesson
              ? ', but which version of the lesson it was made for is unknown: the analysis is against the lesson as it is now.'
              : '.'}
          </p>
        </div>
      ) : null}
      <SolutionView
        lesson={lesson}
        isUnknownLesson={payload.lesson !== undefined && !lesson}
        playgroundSample={playgroundSample}
        files={{ dockerfile: payload.dockerfile, dockerignore: payload.dockerignore }}
        versionState={
          // A damaged stamp is said above; the notice would guess at why it is missing.
          lesson && !problem
            ? versionState(decoded.lessonVersion, lessonVersion(lesson))
            : 'current'
        }
      />
    </>
  );
}
