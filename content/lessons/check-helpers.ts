import { analyze } from '@/lib/analyzer';
import type { Report } from '@/lib/analyzer/types';
import type { GoalResult, Lesson } from '@/lib/lessons/types';
import { projectContext } from '@/lib/lessons/types';

/** What a content test needs to judge one Dockerfile against a lesson. */
export interface LessonCheck {
  report: Report;
  results: GoalResult[];
  /** "label: detail" of every goal that is not met. */
  unmet: string[];
  /** "rule (line): message" of every warning or error finding. */
  warnings: string[];
}

/** Analyzes `dockerfile` (+ `.dockerignore`) against the lesson's project and checks its goals. */
export function checkLesson(
  lesson: Lesson,
  dockerfile: string,
  dockerignore?: string,
): LessonCheck {
  const input = {
    dockerfile,
    dockerignore: dockerignore ?? lesson.solutionDockerignore ?? lesson.startDockerignore ?? '',
    context: projectContext(lesson.project),
  };
  const report = analyze(input, { goals: lesson.goals });
  const results = report.goals ?? [];
  return {
    report,
    results,
    unmet: results.filter((r) => !r.isMet).map((r) => `${r.label}: ${r.detail}`),
    warnings: report.findings
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.rule} (line ${f.range.start.line + 1}): ${f.message}`),
  };
}
