import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LessonView } from '@/components/LessonView';
import { summarize } from '@/components/lesson-summary';
import { lessonFolders, lessons } from '@/content/lessons/generated';
import { lessonVersion } from '@/lib/gallery';

/** Only the lessons that exist are pages; any other slug is a 404. */
export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return lessons.map((lesson) => ({ slug: lesson.slug }));
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
    <LessonView lesson={lesson} lessons={summarize(lessons)} lessonVersion={lessonVersion(lesson)}>
      <Prose />
    </LessonView>
  );
}
