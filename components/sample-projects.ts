import type { Lesson, ProjectFile } from '@/lib/lessons';

/** A lesson's project offered as a playground sample, with that lesson's starting texts. */
export interface SampleProject {
  /** The lesson slug it comes from. */
  id: string;
  name: string;
  description: string;
  lessonTitle: string;
  files: ProjectFile[];
  startDockerfile: string;
  startDockerignore: string;
}

/** One sample per distinct project name, in course order. */
export function sampleProjects(lessons: readonly Lesson[]): SampleProject[] {
  const seen = new Set<string>();
  const samples: SampleProject[] = [];
  for (const lesson of [...lessons].sort((a, b) => a.order - b.order)) {
    if (seen.has(lesson.project.name)) continue;
    seen.add(lesson.project.name);
    samples.push({
      id: lesson.slug,
      name: lesson.project.name,
      description: lesson.project.description,
      lessonTitle: lesson.title,
      files: lesson.project.files,
      startDockerfile: lesson.startDockerfile,
      startDockerignore: lesson.startDockerignore ?? '',
    });
  }
  return samples;
}
