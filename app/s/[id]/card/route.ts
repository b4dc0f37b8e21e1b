import { analyze } from '@/lib/analyzer';
import { cardSvg } from '@/lib/gallery';
import { checkShortId } from '@/lib/gallery';
import { projectContext } from '@/lib/lessons';
import { getDatabase } from '@/server/db/instance';
import { measure, startMeasure } from '@/server/gallery/measure';
import { findLesson } from '@/server/gallery/service';
import { getSolution } from '@/server/gallery/store';
import { sampleProjects } from '@/components/sample-projects';
import { lessons } from '@/content/lessons/generated';

export const dynamic = 'force-dynamic';

function problem(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * GET /s/ID/card → a 600×315 SVG with the lesson, before → after size and score, drawn on the
 * server from the analyzer's report (no external service). Embeddable in slides and READMEs.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const check = checkShortId((await params).id);
  if (!check.ok) return problem(400, check.reason);
  const got = await getSolution((await getDatabase()).db, check.id);
  if (got.status === 'missing') return problem(404, 'No solution is stored under this link.');
  if (got.status === 'tampered') return problem(409, 'This link was tampered with.');
  if (got.isHidden) return problem(410, 'This link was taken down.');
  const { solution } = got;
  const lesson = findLesson(solution.lesson);
  let card;
  if (lesson) {
    const now = measure(lesson, solution.dockerfile, solution.dockerignore);
    card = {
      title: lesson.title,
      label: lesson.technique === 'capstone' ? 'Capstone' : `Lesson ${lesson.order}`,
      beforeBytes: startMeasure(lesson).bytes,
      afterBytes: now.bytes,
      score: now.score,
      id: check.id,
    };
  } else {
    const sample = sampleProjects(lessons)[0];
    const report = analyze({
      dockerfile: solution.dockerfile,
      dockerignore: solution.dockerignore,
      context: projectContext({
        name: sample?.name ?? 'empty',
        description: '',
        files: sample?.files ?? [],
      }),
    });
    card = {
      label: 'Playground',
      afterBytes: report.size.bytes,
      score: report.score.score,
      id: check.id,
    };
  }
  return new Response(cardSvg(card), {
    status: 200,
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      // The text under an ID never changes; the figures may when the lesson or the size data do.
      'cache-control': 'public, max-age=3600',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    },
  });
}
