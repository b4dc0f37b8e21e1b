import type { ImageModel } from './model-types';
import type { Fix, LessonSlug, Range, Severity, Technique } from './types';

/** What a rule reports for one problem. */
export interface RuleHit {
  range: Range;
  /** Overrides the rule's default message (keep it an instruction: say what to do). */
  message?: string;
  savedBytes?: number;
  fix?: Fix;
}

export interface RuleDefinition<Id extends string = string> {
  /** kebab-case, names the problem, equals the file name. Public contract: never rename. */
  id: Id;
  technique: Technique;
  severity: Severity;
  /** Lesson slug whose page documents the rule. */
  lesson: LessonSlug;
  /** Equivalent hadolint rule, where one exists. */
  hadolint?: string;
  /** Default message: what to do, and why, in one or two sentences. */
  message: string;
  check: (image: ImageModel) => RuleHit[];
}

/**
 * Identity helper that gives rule modules type checking. It keeps the id's literal type, so the
 * `RuleId` union (rules/index.ts) follows from the registered rules.
 */
export function defineRule<const Id extends string>(rule: RuleDefinition<Id>): RuleDefinition<Id> {
  return rule;
}
