import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzerCache } from '@/lib/analyzer';
import { projectContext } from '@/lib/lessons/types';
import { lessons } from '@/content/lessons/generated';
import { measure } from './measure';

describe('measure', () => {
  it.each(lessons.map((l) => [l.slug, l] as const))(
    '%s: goals met on the start and the solution are what the workbench gets from analyze()',
    (_slug, lesson) => {
      const context = projectContext(lesson.project);
      const start = {
        dockerfile: lesson.startDockerfile,
        dockerignore: lesson.startDockerignore ?? '',
      };
      const solution = {
        dockerfile: lesson.solutionDockerfile,
        dockerignore: lesson.solutionDockerignore ?? lesson.startDockerignore ?? '',
      };
      for (const files of [start, solution]) {
        // As the workbench's worker asks: the lesson's goals, the start, its own cache.
        const report = analyze(
          { ...files, context },
          { goals: lesson.goals, start, cache: createAnalyzerCache() },
        );
        const m = measure(lesson, files.dockerfile, files.dockerignore);
        expect(m.goalsMet).toBe(report.goals!.filter((g) => g.isMet).length);
        expect(m.goalsTotal).toBe(report.goals!.length);
        expect(m.bytes).toBe(report.size.bytes);
      }
      expect(measure(lesson, solution.dockerfile, solution.dockerignore).isSolved).toBe(true);
      expect(measure(lesson, start.dockerfile, start.dockerignore).isSolved).toBe(false);
    },
  );
});
