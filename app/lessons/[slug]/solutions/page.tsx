import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { GalleryView } from '@/components/gallery/GalleryView';
import { lessons } from '@/content/lessons/generated';

/** Only the lessons that exist have a gallery; any other slug is a 404. */
export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return lessons.map((lesson) => ({ slug: lesson.slug }));
}

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const lesson = lessons.find((item) => item.slug === slug);
  return lesson
    ? { title: `Solutions: ${lesson.title}`, description: `How others solved “${lesson.title}”.` }
    : {};
}

/** `/lessons/SLUG/solutions`: the lesson's gallery; what it shows depends on this browser's progress. */
export default async function SolutionsPage({ params }: Params) {
  const { slug } = await params;
  const lesson = lessons.find((item) => item.slug === slug);
  if (!lesson) notFound();
  return <GalleryView slug={lesson.slug} title={lesson.title} />;
}
