import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LessonView } from '@/components/LessonView';
import { summarize } from '@/components/lesson-summary';
import { lessonFolders, lessons } from '@/content/lessons/generated';
import { analyze } from '@/lib/analyzer';
import { lessonVersion } from '@/lib/gallery';
import { projectContext, type Lesson } from '@/lib/lessons';

/** Only the lessons that exist are pages; any other slug is a 404. */
export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return lessons.map((lesson) => ({ slug: lesson.slug }));
}

/**
 * Estimated size of the lesson's starting Dockerfile, worked out once at build time for the
 * "from X to Y" of the success banner; undefined if the analyzer fails on it.
 */
function startSizeBytes(lesson: Lesson): number | undefined {
  try {
    const report = analyze({
      dockerfile: lesson.startDockerfile,
      dockerignore: lesson.startDockerignore ?? '',
      context: projectContext(lesson.project),
    });
    return report.size.bytes;
  } catch {
    return undefined;
  }
}

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const lesson = lessons.find((item) => item.slug === slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const { slug } = await params;
  const lesson = lessons.find((item) => item.slug === slug);
  const folder = lessonFolders[slug];
  if (!lesson || !folder) notFound();
  const { default: Prose } = await import(`@/content/lessons/${folder}/index.mdx`);
  return (
    <LessonView
      lesson={lesson}
      lessons={summarize(lessons)}
      startSizeBytes={startSizeBytes(lesson)}
      lessonVersion={lessonVersion(lesson)}
    >
      <Prose />
    </LessonView>
  );
}
