import type { Metadata } from 'next';
import { LinkProblem } from '@/components/gallery/LinkProblem';
import { SolutionView } from '@/components/gallery/SolutionView';
import { lessonVersion, versionState } from '@/lib/gallery';
import { checkShortId } from '@/lib/gallery';
import { getDatabase } from '@/server/db/instance';
import { measure, startMeasure } from '@/server/gallery/measure';
import { findLesson } from '@/server/gallery/service';
import { getSolution, type GetResult } from '@/server/gallery/store';
import { sampleProjects } from '@/components/sample-projects';
import { lessons } from '@/content/lessons/generated';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Shared solution',
  description: 'A Dockerfile someone shared, with its analysis.',
  referrer: 'no-referrer',
  robots: { index: false },
};

type Params = { params: Promise<{ id: string }> };

function Problem({ title, reason }: { title: string; reason: string }) {
  return <LinkProblem title={title} reason={reason} kind="short" />;
}

/** `/s/ID`: an immutable short link, checked (form, check characters, stored content) before it is shown. */
export default async function ShortLinkPage({ params }: Params) {
  const { id } = await params;
  const check = checkShortId(decodeURIComponent(id));
  if (!check.ok) {
    return (
      <Problem
        title={
          check.problem === 'check-failed'
            ? 'This short link was changed'
            : 'This is not a short link'
        }
        reason={check.reason}
      />
    );
  }
  let got: GetResult;
  try {
    got = await getSolution((await getDatabase()).db, check.id);
  } catch {
    return (
      <Problem
        title="This short link cannot be opened right now"
        reason="The site could not read its database. Try again in a moment; fragment links (/share#v2=…) work without it."
      />
    );
  }
  if (got.status === 'missing') {
    return (
      <Problem
        title="No solution under this link"
        reason="Nothing is stored under this short link on this site. It may come from another Layerlab site, or the link was cut short."
      />
    );
  }
  if (got.status === 'tampered') {
    return (
      <Problem
        title="This short link was tampered with"
        reason="What is stored under this link is not what the link names, so it is not shown. Ask for the link again."
      />
    );
  }
  if (got.isHidden) {
    return (
      <Problem
        title="This link was taken down"
        reason="The operator of this site hid this solution."
      />
    );
  }
  const { solution } = got;
  const lesson = findLesson(solution.lesson);
  const playground = sampleProjects(lessons)[0];
  const state = lesson ? versionState(solution.lessonVersion, lessonVersion(lesson)) : 'current';
  const figures = lesson
    ? {
        startBytes: startMeasure(lesson).bytes,
        bytes: measure(lesson, solution.dockerfile, solution.dockerignore).bytes,
      }
    : undefined;
  return (
    <SolutionView
      id={check.id}
      lesson={lesson}
      isUnknownLesson={solution.lesson !== undefined && !lesson}
      playgroundSample={playground}
      files={{ dockerfile: solution.dockerfile, dockerignore: solution.dockerignore }}
      versionState={state}
      figures={figures}
    />
  );
}
