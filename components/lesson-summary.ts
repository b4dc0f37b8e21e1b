import type { Lesson } from '@/lib/lessons';

/** What list views need of a lesson (keeps the full projects and texts off those pages). */
export interface LessonSummary {
  slug: string;
  order: number;
  title: string;
  summary: string;
  technique: Lesson['technique'];
}

/** Lessons in course order, reduced to their summaries. */
export function summarize(lessons: readonly Lesson[]): LessonSummary[] {
  return [...lessons]
    .sort((a, b) => a.order - b.order)
    .map(({ slug, order, title, summary, technique }) => ({
      slug,
      order,
      title,
      summary,
      technique,
    }));
}

/** "Lesson 3" or "Capstone". */
export function lessonLabel(lesson: Pick<LessonSummary, 'order' | 'technique'>): string {
  return lesson.technique === 'capstone' ? 'Capstone' : `Lesson ${lesson.order}`;
}
