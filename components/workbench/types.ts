import type { Report } from '@/lib/analyzer/types';
import type { Goal, ProjectFile } from '@/lib/lessons/types';

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
  /** Called (debounced) with both texts after the learner edits them. */
  onFilesChange?: (files: WorkbenchFiles) => void;
  /** Fires when all goals become met (not again until one is lost and regained). */
  onGoalsMet?: (report: Report) => void;
  /** Fires when a goal is lost after `onGoalsMet` fired (the success message is then stale). */
  onGoalsUnmet?: () => void;
}
