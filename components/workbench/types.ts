import type { Report } from '@/lib/analyzer';
import type { Goal, ProjectFile } from '@/lib/lessons';

/** The two texts the learner edits. */
export interface WorkbenchFiles {
  dockerfile: string;
  dockerignore: string;
}

export interface WorkbenchProps {
  mode: 'lesson' | 'playground' | 'share';
  /** What the editors open with (a draft, a share link's texts, or the start). Read once at mount. */
  initialFiles: WorkbenchFiles;
  /** For Reset and "change vs. start". */
  startFiles: WorkbenchFiles;
  /** The build context. */
  project: { name: string; files: ProjectFile[] };
  goals?: Goal[];
  hints?: string[];
  solution?: WorkbenchFiles;
  readOnly?: boolean;
  lessonSlug?: string;
  /** For the Markdown line of Share. */
  lessonTitle?: string;
  /** The lesson's content version, carried by share links and gallery entries. */
  lessonVersion?: string;
  /** Called (debounced) with both texts after the learner edits them. */
  onFilesChange?: (files: WorkbenchFiles) => void;
  /** Fires when all goals become met (not again until one is lost and regained). */
  onGoalsMet?: (report: Report) => void;
  /**
   * Fires once per text after its analysis has settled (the result is for the text on screen and
   * nothing newer was typed for a moment); not for the starting text nor in read-only mode.
   */
  onAnalysisSettled?: (result: SettledAnalysis) => void;
  /** Fires when a goal is lost after `onGoalsMet` fired (the success message is then stale). */
  onGoalsUnmet?: () => void;
}

/** A settled analysis: the texts and what the core worked out for them. */
export interface SettledAnalysis {
  files: WorkbenchFiles;
  report: Report;
  goalsMet: number;
  goalsTotal: number;
}
