import type { BuildContext, Technique } from '../analyzer/types';

/**
 * A challenge goal, checked live against the analyzer's Report by `evaluateGoals()`.
 * Goals are data, so lessons stay declarative and every correct solution passes,
 * not one exact text.
 */
export type Goal = GoalKind & {
  /**
   * The starting Dockerfile already meets this goal: it guards what the learner must not break
   * (the app still starts, its code still ships), and the goals panel marks it "already fine".
   * A content test checks that exactly these goals are met by the start.
   */
  alreadyMet?: boolean;
};

/** What a goal checks; see `Goal`. */
export type GoalKind =
  | { type: 'size-below'; megabytes: number; label?: string }
  | { type: 'rule-clear'; rule: string; label?: string }
  | { type: 'technique-clear'; technique: Technique; label?: string }
  | { type: 'no-build-tools'; label?: string }
  | {
      type: 'no-package-manager';
      managers?: string[];
      label?: string;
    }
  | { type: 'no-shell'; label?: string }
  | { type: 'file-shipped'; path: string; label?: string }
  | { type: 'file-not-shipped'; path: string; label?: string }
  | { type: 'context-below'; megabytes: number; label?: string }
  | { type: 'rebuild-below'; path: string; megabytes: number; label?: string }
  | { type: 'non-root'; label?: string }
  | { type: 'stages-at-least'; count: number; label?: string }
  | { type: 'score-at-least'; score: number; label?: string }
  /** The start model is certain the container starts (unknown does not count). */
  | { type: 'app-starts'; label?: string }
  /**
   * No error finding is open: the image would build and start. `evaluateGoals` adds this goal to
   * every lesson, so an error on screen always blocks completion.
   */
  | { type: 'no-errors'; label?: string };

export interface GoalResult {
  goal: Goal;
  label: string;
  isMet: boolean;
  /** Short explanation of the current state, e.g. "412 MB now". */
  detail: string;
  /** True for the goal `evaluateGoals` adds on its own (`no-errors`). */
  isImplicit?: boolean;
}

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

export interface LessonMeta {
  title: string;
  summary: string;
  technique: Technique | 'capstone';
  goals: Goal[];
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
