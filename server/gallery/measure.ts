import { analyze } from '@/lib/analyzer';
import { allGoalsMet } from '@/lib/lessons/goals';
import { projectContext, type Lesson } from '@/lib/lessons/types';
import { lessonVersion } from '@/lib/gallery/lesson-version';
import { sha256Text, base32Prefix } from '@/lib/gallery/hash';

/** What the gallery shows of a solution, worked out by the analyzer against the current lesson. */
export interface Measure {
  bytes: number;
  score: number;
  goalsMet: number;
  goalsTotal: number;
  isSolved: boolean;
  /** Shipped layers above the base image. */
  shippedLayers: number;
  /** The analyzer's findings: rule id and 1-based line. */
  findings: { rule: string; line: number }[];
}

const cache = new Map<string, Measure>();
/** Measures kept in memory: a gallery renders many entries, most of them unchanged. */
const MAX_CACHED = 1_000;

/**
 * Analyses `files` against `lesson` as it is now (its project and goals), with the goals asked of
 * analyze() as the workbench asks them (so "What rebuilds" goals are answered too, and "goals
 * met" is the workbench's). Memoised per lesson version and texts, so re-measuring a gallery
 * costs one analysis per distinct solution.
 */
export function measure(lesson: Lesson, dockerfile: string, dockerignore: string): Measure {
  const key = `${lesson.slug}:${lessonVersion(lesson)}:${base32Prefix(sha256Text(`${dockerfile}\u0000${dockerignore}`), 26)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const report = analyze(
    { dockerfile, dockerignore, context: projectContext(lesson.project) },
    { goals: lesson.goals },
  );
  const goals = report.goals ?? [];
  const result: Measure = {
    bytes: report.size.bytes,
    score: report.score.score,
    goalsMet: goals.filter((goal) => goal.isMet).length,
    goalsTotal: goals.length,
    isSolved: allGoalsMet(goals),
    shippedLayers: report.layers.filter((layer) => layer.isShipped).length,
    findings: report.findings.map((finding) => ({
      rule: finding.rule,
      line: finding.range.start.line + 1,
    })),
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

/** Size of the lesson's starting Dockerfile, for "before → after". */
export function startMeasure(lesson: Lesson): Measure {
  return measure(lesson, lesson.startDockerfile, lesson.startDockerignore ?? '');
}
