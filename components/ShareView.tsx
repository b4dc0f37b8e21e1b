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
  | { status: 'ok'; payload: SharePayload; lessonVersion?: string };

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
      const { fragment, lessonVersion: stamp } = splitLessonStamp(window.location.hash);
      const result = decodeShare(fragment);
      setDecoded(
        result.ok
          ? { status: 'ok', payload: result.payload, lessonVersion: stamp }
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
      <LinkProblem
        title="This share link cannot be opened"
        reason={decoded.reason}
        kind="fragment"
      />
    );
  }

  const { payload } = decoded;
  const lesson = payload.lesson ? lessons.find((item) => item.slug === payload.lesson) : undefined;
  return (
    <SolutionView
      lesson={lesson}
      isUnknownLesson={payload.lesson !== undefined && !lesson}
      playgroundSample={playgroundSample}
      files={{ dockerfile: payload.dockerfile, dockerignore: payload.dockerignore }}
      versionState={lesson ? versionState(decoded.lessonVersion, lessonVersion(lesson)) : 'current'}
    />
  );
}
