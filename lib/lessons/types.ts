import type { BuildContext, Goal, Technique } from '../analyzer/types';
import type { RuleId } from '../analyzer/rules/index';

export type { Goal, GoalKind, GoalResult } from '../analyzer/types';

/** A file of a lesson's virtual project; `content` for the few files the analyzer reads. */
export interface ProjectFile {
  path: string;
  sizeBytes: number;
  content?: string;
  /**
   * Set when this entry stands for a whole folder summarised as one (a package under
   * node_modules, a site-packages folder): how many real files it holds. The tree shows it
   * as a folder with this count; the analyzer sizes it like a file. Undefined for a file.
   */
  fileCount?: number;
}

type NamingARule<G> = G extends { type: 'rule-clear' } ? Omit<G, 'rule'> & { rule: RuleId } : G;
/** A lesson's goal: a `rule-clear` goal names a registered rule (`RuleId`, from rules/index.ts). */
export type LessonGoal = NamingARule<Goal>;

export interface LessonMeta {
  title: string;
  summary: string;
  technique: Technique | 'capstone';
  goals: LessonGoal[];
  /** Revealed one at a time. */
  hints: string[];
  /** The build context the learner's Dockerfile is built against. */
  project: { name: string; description: string; files: ProjectFile[] };
}

/** Identity helper for typed lesson metadata. */
export function defineLesson(meta: LessonMeta): LessonMeta {
  return meta;
}

/** Converts a lesson project to the analyzer's build context. */
export function projectContext(project: LessonMeta['project']): BuildContext {
  return { files: project.files.map((f) => ({ ...f })) };
}

/** A lesson as the app sees it: metadata plus its texts, in course order. */
export interface Lesson extends LessonMeta {
  slug: string;
  order: number;
  startDockerfile: string;
  solutionDockerfile: string;
  /** .dockerignore the learner starts with ('' for none): the folder's start.dockerignore. */
  startDockerignore: string;
  /** The folder's solution.dockerignore ('' for none). */
  solutionDockerignore: string;
}
