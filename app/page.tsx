import { CourseMap } from '@/components/CourseMap';
import { summarize } from '@/components/lesson-summary';
import { lessons } from '@/content/lessons/generated';

export default function HomePage() {
  return <CourseMap lessons={summarize(lessons)} />;
}
